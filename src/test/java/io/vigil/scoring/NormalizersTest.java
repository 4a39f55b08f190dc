package io.vigil.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NormalizersTest {

    private static final long SEED = 7_331L;
    private static final NormalizerSettings NO_DECAY = new NormalizerSettings(1, 1.0, 1.0, 1.0);
    private static final NormalizerKey KEY = NormalizerKey.record(null, "host", "mean", "bytes");
    private static final MaxScoreScope SCOPE = new MaxScoreScope(null, "web-1");

    @Test
    void resultWithoutHistoryScoresZero() {
        Normalizers normalizers = new Normalizers(NO_DECAY);

        assertThat(normalizers.normalize(ScoreLevel.RECORD, KEY, SCOPE, 1e-9)).isZero();
    }

    @Test
    void usualProbabilityScoresZero() {
        Normalizers normalizers = new Normalizers(NO_DECAY);
        normalizers.update(ScoreLevel.RECORD, KEY, SCOPE, 3.0);

        assertThat(normalizers.normalize(ScoreLevel.RECORD, KEY, SCOPE, 0.04)).isZero();
    }

    /**
     * Returns normalizers with 1,800 zeros, 189 scores of 1.0 and 11 scores of 6.0, then the raw score 3.13 of
     * p = 1e-6, which lies above 99.40% and at or above 99.45% of the history and at 52% of the scope maximum. Rank
     * gives 67.9 and the maximum 76.
     */
    private static Normalizers workedExample() {
        Normalizers normalizers = new Normalizers(NO_DECAY);
        feed(normalizers, 1_800, 0.0);
        feed(normalizers, 189, 1.0);
        feed(normalizers, 11, 6.0);
        double raw = DeviationFunction.score(1e-6);
        normalizers.update(ScoreLevel.RECORD, KEY, SCOPE, raw);
        return normalizers;
    }

    /** The family-wise probability 1 - (1 - 1e-6)^2001 ≈ 2.0e-3 gives 54.2, which binds. */
    @Test
    void workedExampleTakesSmallestCeiling() {
        Normalizers normalizers = workedExample();

        double score = normalizers.normalize(ScoreLevel.RECORD, KEY, SCOPE, 1e-6);

        double familyWise = 1.0 - Math.pow(1.0 - 1e-6, 2_001);
        assertThat(score).isCloseTo(ScoreCeilings.probability(familyWise), within(0.05));
        assertThat(score).isCloseTo(54.2, within(0.1));
    }

    /** For a first occurrence the probability ceiling of p = 1e-6 is 100, so rank binds instead. */
    @Test
    void firstOccurrenceSkipsFamilyWiseCeiling() {
        Normalizers normalizers = workedExample();

        double firstOccurrence = normalizers.normalize(ScoreLevel.RECORD, KEY, SCOPE, 1e-6, true);
        double seenBefore = normalizers.normalize(ScoreLevel.RECORD, KEY, SCOPE, 1e-6, false);

        assertThat(firstOccurrence).isCloseTo(67.9, within(0.1));
        assertThat(seenBefore).isCloseTo(54.2, within(0.1));
    }

    @Test
    void rawScoreLevelsUseAggregateProbability() {
        for (double p : new double[] {0.01, 1e-6, 1e-30}) {
            double bucketRaw = ScoreAggregator.NORMAL_RANGE_SCORE_FRACTION * DeviationFunction.score(p);

            assertThat(Normalizers.probabilityOf(ScoreLevel.BUCKET, bucketRaw)).isCloseTo(p, within(p * 1e-9));
            assertThat(Normalizers.probabilityOf(ScoreLevel.BUCKET_INFLUENCER, bucketRaw))
                    .isCloseTo(p, within(p * 1e-9));
            assertThat(Normalizers.probabilityOf(ScoreLevel.RECORD, DeviationFunction.score(p)))
                    .isCloseTo(p, within(p * 1e-9));
        }
    }

    @Test
    void bucketWithOneRecordScoresLikeIt() {
        Normalizers normalizers = new Normalizers(NO_DECAY);
        NormalizerKey record = NormalizerKey.record(null, null, "mean", "value");
        for (int bucket = 0; bucket < 1000; bucket++) {
            normalizers.age();
            normalizers.update(ScoreLevel.RECORD, record, MaxScoreScope.ALL, 0.0);
            normalizers.update(ScoreLevel.BUCKET, NormalizerKey.BUCKET, MaxScoreScope.ALL, 0.0);
        }
        // The probability ceiling binds here: 1001 results make the family-wise probability about 1e-3.
        double p = 1e-6;
        double raw = DeviationFunction.score(p);
        normalizers.update(ScoreLevel.RECORD, record, MaxScoreScope.ALL, raw);
        double bucketRaw = ScoreAggregator.NORMAL_RANGE_SCORE_FRACTION * raw;
        normalizers.update(ScoreLevel.BUCKET, NormalizerKey.BUCKET, MaxScoreScope.ALL, bucketRaw);

        double recordScore = normalizers.normalize(ScoreLevel.RECORD, record, MaxScoreScope.ALL, p);
        double bucketScore =
                normalizers.normalize(ScoreLevel.BUCKET, NormalizerKey.BUCKET, MaxScoreScope.ALL, bucketRaw);

        assertThat(recordScore).isCloseTo(64.8, within(0.2));
        assertThat(bucketScore).isCloseTo(recordScore, within(1e-6));
    }

    /**
     * Scores, as renormalization would, a first occurrence of p = 8e-4 in a scope shared by a population, before and
     * after a later anomaly of p = 2e-6 raises the scope's maximum.
     */
    @Test
    void moderateAnomalyKeepsHalfAfterLargerOne() {
        Normalizers normalizers = new Normalizers(NO_DECAY);
        for (int i = 0; i < 1_000; i++) {
            normalizers.update(ScoreLevel.RECORD, KEY, MaxScoreScope.ALL, 0.0);
        }
        double moderate = 8e-4;
        normalizers.update(ScoreLevel.RECORD, KEY, MaxScoreScope.ALL, DeviationFunction.score(moderate));
        double before = normalizers.normalize(ScoreLevel.RECORD, KEY, MaxScoreScope.ALL, moderate, true);

        normalizers.update(ScoreLevel.RECORD, KEY, MaxScoreScope.ALL, DeviationFunction.score(2e-6));
        double after = normalizers.normalize(ScoreLevel.RECORD, KEY, MaxScoreScope.ALL, moderate, true);

        assertThat(before).isGreaterThan(50.0);
        assertThat(after).isGreaterThanOrEqualTo(before / 2.0);
    }

    /**
     * With hourly buckets the family-wise count settles near the 720 buckets of a 30-day window, so p = 1e-5 keeps a
     * probability ceiling of about 1 - (1 - 1e-5)^720 = 7.2e-3 even after 5,000 buckets, where the whole history
     * would give 0.049 and a score of 0.
     */
    @Test
    void familyWiseCountIsBoundedByWindow() {
        Normalizers normalizers = new Normalizers(NormalizerSettings.forBucketSpan(3600));
        for (int bucket = 0; bucket < 5_000; bucket++) {
            normalizers.age();
            normalizers.update(ScoreLevel.RECORD, KEY, SCOPE, 0.0);
        }
        normalizers.update(ScoreLevel.RECORD, KEY, SCOPE, DeviationFunction.score(1e-5));

        double score = normalizers.normalize(ScoreLevel.RECORD, KEY, SCOPE, 1e-5);

        assertThat(score).isCloseTo(ScoreCeilings.probability(1.0 - Math.pow(1.0 - 1e-5, 720)), within(0.5));
    }

    @Test
    void familyDecayFollowsRenormalizationWindow() {
        assertThat(NormalizerSettings.forBucketSpan(3600).familyDecayPerBucket())
                .isCloseTo(Math.exp(-1.0 / 720.0), within(1e-12));
        assertThat(NormalizerSettings.forBucketSpan(86_400).familyDecayPerBucket())
                .isCloseTo(Math.exp(-1.0 / 100.0), within(1e-12));
        assertThat(NormalizerSettings.bucketSpanOf(
                        NormalizerSettings.forBucketSpan(300).maxScoreDecayPerBucket()))
                .isEqualTo(300L);
    }

    @Test
    void normalizeLeavesStateUnchanged() throws IOException {
        Normalizers normalizers = new Normalizers(NO_DECAY);
        feed(normalizers, 100, 0.0);
        normalizers.update(ScoreLevel.RECORD, KEY, SCOPE, 5.0);
        byte[] before = bytesOf(normalizers);

        normalizers.normalize(ScoreLevel.RECORD, KEY, SCOPE, 1e-12);
        normalizers.normalize(ScoreLevel.BUCKET, NormalizerKey.BUCKET, MaxScoreScope.ALL, 3.0);

        assertThat(bytesOf(normalizers)).isEqualTo(before);
    }

    @Test
    void growthOfMaximumBeyondTenPercentIsBigChange() {
        Normalizers normalizers = new Normalizers(NO_DECAY);

        boolean first = normalizers.update(ScoreLevel.RECORD, KEY, SCOPE, 1.0);
        boolean small = normalizers.update(ScoreLevel.RECORD, KEY, SCOPE, 1.05);
        boolean large = normalizers.update(ScoreLevel.RECORD, KEY, SCOPE, 1.2);
        boolean zero = normalizers.update(ScoreLevel.RECORD, KEY, new MaxScoreScope(null, "web-2"), 0.0);

        assertThat(first).isTrue();
        assertThat(small).isFalse();
        assertThat(large).isTrue();
        assertThat(zero).isFalse();
    }

    @Test
    void idleScopeIsForgottenAfterFiftyBuckets() {
        Normalizers normalizers = new Normalizers(NO_DECAY);
        normalizers.update(ScoreLevel.RECORD, KEY, SCOPE, 4.0);
        for (int bucket = 0; bucket < 50; bucket++) {
            normalizers.age();
        }
        boolean keptAfterFifty = !normalizers.update(ScoreLevel.RECORD, KEY, SCOPE, 4.0);
        for (int bucket = 0; bucket < 51; bucket++) {
            normalizers.age();
        }

        boolean forgottenAfterFiftyOne = normalizers.update(ScoreLevel.RECORD, KEY, SCOPE, 4.0);

        assertThat(keptAfterFifty).isTrue();
        assertThat(forgottenAfterFiftyOne).isTrue();
    }

    @Test
    void maximumDecaysWithFourteenDayHalfLife() {
        NormalizerSettings settings = NormalizerSettings.forBucketSpan(300);
        double bucketsPerHalfLife = Math.log(2.0) / -Math.log(settings.maxScoreDecayPerBucket());

        assertThat(bucketsPerHalfLife * 300 / 86_400.0).isCloseTo(14.44, within(0.01));
        assertThat(settings.countPerSample()).isEqualTo(6);
        assertThat(NormalizerSettings.forBucketSpan(3_600).countPerSample()).isEqualTo(1);
        assertThat(NormalizerSettings.forBucketSpan(60).countPerSample()).isEqualTo(12);
    }

    /**
     * A year of hourly buckets of calibrated p-values never scores 25 with this seed, and a p-value of 1e-14 at the
     * end reaches 75.
     */
    @Test
    void normalSeriesStaysBelowMinorUntilRealAnomaly() {
        Random random = new Random(SEED);
        Normalizers normalizers = new Normalizers(NormalizerSettings.forBucketSpan(3_600));
        double highest = 0.0;
        for (int bucket = 0; bucket < 8_760; bucket++) {
            double p = random.nextDouble();
            highest = Math.max(highest, finalize(normalizers, p));
        }

        double anomaly = finalize(normalizers, 1e-14);

        assertThat(highest).as("seed %s", SEED).isLessThan(25.0);
        assertThat(anomaly).isGreaterThanOrEqualTo(75.0);
    }

    @Test
    void stateRoundTripScoresTheSame() throws IOException {
        Normalizers normalizers = new Normalizers(NormalizerSettings.forBucketSpan(300));
        Random random = new Random(SEED);
        for (int bucket = 0; bucket < 500; bucket++) {
            finalize(normalizers, random.nextDouble() * random.nextDouble());
        }
        byte[] state = bytesOf(normalizers);

        Normalizers read = Normalizers.readFrom(new DataInputStream(new ByteArrayInputStream(state)));

        assertThat(bytesOf(read)).isEqualTo(state);
        assertThat(read.normalize(ScoreLevel.RECORD, KEY, SCOPE, 1e-8))
                .isEqualTo(normalizers.normalize(ScoreLevel.RECORD, KEY, SCOPE, 1e-8));
        assertThat(bytesOf(normalizers.copy())).isEqualTo(state);
    }

    private static double finalize(Normalizers normalizers, double p) {
        normalizers.age();
        normalizers.update(ScoreLevel.RECORD, KEY, SCOPE, Normalizers.rawScoreOf(p));
        return normalizers.normalize(ScoreLevel.RECORD, KEY, SCOPE, p);
    }

    private static void feed(Normalizers normalizers, int count, double rawScore) {
        for (int i = 0; i < count; i++) {
            normalizers.update(ScoreLevel.RECORD, KEY, SCOPE, rawScore);
        }
    }

    private static byte[] bytesOf(Normalizers normalizers) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        normalizers.writeTo(new DataOutputStream(bytes));
        return bytes.toByteArray();
    }
}
