package io.vigil.analytics;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Undoes what a burst taught the error scale: a level shift followed within {@link #BURST_BUCKETS} buckets by a shift
 * back the other way. Each of the burst's buckets is an error of four standard deviations to the variance, which then
 * grows by up to 15 % a bucket, and a tiny probability to the tail calibration, which flattens. After a burst of five
 * times a count for two hours, the 95 % bounds a day later were twice as wide as before it, and a second, equal burst
 * 22 hours after the first scored 0. When the shift back is learned, the variances and the tail calibration go back to
 * their state before the burst's first run began, and so does the short average of the {@link LongRunLevel}. Its
 * steps are bounded by the standard deviation, so with the small one restored it came down from a 4-hour doubling
 * too slowly: a normal value 80 minutes after the return scored 67.8 as a dip.
 */
final class Bursts {

    /**
     * Most buckets between a shift and the shift back for the two to form a burst: a day of 15-minute buckets.
     * Through the engine, limits of 24 and 48 buckets scored 75.34 on the standard NAB score of the 31-series subset,
     * 96 scored 75.65, 150 75.64, 200 75.54 and 300 75.04 (75.37 without undoing bursts).
     */
    static final int BURST_BUCKETS = 96;

    /** The variances and calibration before the current bucket, kept while no run of large errors is open. */
    private final double[] calmVariances = new double[4];

    private final TailCalibrator calmCalibrator = new TailCalibrator();
    private double calmShortMean = Double.NaN;
    /** The state before the last shift's run, or null when no shift is recent enough to start a burst. */
    private double[] burstVariances;

    private TailCalibrator burstCalibrator;
    /** NaN when unknown, as after reading a state without it, so that the short average stays as it is. */
    private double burstShortMean = Double.NaN;

    private double shiftChange;
    private int sinceShift;

    /** Saves the state before a bucket is learned, unless a run of large errors is open. */
    void beforeLearning(Decomposition decomposition, TailCalibrator calibrator, LongRunLevel level) {
        if (decomposition.runLength() == 0) {
            decomposition.copyVariancesTo(calmVariances);
            calmCalibrator.setTo(calibrator);
            calmShortMean = level.shortMean();
        }
    }

    /**
     * Records a level shift that moved the typical value by {@code change}. Returns true when it is a burst's shift
     * back, after setting the variances, {@code calibrator} and the short average of {@code level} to their state
     * before the burst.
     */
    boolean shifted(double change, Decomposition decomposition, TailCalibrator calibrator, LongRunLevel level) {
        if (burstVariances != null && Math.signum(change) != Math.signum(shiftChange)) {
            decomposition.restoreVariances(burstVariances);
            calibrator.setTo(burstCalibrator);
            if (!Double.isNaN(burstShortMean)) {
                level.restoreShortMean(burstShortMean);
            }
            burstVariances = null;
            burstCalibrator = null;
            return true;
        }
        burstVariances = calmVariances.clone();
        burstCalibrator = calmCalibrator.copy();
        burstShortMean = calmShortMean;
        shiftChange = change;
        sinceShift = 0;
        return false;
    }

    /** Counts a learned bucket, and drops the last shift once it is too old to start a burst. */
    void learned() {
        if (burstVariances != null && ++sinceShift > BURST_BUCKETS) {
            burstVariances = null;
            burstCalibrator = null;
        }
    }

    long memoryBytes() {
        long bytes = 16 + 4 * 8 + 3 * 8 + 4 + (16 + 8L * calmVariances.length) + calmCalibrator.memoryBytes();
        if (burstVariances != null) {
            bytes += 16 + 8L * burstVariances.length + burstCalibrator.memoryBytes();
        }
        return bytes;
    }

    void writeTo(DataOutput out) throws IOException {
        for (double variance : calmVariances) {
            out.writeDouble(variance);
        }
        calmCalibrator.writeTo(out);
        out.writeBoolean(burstVariances != null);
        if (burstVariances != null) {
            for (double variance : burstVariances) {
                out.writeDouble(variance);
            }
            burstCalibrator.writeTo(out);
            out.writeDouble(shiftChange);
            out.writeInt(sinceShift);
        }
    }

    /** Writes the short averages saved with the state, which states before them lack. */
    void writeShortMeansTo(DataOutput out) throws IOException {
        out.writeDouble(calmShortMean);
        out.writeDouble(burstShortMean);
    }

    /**
     * Reads what {@link #writeShortMeansTo} wrote. Without it, as in older states, a burst in progress keeps the
     * short average it has.
     */
    void readShortMeans(DataInput in) throws IOException {
        calmShortMean = in.readDouble();
        burstShortMean = in.readDouble();
    }

    static Bursts read(DataInput in) throws IOException {
        Bursts bursts = new Bursts();
        for (int i = 0; i < bursts.calmVariances.length; i++) {
            bursts.calmVariances[i] = in.readDouble();
        }
        bursts.calmCalibrator.setTo(TailCalibrator.read(in, true));
        if (in.readBoolean()) {
            bursts.burstVariances = new double[bursts.calmVariances.length];
            for (int i = 0; i < bursts.burstVariances.length; i++) {
                bursts.burstVariances[i] = in.readDouble();
            }
            bursts.burstCalibrator = TailCalibrator.read(in, true);
            bursts.shiftChange = in.readDouble();
            bursts.sinceShift = in.readInt();
        }
        return bursts;
    }
}
