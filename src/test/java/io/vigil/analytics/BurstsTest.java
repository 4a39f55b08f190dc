package io.vigil.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class BurstsTest {

    private static final long SPAN_MS = 900_000;
    private static final double[] CALM = {1, 2, 3, 4};
    private static final double[] WIDE = {9, 9, 9, 9};

    @Test
    void shiftBackRestoresStateBeforeBurst() {
        Decomposition decomposition = new Decomposition(SPAN_MS);
        TailCalibrator calibrator = new TailCalibrator();
        Bursts bursts = calmBeforeShift(decomposition, calibrator);
        for (int i = 0; i < Bursts.BURST_BUCKETS; i++) {
            bursts.learned();
        }

        assertThat(bursts.shifted(-5, decomposition, calibrator, new LongRunLevel()))
                .isTrue();
        assertThat(variances(decomposition)).containsExactly(CALM);
        assertThat(calibrator.calibrate(true, 1e-6)).isEqualTo(new TailCalibrator().calibrate(true, 1e-6));
    }

    @Test
    void shiftBackRestoresShortAverage() {
        Decomposition decomposition = new Decomposition(SPAN_MS);
        TailCalibrator calibrator = new TailCalibrator();
        LongRunLevel level = new LongRunLevel();
        level.learn(100, 1);
        Bursts bursts = new Bursts();
        bursts.beforeLearning(decomposition, calibrator, level);
        for (int i = 0; i < 8; i++) {
            level.learn(300, 1);
        }
        bursts.shifted(5, decomposition, calibrator, level);

        assertThat(level.shortMean()).as("short average in the burst").isGreaterThan(150);
        assertThat(bursts.shifted(-5, decomposition, calibrator, level)).isTrue();
        assertThat(level.shortMean()).as("short average after it").isEqualTo(100);
    }

    @Test
    void shiftBackAfterBurstBucketsKeepsState() {
        Decomposition decomposition = new Decomposition(SPAN_MS);
        TailCalibrator calibrator = new TailCalibrator();
        Bursts bursts = calmBeforeShift(decomposition, calibrator);
        for (int i = 0; i <= Bursts.BURST_BUCKETS; i++) {
            bursts.learned();
        }
        double calibrated = calibrator.calibrate(true, 1e-6);

        assertThat(bursts.shifted(-5, decomposition, calibrator, new LongRunLevel()))
                .isFalse();
        assertThat(variances(decomposition)).containsExactly(WIDE);
        assertThat(calibrator.calibrate(true, 1e-6)).isEqualTo(calibrated);
    }

    @Test
    void secondShiftTheSameWayIsNoBurst() {
        Decomposition decomposition = new Decomposition(SPAN_MS);
        TailCalibrator calibrator = new TailCalibrator();
        Bursts bursts = calmBeforeShift(decomposition, calibrator);

        assertThat(bursts.shifted(3, decomposition, calibrator, new LongRunLevel()))
                .isFalse();
        assertThat(variances(decomposition)).containsExactly(WIDE);
    }

    @Test
    void restoredBurstStillUndoes() throws IOException {
        Decomposition decomposition = new Decomposition(SPAN_MS);
        TailCalibrator calibrator = new TailCalibrator();
        Bursts bursts = calmBeforeShift(decomposition, calibrator);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bursts.writeTo(new DataOutputStream(bytes));

        Bursts restored = Bursts.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));

        assertThat(restored.shifted(-5, decomposition, calibrator, new LongRunLevel()))
                .isTrue();
        assertThat(variances(decomposition)).containsExactly(CALM);
    }

    /**
     * Saves the calm variances and an empty calibration, then widens both as a burst's buckets would and records the
     * burst's shift up by 5.
     */
    private static Bursts calmBeforeShift(Decomposition decomposition, TailCalibrator calibrator) {
        Bursts bursts = new Bursts();
        decomposition.restoreVariances(CALM);
        bursts.beforeLearning(decomposition, calibrator, new LongRunLevel());
        decomposition.restoreVariances(WIDE);
        for (int i = 0; i < 8; i++) {
            calibrator.record(true, 1e-20);
        }
        assertThat(bursts.shifted(5, decomposition, calibrator, new LongRunLevel()))
                .isFalse();
        assertThat(calibrator.calibrate(true, 1e-6))
                .as("calibration the burst flattened")
                .isGreaterThan(1e-5);
        return bursts;
    }

    private static double[] variances(Decomposition decomposition) {
        double[] variances = new double[4];
        decomposition.copyVariancesTo(variances);
        return variances;
    }
}
