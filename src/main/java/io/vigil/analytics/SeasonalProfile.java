package io.vigil.analytics;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * A zero-mean periodic profile at low resolution: {@code bins} knots spread evenly over one period, read by linear
 * interpolation between the two knots around a phase, and learned by splitting each error between those two knots.
 * A stepwise profile instead reads and learns the knot whose slice of the period contains the phase.
 *
 * <p>Each knot is an average whose weight saturates at {@code 1 / minimumRate}, so the first periods are averaged
 * equally and later ones are forgotten exponentially. The profile keeps the sum of its knots so that {@link #value}
 * can return the knot value minus their mean in constant time: the level of the series stays in the level, not in
 * the profile. Values are stored as floats, which keeps a weekly profile of 168 knots under 1.4 KB.
 */
final class SeasonalProfile {

    private final long periodMs;
    private final float minimumRate;
    private final float[] knots;
    private final float[] weights;
    private final boolean stepwise;
    private double knotSum;

    private long locatedTimeMs = Long.MIN_VALUE;
    private int first;
    private int second;
    private double fraction;

    /**
     * Creates a flat profile. {@code priorWeight} is the weight of the initial zero in each knot's average, in
     * updates: 0 lets the first visit set a knot, a larger value makes the profile need more data to move.
     */
    SeasonalProfile(long periodMs, int bins, float minimumRate, float priorWeight) {
        this(periodMs, bins, minimumRate, priorWeight, false);
    }

    SeasonalProfile(long periodMs, int bins, float minimumRate, float priorWeight, boolean stepwise) {
        this.periodMs = periodMs;
        this.stepwise = stepwise;
        this.minimumRate = minimumRate;
        this.knots = new float[bins];
        this.weights = new float[bins];
        java.util.Arrays.fill(weights, priorWeight);
    }

    long periodMs() {
        return periodMs;
    }

    int bins() {
        return knots.length;
    }

    /** Returns the profile's deviation from its mean at {@code timeMs} (any epoch milliseconds), in value units. */
    double value(long timeMs) {
        locate(timeMs);
        double interpolated = (1 - fraction) * knots[first] + fraction * knots[second];
        return interpolated - knotSum / knots.length;
    }

    /**
     * Moves the profile at {@code timeMs} towards {@code target} (a deviation from the level, in value units). A
     * knot that has seen little data moves by most of its share of the error, a mature one by {@code minimumRate}.
     */
    void learn(long timeMs, double target) {
        double error = target - value(timeMs);
        moveKnot(first, 1 - fraction, error);
        moveKnot(second, fraction, error);
    }

    /**
     * Sets the two knots around {@code timeMs} and the interpolation fraction between them. Knot {@code i} sits at
     * the centre of the {@code i}-th slice of the period. The last time is remembered because a bucket reads and
     * learns the profile several times at the same time, and the modulo of a long is the costliest step.
     */
    private void locate(long timeMs) {
        if (timeMs == locatedTimeMs) {
            return;
        }
        double phase = Math.floorMod(timeMs, periodMs) / (double) periodMs;
        locatedTimeMs = timeMs;
        if (stepwise) {
            first = Math.min((int) (phase * knots.length), knots.length - 1);
            second = first;
            fraction = 0;
            return;
        }
        double position = phase * knots.length - 0.5;
        int lower = (int) Math.floor(position);
        fraction = position - lower;
        first = lower < 0 ? knots.length - 1 : lower;
        second = first + 1 == knots.length ? 0 : first + 1;
    }

    /** Returns the mean of the stored knots, the offset that {@link #value} removes. */
    double knotMean() {
        return knotSum / knots.length;
    }

    private void moveKnot(int index, double share, double error) {
        if (share <= 0) {
            return;
        }
        float weight = (float) Math.min(weights[index] + share, 1.0 / minimumRate);
        weights[index] = weight;
        float old = knots[index];
        knots[index] = (float) (old + share / weight * error);
        knotSum += knots[index] - old;
    }

    /** Returns an estimate of the retained heap: the object, its two float arrays and their headers. */
    long memoryBytes() {
        return 64 + 2 * (16 + 4L * knots.length);
    }

    void writeTo(DataOutput out) throws IOException {
        out.writeLong(periodMs);
        out.writeFloat(minimumRate);
        out.writeInt(knots.length);
        for (int i = 0; i < knots.length; i++) {
            out.writeFloat(knots[i]);
            out.writeFloat(weights[i]);
        }
        out.writeDouble(knotSum);
    }

    static SeasonalProfile read(DataInput in) throws IOException {
        return read(in, false);
    }

    /** Reads a profile written by {@link #writeTo}; whether it is stepwise is the owner's to know. */
    static SeasonalProfile read(DataInput in, boolean stepwise) throws IOException {
        long periodMs = in.readLong();
        float minimumRate = in.readFloat();
        int bins = in.readInt();
        SeasonalProfile profile = new SeasonalProfile(periodMs, bins, minimumRate, 0, stepwise);
        for (int i = 0; i < bins; i++) {
            profile.knots[i] = in.readFloat();
            profile.weights[i] = in.readFloat();
        }
        profile.knotSum = in.readDouble();
        return profile;
    }
}
