package io.vigil.analytics;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The multi-bucket view: the exponentially weighted mean of the last {@link #WINDOW} standardized errors, newest
 * weighted 1 and each older one {@link #DECAY} times less, defined once {@link #MIN_FILL} errors are known. A run
 * of errors each slightly off on the same side moves this mean far from 0 while no single bucket looks unusual.
 * Window 12 and decay 0.9 are the defaults of Elastic's ml-cpp (CTimeSeriesMultibucketFeatures.h).
 *
 * <p>For independent unit-variance errors the mean has variance Σw²/(Σw)² (0.094 for a full window). Real errors
 * are autocorrelated, so the feature's own variance is also tracked, shrunk towards that value with
 * {@link #PRIOR_SAMPLES} pseudo-samples, and the larger of the two is used. The tail probability is normal.
 */
final class MultiBucketFeature {

    static final int WINDOW = 12;
    static final double DECAY = 0.9;
    static final int MIN_FILL = 4;
    /** Memory of the feature variance, in buckets. */
    static final double VARIANCE_MEMORY = 1000;

    static final double PRIOR_SAMPLES = 50;
    /** Largest standardized error, in absolute value, that enters the window. */
    static final double ERROR_LIMIT = 8;
    /** Feature values beyond this many standard deviations are clipped when learning the variance. */
    static final double CLIP_SIGMAS = 4;

    /** Σw²/(Σw)² of the first n weights, by n. */
    private static final double[] INDEPENDENT_VARIANCES = independentVariances();

    private final float[] errors = new float[WINDOW];
    private int size;
    private int newest = -1;
    private double variance;
    private double samples;

    /**
     * Returns the feature with {@code current} as the newest error, or NaN before {@link #MIN_FILL} errors. Errors
     * are clipped to ±{@link #ERROR_LIMIT}, so one large error, which the single-bucket view already judges, cannot
     * make the run look unusual on its own.
     */
    double value(double current) {
        if (size + 1 < MIN_FILL) {
            return Double.NaN;
        }
        double weight = 1;
        double weightSum = 1;
        double sum = clip(current);
        int count = Math.min(size, WINDOW - 1);
        for (int age = 0; age < count; age++) {
            weight *= DECAY;
            sum += weight * errors[Math.floorMod(newest - age, WINDOW)];
            weightSum += weight;
        }
        return sum / weightSum;
    }

    /** Returns min(1, 2Q(score)) for the standard normal Q, the one-sided probability of a feature score; NaN stays. */
    static double oneSided(double score) {
        if (Double.isNaN(score)) {
            return Double.NaN;
        }
        return Math.min(1, 2 * Probabilities.upperTail(score, Probabilities.NORMAL_DEGREES));
    }

    /** Returns the standard deviation of the feature: the tracked one or the independent-errors one. */
    double sigma() {
        double independent = independentVariance(Math.min(size + 1, WINDOW));
        double shrunk = (PRIOR_SAMPLES * independent + samples * variance) / (PRIOR_SAMPLES + samples);
        return Math.sqrt(Math.max(shrunk, independent));
    }

    private static double independentVariance(int count) {
        return INDEPENDENT_VARIANCES[count];
    }

    private static double[] independentVariances() {
        double[] variances = new double[WINDOW + 1];
        double sum = 0;
        double sumSquares = 0;
        double weight = 1;
        for (int count = 1; count <= WINDOW; count++) {
            sum += weight;
            sumSquares += weight * weight;
            weight *= DECAY;
            variances[count] = sumSquares / (sum * sum);
        }
        return variances;
    }

    /** Adds a standardized error as the newest, updating the feature variance with the feature it completes. */
    void add(double error) {
        double feature = value(error);
        if (!Double.isNaN(feature)) {
            double limit = CLIP_SIGMAS * sigma();
            double clipped = Math.max(-limit, Math.min(limit, feature));
            samples = Math.min(samples + 1, VARIANCE_MEMORY);
            variance += (clipped * clipped - variance) / samples;
        }
        newest = (newest + 1) % WINDOW;
        errors[newest] = (float) clip(error);
        size = Math.min(size + 1, WINDOW);
    }

    /**
     * Forgets the errors in the window, which the model calls after a level shift: they measured the distance from
     * the old level, and the new regime should not look unusual because of them.
     */
    void clear() {
        size = 0;
        newest = -1;
        java.util.Arrays.fill(errors, 0);
    }

    private static double clip(double error) {
        return Math.max(-ERROR_LIMIT, Math.min(ERROR_LIMIT, error));
    }

    long memoryBytes() {
        return 48 + 16 + 4L * WINDOW;
    }

    void writeTo(DataOutput out) throws IOException {
        out.writeInt(size);
        out.writeInt(newest);
        for (float error : errors) {
            out.writeFloat(error);
        }
        out.writeDouble(variance);
        out.writeDouble(samples);
    }

    static MultiBucketFeature read(DataInput in) throws IOException {
        MultiBucketFeature feature = new MultiBucketFeature();
        feature.size = in.readInt();
        feature.newest = in.readInt();
        for (int i = 0; i < WINDOW; i++) {
            feature.errors[i] = in.readFloat();
        }
        feature.variance = in.readDouble();
        feature.samples = in.readDouble();
        return feature;
    }
}
