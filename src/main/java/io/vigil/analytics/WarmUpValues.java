package io.vigil.analytics;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * The first {@link #SIZE} values of a series, kept while the model has no estimate of the series' scale yet. Until
 * then the model's clips are off or loose, so one extreme value would set its level and variance for thousands of
 * buckets. The model relearns these values from scratch at each new one, each winsorized at the median ±
 * {@link #CLIP_SCALES} robust standard deviations of all of them (Hampel's identifier, with 1.4826 times the median
 * absolute deviation as the normal-consistent scale). When more than half the values are equal, so that the median
 * absolute deviation is 0, the scale is the mean absolute deviation from the median times √(π/2), its
 * normal-consistent factor.
 */
final class WarmUpValues {

    /** Buckets before every clip of the decomposition and of the long-run level applies. */
    static final int SIZE = 20;
    /** Robust standard deviations from the median beyond which a warm-up value is winsorized. */
    static final double CLIP_SCALES = 4;

    private static final double MAD_TO_SIGMA = 1.4826;
    private static final double MEAN_DEVIATION_TO_SIGMA = Math.sqrt(Math.PI / 2);

    private final long[] times;
    private final double[] values;
    private final double[] weights;
    private int size;

    WarmUpValues() {
        this(new long[SIZE], new double[SIZE], new double[SIZE], 0);
    }

    private WarmUpValues(long[] times, double[] values, double[] weights, int size) {
        this.times = times;
        this.values = values;
        this.weights = weights;
        this.size = size;
    }

    /** Returns warm-up values already complete, for a model whose state was written before they were kept. */
    static WarmUpValues complete() {
        return new WarmUpValues(new long[0], new double[0], new double[0], SIZE);
    }

    /** Returns true while fewer than {@link #SIZE} values have been added. */
    boolean active() {
        return size < SIZE;
    }

    /** Adds a finite value of the bucket starting at {@code bucketStartMs}. Call it only while {@link #active}. */
    void add(long bucketStartMs, double value, double countWeight) {
        times[size] = bucketStartMs;
        values[size] = value;
        weights[size] = countWeight;
        size++;
    }

    int size() {
        return size;
    }

    long time(int index) {
        return times[index];
    }

    double weight(int index) {
        return weights[index];
    }

    /** Returns the values added so far, in order, each winsorized at the robust bounds of all of them. */
    double[] winsorized() {
        double[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        double median = median(sorted);
        double[] deviations = new double[size];
        for (int i = 0; i < size; i++) {
            deviations[i] = Math.min(Math.abs(sorted[i] - median), Double.MAX_VALUE);
        }
        Arrays.sort(deviations);
        double scale = MAD_TO_SIGMA * median(deviations);
        if (scale == 0.0) {
            scale = MEAN_DEVIATION_TO_SIGMA * mean(deviations);
        }
        double limit = CLIP_SCALES * scale;
        double[] clipped = new double[size];
        for (int i = 0; i < size; i++) {
            clipped[i] = Math.max(median - limit, Math.min(median + limit, values[i]));
        }
        return clipped;
    }

    private static double median(double[] sorted) {
        int middle = sorted.length / 2;
        if (sorted.length % 2 == 1) {
            return sorted[middle];
        }
        // Halved before adding, so that two values near the largest double do not overflow.
        return sorted[middle - 1] / 2 + sorted[middle] / 2;
    }

    /** Returns the mean of non-negative finite values, dividing each first so that the sum cannot overflow. */
    private static double mean(double[] values) {
        double mean = 0.0;
        for (double value : values) {
            mean += value / values.length;
        }
        return mean;
    }

    long memoryBytes() {
        return 16 + 4 + 3 * (16 + 8L * times.length);
    }

    /** Writes the count of values, and the values themselves only while the warm-up is {@link #active}. */
    void writeTo(DataOutput out) throws IOException {
        out.writeByte(size);
        if (!active()) {
            return;
        }
        for (int i = 0; i < size; i++) {
            out.writeLong(times[i]);
            out.writeDouble(values[i]);
            out.writeDouble(weights[i]);
        }
    }

    static WarmUpValues read(DataInput in) throws IOException {
        int size = in.readByte();
        if (size >= SIZE) {
            return complete();
        }
        WarmUpValues warmUp = new WarmUpValues();
        for (int i = 0; i < size; i++) {
            warmUp.add(in.readLong(), in.readDouble(), in.readDouble());
        }
        return warmUp;
    }
}
