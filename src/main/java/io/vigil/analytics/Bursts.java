package io.vigil.analytics;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Undoes what a burst taught the model: a level shift followed within {@link #BURST_BUCKETS} buckets by a shift back
 * the other way. Each of the burst's buckets is an error of four standard deviations to the variance, which then grows
 * by up to 15 % a bucket, and a tiny probability to the tail calibration, which flattens. After a burst of five times
 * a count for two hours, the 95 % bounds a day later were twice as wide as before it, and a second, equal burst 22
 * hours after the first scored 0. When the shift back is learned, the state the burst changed goes back to what it
 * was before the burst's first run of large errors began: the variances, the tail calibration, the skewed shape of
 * the errors and the short average of the {@link LongRunLevel}. The return from a 4-hour doubling had taught the shape
 * a long lower side, and an outage two hours later got p = 9e-7 for an error of 61 standard deviations. The short
 * average moves in steps bounded by the standard deviation, so with the small one restored it came down from the
 * doubling too slowly, and a normal value 80 minutes after the return scored 67.8 as a dip.
 */
final class Bursts {

    /**
     * Most buckets between a shift and the shift back for the two to form a burst: a day of 15-minute buckets.
     * Through the engine, limits of 24 and 48 buckets scored 75.34 on the standard NAB score of the 31-series subset,
     * 96 scored 75.65, 150 75.64, 200 75.54 and 300 75.04 (75.37 without undoing bursts). These were measured when the
     * undo restored the variances and calibration alone; with the shape and short average too, 96 still scores 75.65.
     */
    static final int BURST_BUCKETS = 96;

    /** The state before the current run of large errors began, or null outside a run. */
    private Snapshot beforeRun;
    /** The state before the last shift's run, or null when no shift is recent enough to start a burst. */
    private Snapshot beforeBurst;

    private double shiftChange;
    private int sinceShift;

    /**
     * Saves the state before a bucket of {@code value} at {@code timeMs} (the bucket midpoint) is learned when the
     * bucket starts a run of large errors, and drops it when no run is open.
     */
    void beforeLearning(
            long timeMs,
            double value,
            Decomposition decomposition,
            TailCalibrator calibrator,
            ErrorSkewness skewness,
            LongRunLevel level) {
        if (decomposition.startsRun(timeMs, value)) {
            beforeRun = new Snapshot(decomposition, calibrator, skewness, level);
        } else if (decomposition.runLength() == 0) {
            beforeRun = null;
        }
    }

    /**
     * Records a level shift that moved the typical value by {@code change}. Returns true when it is a burst's shift
     * back, after setting the state back to what it was before the burst.
     */
    boolean shifted(
            double change,
            Decomposition decomposition,
            TailCalibrator calibrator,
            ErrorSkewness skewness,
            LongRunLevel level) {
        if (beforeBurst != null && Math.signum(change) != Math.signum(shiftChange)) {
            beforeBurst.restore(decomposition, calibrator, skewness, level);
            beforeBurst = null;
            beforeRun = null;
            return true;
        }
        beforeBurst = beforeRun;
        beforeRun = null;
        shiftChange = change;
        sinceShift = 0;
        return false;
    }

    /** Counts a learned bucket, and drops the last shift once it is too old to start a burst. */
    void learned() {
        if (beforeBurst != null && ++sinceShift > BURST_BUCKETS) {
            beforeBurst = null;
        }
    }

    long memoryBytes() {
        return 16 + 2 * 4 + 8 + 4 + Snapshot.memoryBytes(beforeRun) + Snapshot.memoryBytes(beforeBurst);
    }

    void writeTo(DataOutput out) throws IOException {
        Snapshot.write(beforeRun, out);
        Snapshot.write(beforeBurst, out);
        out.writeDouble(shiftChange);
        out.writeInt(sinceShift);
    }

    static Bursts read(DataInput in) throws IOException {
        Bursts bursts = new Bursts();
        bursts.beforeRun = Snapshot.read(in);
        bursts.beforeBurst = Snapshot.read(in);
        bursts.shiftChange = in.readDouble();
        bursts.sinceShift = in.readInt();
        return bursts;
    }

    /**
     * Reads the layout of state versions 10 to 12: the variances and calibration before the current bucket, then the
     * ones before the last shift's run, if any, with that shift's change and age. A burst in progress is then undone
     * without its shape and short average, which those states lack.
     */
    static Bursts readWithoutShape(DataInput in) throws IOException {
        Bursts bursts = new Bursts();
        readVariances(in);
        TailCalibrator.read(in, true);
        if (in.readBoolean()) {
            bursts.beforeBurst = new Snapshot(readVariances(in), TailCalibrator.read(in, true), null, Double.NaN);
            bursts.shiftChange = in.readDouble();
            bursts.sinceShift = in.readInt();
        }
        return bursts;
    }

    /** Skips the two short averages that state version 12 appended to the layout of {@link #readWithoutShape}. */
    static void skipShortMeans(DataInput in) throws IOException {
        in.readDouble();
        in.readDouble();
    }

    private static double[] readVariances(DataInput in) throws IOException {
        double[] variances = new double[Snapshot.VARIANCES];
        for (int i = 0; i < variances.length; i++) {
            variances[i] = in.readDouble();
        }
        return variances;
    }

    /** The parts of the model state a burst changes. A null shape or a NaN short average is left as it is. */
    private record Snapshot(double[] variances, TailCalibrator calibrator, ErrorSkewness skewness, double shortMean) {

        static final int VARIANCES = 4;

        Snapshot(Decomposition decomposition, TailCalibrator calibrator, ErrorSkewness skewness, LongRunLevel level) {
            this(variancesOf(decomposition), calibrator.copy(), skewness.copy(), level.shortMean());
        }

        private static double[] variancesOf(Decomposition decomposition) {
            double[] variances = new double[VARIANCES];
            decomposition.copyVariancesTo(variances);
            return variances;
        }

        void restore(
                Decomposition decomposition, TailCalibrator calibrator, ErrorSkewness skewness, LongRunLevel level) {
            decomposition.restoreVariances(variances);
            calibrator.setTo(this.calibrator);
            if (this.skewness != null) {
                skewness.setTo(this.skewness);
            }
            if (!Double.isNaN(shortMean)) {
                level.restoreShortMean(shortMean);
            }
        }

        static long memoryBytes(Snapshot snapshot) {
            if (snapshot == null) {
                return 0;
            }
            long shape = snapshot.skewness == null ? 0 : snapshot.skewness.memoryBytes();
            return 16 + 4 * 4 + 8 + 16 + 8L * VARIANCES + snapshot.calibrator.memoryBytes() + shape;
        }

        static void write(Snapshot snapshot, DataOutput out) throws IOException {
            out.writeBoolean(snapshot != null);
            if (snapshot == null) {
                return;
            }
            for (double variance : snapshot.variances) {
                out.writeDouble(variance);
            }
            snapshot.calibrator.writeTo(out);
            out.writeBoolean(snapshot.skewness != null);
            if (snapshot.skewness != null) {
                snapshot.skewness.writeTo(out);
            }
            out.writeDouble(snapshot.shortMean);
        }

        static Snapshot read(DataInput in) throws IOException {
            if (!in.readBoolean()) {
                return null;
            }
            double[] variances = readVariances(in);
            TailCalibrator calibrator = TailCalibrator.read(in, true);
            ErrorSkewness skewness = in.readBoolean() ? ErrorSkewness.read(in, true) : null;
            return new Snapshot(variances, calibrator, skewness, in.readDouble());
        }
    }
}
