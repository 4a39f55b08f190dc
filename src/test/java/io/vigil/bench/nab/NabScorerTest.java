package io.vigil.bench.nab;

import static io.vigil.bench.nab.NabFixtures.scoresAt;
import static io.vigil.bench.nab.NabFixtures.series;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class NabScorerTest {

    private static final double TOLERANCE = 1e-9;

    private static final long SEED = 20_140_701L;

    /** 100 rows, probation 15, one window of 4 rows at rows 90 to 93. */
    private static final NabSeries LATE_WINDOW = series("cat/late.csv", 100, new NabWindow(90, 93));

    @Test
    void detectionAtLeftEdgeOnlyScoresHundred() {
        NabCorpus corpus = NabCorpus.of(List.of(LATE_WINDOW));

        NabScore score = NabScorer.score(corpus, Map.of("cat/late.csv", scoresAt(100, 0.8, 90)), Profile.STANDARD);

        assertThat(score.normalizedScore()).isCloseTo(100.0, within(TOLERANCE));
        assertThat(score.rawScore()).isCloseTo(1.0, within(TOLERANCE));
        assertThat(score.threshold()).isEqualTo(0.8);
        assertThat(score.detectedWindows()).isEqualTo(1);
        assertThat(score.falsePositives()).isZero();
    }

    @Test
    void laterDetectionInWindowEarnsLess() {
        NabCorpus corpus = NabCorpus.of(List.of(LATE_WINDOW));

        NabScore score = NabScorer.score(corpus, Map.of("cat/late.csv", scoresAt(100, 1.0, 92)), Profile.STANDARD);

        double weight = RowWeights.scaledSigmoid(-2.0 / 4.0) / RowWeights.MAX_TRUE_POSITIVE;
        assertThat(score.rawScore()).isCloseTo(weight, within(TOLERANCE));
        assertThat(score.normalizedScore()).isCloseTo(100.0 * (weight + 1.0) / 2.0, within(TOLERANCE));
    }

    @Test
    void onlyFalsePositivesKeepNullScore() {
        NabCorpus corpus = NabCorpus.of(List.of(LATE_WINDOW));

        NabScore score = NabScorer.score(corpus, Map.of("cat/late.csv", scoresAt(100, 1.0, 40)), Profile.STANDARD);

        assertThat(score.threshold()).isEqualTo(NabScorer.NO_DETECTION_THRESHOLD);
        assertThat(score.rawScore()).isEqualTo(-1.0);
        assertThat(score.normalizedScore()).isEqualTo(0.0);
        assertThat(score.detectedWindows()).isZero();
    }

    @Test
    void probationRowsAreIgnored() {
        NabCorpus corpus = NabCorpus.of(List.of(LATE_WINDOW));
        double[] scores = scoresAt(100, 1.0, 0, 5, 14, 90);

        NabScore score = NabScorer.score(corpus, Map.of("cat/late.csv", scores), Profile.STANDARD);

        assertThat(score.falsePositives()).isZero();
        assertThat(score.normalizedScore()).isCloseTo(100.0, within(TOLERANCE));
    }

    @Test
    void tiesGoToHigherThreshold() {
        NabCorpus corpus = NabCorpus.of(List.of(LATE_WINDOW));
        double[] scores = scoresAt(100, 0.9, 90);
        scores[91] = 0.7;

        NabScore score = NabScorer.score(corpus, Map.of("cat/late.csv", scores), Profile.STANDARD);

        assertThat(score.threshold()).isEqualTo(0.9);
    }

    @Test
    void falseNegativeProfileDoublesCostOfMiss() {
        NabCorpus corpus = NabCorpus.of(List.of(LATE_WINDOW));

        NabScore score = NabScorer.score(corpus, Map.of("cat/late.csv", new double[100]), Profile.REWARD_LOW_FN_RATE);

        assertThat(score.nullScore()).isEqualTo(-2.0);
        assertThat(score.perfectScore()).isEqualTo(1.0);
        assertThat(score.rawScore()).isEqualTo(-2.0);
        assertThat(score.normalizedScore()).isEqualTo(0.0);
    }

    @Test
    void corpusWithoutWindowsHasNoNormalizedScore() {
        NabCorpus corpus = NabCorpus.of(List.of(series("cat/flat.csv", 40)));

        NabScore score = NabScorer.score(corpus, Map.of("cat/flat.csv", new double[40]), Profile.STANDARD);

        assertThat(score.normalizedScore()).isNaN();
        assertThat(score.rawScore()).isEqualTo(0.0);
    }

    @Test
    void allProfilesMatchSingleProfileScores() {
        NabCorpus corpus = NabCorpus.of(List.of(LATE_WINDOW));
        Map<String, double[]> scores = Map.of("cat/late.csv", randomScores(new Random(7), 100));

        Map<Profile, NabScore> all = NabScorer.scoreAllProfiles(corpus, scores);

        for (Profile profile : Profile.values()) {
            assertThat(all.get(profile)).isEqualTo(NabScorer.score(corpus, scores, profile));
        }
    }

    @Test
    void sweepMatchesBruteForceOnRandomScores() {
        Random random = new Random(SEED);
        for (int trial = 0; trial < 50; trial++) {
            NabCorpus corpus = randomCorpus(random);
            Map<String, double[]> scores = new HashMap<>();
            for (NabSeries series : corpus.series()) {
                scores.put(series.name(), randomScores(random, series.rowCount()));
            }
            for (Profile profile : Profile.values()) {
                NabScore actual = NabScorer.score(corpus, scores, profile);
                double[] expected = bruteForce(corpus, scores, profile);

                assertThat(actual.rawScore())
                        .as("seed %d trial %d %s", SEED, trial, profile)
                        .isCloseTo(expected[0], within(TOLERANCE));
                assertThat(actual.threshold())
                        .as("seed %d trial %d %s", SEED, trial, profile)
                        .isEqualTo(expected[1]);
            }
        }
    }

    @Test
    void rejectsScoresOutsideUnitInterval() {
        NabCorpus corpus = NabCorpus.of(List.of(LATE_WINDOW));

        assertThatThrownBy(
                        () -> NabScorer.score(corpus, Map.of("cat/late.csv", scoresAt(100, 1.5, 3)), Profile.STANDARD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Score 1.5 of row 3 of cat/late.csv is outside [0, 1]; anomaly_score must be in [0, 1]");
        assertThatThrownBy(() ->
                        NabScorer.score(corpus, Map.of("cat/late.csv", scoresAt(100, Double.NaN, 3)), Profile.STANDARD))
                .hasMessageStartingWith("Score NaN of row 3");
    }

    @Test
    void rejectsWrongRowCount() {
        NabCorpus corpus = NabCorpus.of(List.of(LATE_WINDOW));

        assertThatThrownBy(() -> NabScorer.score(corpus, Map.of("cat/late.csv", new double[99]), Profile.STANDARD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "cat/late.csv has 100 rows but 99 scores were given; give one score per row, in file order");
    }

    @Test
    void rejectsMissingAndUnknownSeries() {
        NabCorpus corpus = NabCorpus.of(List.of(LATE_WINDOW));

        assertThatThrownBy(() -> NabScorer.score(corpus, Map.of(), Profile.STANDARD))
                .hasMessage("Scores missing for cat/late.csv; give one array of scores per series of the corpus");
        assertThatThrownBy(() -> NabScorer.score(
                        corpus,
                        Map.of("cat/late.csv", new double[100], "cat/other.csv", new double[3]),
                        Profile.STANDARD))
                .hasMessageStartingWith("Series cat/other.csv not found in the corpus");
    }

    /** Returns {raw score, threshold} by evaluating every candidate threshold from the definitions. */
    private static double[] bruteForce(NabCorpus corpus, Map<String, double[]> scoresByFile, Profile profile) {
        TreeSet<Double> thresholds = new TreeSet<>();
        for (NabSeries series : corpus.series()) {
            double[] scores = scoresByFile.get(series.name());
            for (int row = series.probationRows(); row < scores.length; row++) {
                thresholds.add(scores[row]);
            }
        }
        double bestRaw = rawAt(corpus, scoresByFile, profile, NabScorer.NO_DETECTION_THRESHOLD);
        double bestThreshold = NabScorer.NO_DETECTION_THRESHOLD;
        for (double threshold : thresholds.descendingSet()) {
            double raw = rawAt(corpus, scoresByFile, profile, threshold);
            if (raw > bestRaw + TOLERANCE) {
                bestRaw = raw;
                bestThreshold = threshold;
            }
        }
        return new double[] {bestRaw, bestThreshold};
    }

    private static double rawAt(NabCorpus corpus, Map<String, double[]> scoresByFile, Profile profile, double t) {
        double raw = 0;
        for (NabSeries series : corpus.series()) {
            double[] scores = scoresByFile.get(series.name());
            double[] weights = RowWeights.of(series.rowCount(), series.windows(), profile);
            int probation = series.probationRows();
            for (NabWindow window : series.windows()) {
                double best = -profile.falseNegativeWeight();
                for (int row = Math.max(probation, window.firstRow()); row <= window.lastRow(); row++) {
                    if (scores[row] >= t) {
                        best = Math.max(best, weights[row]);
                    }
                }
                raw += best;
            }
            for (int row = probation; row < scores.length; row++) {
                if (scores[row] >= t && !series.inWindow(row)) {
                    raw += weights[row];
                }
            }
        }
        return raw;
    }

    private static NabCorpus randomCorpus(Random random) {
        int seriesCount = 1 + random.nextInt(3);
        List<NabSeries> series = new ArrayList<>();
        for (int index = 0; index < seriesCount; index++) {
            int rowCount = 20 + random.nextInt(80);
            List<NabWindow> windows = new ArrayList<>();
            int row = random.nextInt(rowCount / 2);
            while (row < rowCount - 1) {
                int last = Math.min(rowCount - 1, row + random.nextInt(8));
                windows.add(new NabWindow(row, last));
                row = last + 2 + random.nextInt(30);
            }
            series.add(new NabSeries("cat/s" + index + ".csv", new long[rowCount], new double[rowCount], windows));
        }
        return NabCorpus.of(series);
    }

    /** Returns scores on a coarse grid, so that ties between rows are frequent. */
    private static double[] randomScores(Random random, int rowCount) {
        double[] scores = new double[rowCount];
        for (int row = 0; row < rowCount; row++) {
            scores[row] = random.nextInt(11) / 10.0;
        }
        return scores;
    }
}
