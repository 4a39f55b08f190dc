package io.vigil.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BurstsTest {

    private static final long SPAN_MS = 900_000;
    private static final int HISTORY = 200;
    private static final double[] WIDE = {9, 9, 9, 9};

    private final Decomposition decomposition = new Decomposition(SPAN_MS);
    private final TailCalibrator calibrator = new TailCalibrator();
    private final ErrorSkewness skewness = new ErrorSkewness();
    private final LongRunLevel level = new LongRunLevel();
    private final Bursts bursts = new Bursts();
    private final double[] calmVariances = new double[4];
    private double calmCalibration;
    private double calmSkewness;
    private double calmShortMean;

    @Test
    void shiftBackRestoresStateBeforeBurst() {
        burst();
        for (int i = 0; i < Bursts.BURST_BUCKETS; i++) {
            bursts.learned();
        }

        assertThat(bursts.shifted(-5, decomposition, calibrator, skewness, level))
                .isTrue();
        assertThat(variances()).as("variances").containsExactly(calmVariances);
        assertThat(calibrator.calibrate(true, 1e-6)).as("calibration").isEqualTo(calmCalibration);
        assertThat(skewness.quantileSkewness()).as("shape").isEqualTo(calmSkewness);
        assertThat(level.shortMean()).as("short average").isEqualTo(calmShortMean);
    }

    @Test
    void shiftBackAfterBurstBucketsKeepsState() {
        burst();
        for (int i = 0; i <= Bursts.BURST_BUCKETS; i++) {
            bursts.learned();
        }

        assertThat(bursts.shifted(-5, decomposition, calibrator, skewness, level))
                .isFalse();
        assertThat(variances()).containsExactly(WIDE);
    }

    @Test
    void secondShiftTheSameWayIsNoBurst() {
        burst();

        assertThat(bursts.shifted(3, decomposition, calibrator, skewness, level))
                .isFalse();
        assertThat(variances()).containsExactly(WIDE);
    }

    @Test
    void usualBucketSavesNothing() {
        train();
        bursts.beforeLearning(HISTORY * SPAN_MS, 100, decomposition, calibrator, skewness, level);
        bursts.shifted(5, decomposition, calibrator, skewness, level);
        decomposition.restoreVariances(WIDE);

        assertThat(bursts.shifted(-5, decomposition, calibrator, skewness, level))
                .isFalse();
        assertThat(variances()).as("nothing saved to restore").containsExactly(WIDE);
    }

    @Test
    void restoredBurstStillUndoes() throws IOException {
        burst();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bursts.writeTo(new DataOutputStream(bytes));

        Bursts restored = Bursts.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));

        assertThat(restored.shifted(-5, decomposition, calibrator, skewness, level))
                .isTrue();
        assertThat(variances()).containsExactly(calmVariances);
    }

    /** Learns 200 buckets of N(100, 1) into every part the bursts save. */
    private void train() {
        Random random = new Random(11);
        for (int i = 0; i < HISTORY; i++) {
            double value = 100 + random.nextGaussian();
            decomposition.learn(i * SPAN_MS, value);
            level.learn(value, 1);
            skewness.learn(value - 100);
        }
        decomposition.copyVariancesTo(calmVariances);
        calmCalibration = calibrator.calibrate(true, 1e-6);
        calmSkewness = skewness.quantileSkewness();
        calmShortMean = level.shortMean();
    }

    /**
     * Trains the parts, starts a run with a value of 200, changes every part as a burst's buckets would, and records
     * the burst's shift up by 5.
     */
    private void burst() {
        train();
        bursts.beforeLearning(HISTORY * SPAN_MS, 200, decomposition, calibrator, skewness, level);
        decomposition.restoreVariances(WIDE);
        for (int i = 0; i < 8; i++) {
            calibrator.record(true, 1e-20);
            skewness.learn(10);
            level.learn(300, 1);
        }
        assertThat(bursts.shifted(5, decomposition, calibrator, skewness, level))
                .isFalse();
        assertThat(calibrator.calibrate(true, 1e-6))
                .as("calibration the burst flattened")
                .isGreaterThan(1e-5);
        assertThat(skewness.quantileSkewness()).as("shape the burst changed").isNotEqualTo(calmSkewness);
        assertThat(level.shortMean()).as("short average the burst raised").isGreaterThan(calmShortMean + 4);
    }

    private double[] variances() {
        double[] variances = new double[4];
        decomposition.copyVariancesTo(variances);
        return variances;
    }
}
