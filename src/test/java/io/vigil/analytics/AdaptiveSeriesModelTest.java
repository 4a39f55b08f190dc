package io.vigil.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AdaptiveSeriesModelTest {

    private static final long SPAN_SECONDS = 300;
    private static final long SPAN_MS = SPAN_SECONDS * 1000;
    private static final DefaultSeriesModelFactory FACTORY = new DefaultSeriesModelFactory(SPAN_SECONDS);

    @Test
    void spikeGetsSmallProbability() {
        SeriesModel model = trainedNoise(SeriesKind.METRIC, 2000, 31);

        Assessment spike = model.assess(2000 * SPAN_MS, 100 + 15 * 5, 1, Side.TWO_SIDED);
        Assessment usual = model.assess(2000 * SPAN_MS, 100 + 5, 1, Side.TWO_SIDED);

        assertThat(spike.probability()).isLessThan(1e-6);
        assertThat(spike.spike()).isTrue();
        assertThat(spike.multiBucketImpact()).isLessThan(0);
        assertThat(usual.probability()).isGreaterThan(0.05);
    }

    /**
     * A 10-minute level that doubles after four days and stays. Once the prediction has followed it, the long-run level
     * view still finds the recent level unusual (from the ninth bucket with this seed). The assessment reports that
     * view as its multi-bucket one.
     */
    @Test
    void levelViewIsReportedAsMultiBucket() {
        long spanMs = 600_000;
        Random random = new Random(2);
        SeriesModel model = new DefaultSeriesModelFactory(spanMs / 1000).create(SeriesKind.METRIC);
        Assessment levelDriven = null;
        for (int i = 0; i < 676 && levelDriven == null; i++) {
            double value = (i < 576 ? 100 : 200) + 5 * random.nextGaussian();
            Assessment assessment = model.assess(i * spanMs, value, 1, Side.TWO_SIDED);
            boolean inside = value >= assessment.lowerBound() && value <= assessment.upperBound();
            if (i >= 576 && inside && assessment.probability() < 1e-4) {
                levelDriven = assessment;
            }
            model.learn(i * spanMs, value, 1);
        }

        assertThat(levelDriven)
                .as("a value inside its bounds with p below 1e-4")
                .isNotNull();
        assertThat(levelDriven.singleBucketProbability()).isGreaterThan(0.01);
        assertThat(levelDriven.multiBucketProbability()).isEqualTo(levelDriven.probability());
        assertThat(levelDriven.multiBucketImpact()).isEqualTo(5);
    }

    @Test
    void normalDataStaysProbable() {
        Random random = new Random(37);
        SeriesModel model = FACTORY.create(SeriesKind.METRIC);
        double smallest = 1;
        for (int i = 0; i < 4000; i++) {
            double value = 100 + 5 * random.nextGaussian();
            if (i >= 200) {
                smallest = Math.min(
                        smallest,
                        model.assess(i * SPAN_MS, value, 1, Side.TWO_SIDED).probability());
            }
            model.learn(i * SPAN_MS, value, 1);
        }

        assertThat(smallest).isGreaterThan(1e-5);
    }

    @Test
    void oneSidedIgnoresOtherSide() {
        SeriesModel model = trainedNoise(SeriesKind.METRIC, 1000, 41);

        Assessment dipAbove = model.assess(1000 * SPAN_MS, 0, 1, Side.ABOVE);
        Assessment spikeBelow = model.assess(1000 * SPAN_MS, 500, 1, Side.BELOW);
        Assessment dipBelow = model.assess(1000 * SPAN_MS, 0, 1, Side.BELOW);

        assertThat(dipAbove.probability()).isEqualTo(1);
        assertThat(spikeBelow.probability()).isEqualTo(1);
        assertThat(dipBelow.probability()).isLessThan(1e-6);
        assertThat(dipBelow.spike()).isFalse();
    }

    @Test
    void earlyBucketsAreNotTiny() {
        SeriesModel model = FACTORY.create(SeriesKind.METRIC);
        model.learn(0, 10, 1);
        model.learn(SPAN_MS, 11, 1);
        model.learn(2 * SPAN_MS, 10.5, 1);
        model.learn(3 * SPAN_MS, 10.2, 1);

        assertThat(model.assess(4 * SPAN_MS, 1000, 1, Side.TWO_SIDED).probability())
                .isGreaterThan(1e-3);
    }

    @Test
    void earlyExponentRampsOverFirstBuckets() {
        assertThat(AdaptiveSeriesModel.earlyExponent(3, 0)).isCloseTo(0.15, within(1e-12));
        assertThat(AdaptiveSeriesModel.earlyExponent(20, 0)).isEqualTo(1);
        assertThat(AdaptiveSeriesModel.earlyExponent(75, 0)).isEqualTo(1);
    }

    @Test
    void skewedEarlyExponentGrowsAsSquareRoot() {
        assertThat(AdaptiveSeriesModel.earlyExponent(3, 1)).isCloseTo(0.1, within(1e-12));
        assertThat(AdaptiveSeriesModel.earlyExponent(75, 1)).isCloseTo(0.5, within(1e-12));
        assertThat(AdaptiveSeriesModel.earlyExponent(75, 0.5)).isCloseTo(0.75, within(1e-12));
        assertThat(AdaptiveSeriesModel.earlyExponent(300, 1)).isEqualTo(1);
        assertThat(AdaptiveSeriesModel.earlyExponent(5000, 1)).isEqualTo(1);
    }

    /**
     * A value 8 standard deviations out after 40 normal values keeps a tiny probability (1.2e-7). Five times the
     * median after 40 log-normal values of shape 0.5 (true upper-tail probability 6.5e-4) is tempered to 0.11.
     */
    @Test
    void youngSkewedModelTempersExtremeValue() {
        SeriesModel normal = FACTORY.create(SeriesKind.METRIC);
        SeriesModel skewed = FACTORY.create(SeriesKind.METRIC);
        Random random = new Random(42);
        for (int i = 0; i < 40; i++) {
            double deviate = random.nextGaussian();
            normal.learn(i * SPAN_MS, 100 + 10 * deviate, 1);
            skewed.learn(i * SPAN_MS, 100 * Math.exp(0.5 * deviate), 1);
        }

        double normalProbability =
                normal.assess(40 * SPAN_MS, 180, 1, Side.TWO_SIDED).singleBucketProbability();
        double skewedProbability =
                skewed.assess(40 * SPAN_MS, 500, 1, Side.TWO_SIDED).singleBucketProbability();

        assertThat(normalProbability).isLessThan(1e-6);
        assertThat(skewedProbability).isGreaterThan(1e-2);
    }

    @Test
    void firstBucketsAreNeverUnusual() {
        SeriesModel model = FACTORY.create(SeriesKind.COUNT);
        model.learn(0, 3, 1);

        assertThat(model.assess(SPAN_MS, 300, 1, Side.TWO_SIDED).probability()).isEqualTo(1);
    }

    @Test
    void constantSeriesIsProbableUntilItChanges() {
        SeriesModel model = FACTORY.create(SeriesKind.METRIC);
        for (int i = 0; i < 500; i++) {
            model.learn(i * SPAN_MS, 42, 1);
        }

        assertThat(model.assess(500 * SPAN_MS, 42, 1, Side.TWO_SIDED).probability())
                .isEqualTo(1);
        assertThat(model.typical(500 * SPAN_MS)).isEqualTo(42);
        assertThat(model.assess(500 * SPAN_MS, 43, 1, Side.TWO_SIDED).probability())
                .isLessThan(1e-6);
    }

    @Test
    void levelShiftStopsBeingAnomalous() {
        SeriesModel model = trainedNoise(SeriesKind.METRIC, 1000, 43);
        Random random = new Random(44);
        double first = 1;
        double last = 1;
        for (int i = 1000; i < 1100; i++) {
            double value = 200 + 5 * random.nextGaussian();
            double probability =
                    model.assess(i * SPAN_MS, value, 1, Side.TWO_SIDED).probability();
            first = i == 1000 ? probability : first;
            last = probability;
            model.learn(i * SPAN_MS, value, 1);
        }

        assertThat(first).isLessThan(1e-6);
        assertThat(last).isGreaterThanOrEqualTo(AnomalyRuns.RUN_PROBABILITY);
    }

    /**
     * A burst, learned as a level shift and a shift back, leaves the scale and the tail calibration as they were, so
     * an equal burst a day later and an outage soon after it are as improbable as without it.
     */
    @Test
    void burstDoesNotHideLaterAnomalies() {
        SeriesModel model = trainedNoise(SeriesKind.METRIC, 2000, 79);
        Random random = new Random(80);
        for (int i = 2000; i < 2300; i++) {
            model.learn(i * SPAN_MS, (i < 2024 ? 200 : 100) + 5 * random.nextGaussian(), 1);
        }

        assertThat(model.assess(2300 * SPAN_MS, 200, 1, Side.TWO_SIDED).probability())
                .as("second burst")
                .isLessThan(1e-30);
        assertThat(model.assess(2300 * SPAN_MS, 0, 1, Side.TWO_SIDED).probability())
                .as("outage")
                .isLessThan(1e-30);
    }

    /** Half-normal values of scale 10 have a mean of 8 and a standard deviation of 6, so mean − 1.96 sd is below 0. */
    @Test
    void neverNegativeSeriesKeepsLowerBoundAtZero() {
        Random random = new Random(83);
        SeriesModel positive = FACTORY.create(SeriesKind.METRIC);
        SeriesModel signed = FACTORY.create(SeriesKind.METRIC);
        for (int i = 0; i < 1000; i++) {
            double value = 10 * Math.abs(random.nextGaussian());
            positive.learn(i * SPAN_MS, value, 1);
            signed.learn(i * SPAN_MS, i == 500 ? -value : value, 1);
        }

        assertThat(positive.assess(1000 * SPAN_MS, 5, 1, Side.TWO_SIDED).lowerBound())
                .isZero();
        assertThat(signed.assess(1000 * SPAN_MS, 5, 1, Side.TWO_SIDED).lowerBound())
                .isNegative();
    }

    @Test
    void continuingSpikeIsQuietedAfterOnset() {
        SeriesModel model = trainedNoise(SeriesKind.METRIC, 2000, 73);
        double[] probabilities = new double[3];
        for (int i = 0; i < probabilities.length; i++) {
            long time = (2000 + i) * SPAN_MS;
            probabilities[i] = model.assess(time, 200, 1, Side.TWO_SIDED).probability();
            model.learn(time, 200, 1);
        }

        assertThat(probabilities[0]).isLessThan(1e-10);
        assertThat(probabilities[1]).isEqualTo(AnomalyRuns.CONTINUING_PROBABILITY);
        // The later views may lower the raised probability, but it stays far above the onset's.
        assertThat(probabilities[2]).isBetween(1e-3, AnomalyRuns.CONTINUING_PROBABILITY);
    }

    @Test
    void runOfSmallDeviationsIsMultiBucket() {
        SeriesModel model = trainedNoise(SeriesKind.METRIC, 2000, 47);
        Assessment assessment = null;
        for (int i = 2000; i < 2006; i++) {
            assessment = model.assess(i * SPAN_MS, 100 + 2.6 * 5, 1, Side.TWO_SIDED);
            model.learn(i * SPAN_MS, 100 + 2.6 * 5, 1);
        }

        assertThat(assessment.multiBucketProbability()).isLessThan(assessment.singleBucketProbability());
        assertThat(assessment.multiBucketImpact()).isGreaterThan(0);
        assertThat(assessment.anomalyLength()).isGreaterThan(1);
    }

    @Test
    void sparseCountsTolerateOccasionalEvents() {
        Random random = new Random(53);
        SeriesModel model = FACTORY.create(SeriesKind.COUNT);
        double smallest = 1;
        for (int i = 0; i < 3000; i++) {
            double count = random.nextDouble() < 0.05 ? 1 : 0;
            if (i >= 500) {
                smallest = Math.min(
                        smallest,
                        model.assess(i * SPAN_MS, count, 1, Side.TWO_SIDED).probability());
            }
            model.learn(i * SPAN_MS, count, 1);
        }
        Assessment burst = model.assess(3000 * SPAN_MS, 12, 1, Side.TWO_SIDED);

        // A calibrated model's smallest probability over 2,500 buckets is about 1/2,500.
        assertThat(smallest).isGreaterThan(1e-4);
        assertThat(burst.probability()).isLessThan(1e-6);
        assertThat(model.typical(3000 * SPAN_MS)).isBetween(0.0, 0.2);
        assertThat(burst.lowerBound()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void restoredModelGivesIdenticalAssessments() throws IOException {
        SeriesModel original = trainedNoise(SeriesKind.METRIC, 3000, 59);
        SeriesModel restored = FACTORY.read(new DataInputStream(new ByteArrayInputStream(state(original))));

        Random random = new Random(60);
        for (int i = 3000; i < 3500; i++) {
            double value = 100 + 5 * random.nextGaussian() + (i % 97 == 0 ? 60 : 0);
            Assessment expected = original.assess(i * SPAN_MS, value, 1, Side.TWO_SIDED);
            Assessment actual = restored.assess(i * SPAN_MS, value, 1, Side.TWO_SIDED);
            assertThat(actual).isEqualTo(expected);
            original.learn(i * SPAN_MS, value, 1);
            restored.learn(i * SPAN_MS, value, 1);
        }
        assertThat(state(restored)).isEqualTo(state(original));
    }

    @Test
    void unknownStateVersionIsRejected() {
        byte[] state = {99, 0};

        assertThatThrownBy(() -> FACTORY.read(new DataInputStream(new ByteArrayInputStream(state))))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("version 99");
    }

    @Test
    void fourWeeksFitInEightKilobytes() {
        SeriesModel model = trainedNoise(SeriesKind.METRIC, 8064, 61);

        assertThat(model.memoryBytes()).isLessThan(8 * 1024);
    }

    @Test
    void nonPositiveBucketSpanIsRejected() {
        assertThatThrownBy(() -> new DefaultSeriesModelFactory(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bucketSpanSeconds");
    }

    private static SeriesModel trainedNoise(SeriesKind kind, int buckets, long seed) {
        Random random = new Random(seed);
        SeriesModel model = FACTORY.create(kind);
        for (int i = 0; i < buckets; i++) {
            model.learn(i * SPAN_MS, 100 + 5 * random.nextGaussian(), 1);
        }
        return model;
    }

    private static byte[] state(SeriesModel model) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.writeTo(new DataOutputStream(bytes));
        return bytes.toByteArray();
    }
}
