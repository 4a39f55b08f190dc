package io.vigil.analytics;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * A zero-mean periodic profile at low resolution: {@code bins} knots spread evenly over one period, read by linear
 * interpolation between the two knots around a phase, and learned by splitting each error between those two knots.
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
    private double knotSum;

    /**
     * Creates a flat profile. {@code priorWeight} is the weight of the initial zero in each knot's average, in
     * updates: 0 lets the first visit set a knot, a larger value makes the profile need more data to move.
     */
    SeasonalProfile(long periodMs, int bins, float minimumRate, float priorWeight) {
        this.periodMs = periodMs;
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
        double position = position(timeMs);
        int lower = (int) Math.floor(position);
        double fraction = position - lower;
        int first = Math.floorMod(lower, knots.length);
        int second = first + 1 == knots.length ? 0 : first + 1;
        double interpolated = (1 - fraction) * knots[first] + fraction * knots[second];
        return interpolated - knotSum / knots.length;
    }

    /**
     * Moves the profile at {@code timeMs} towards {@code target} (a deviation from the level, in value units). A
     * knot that has seen little data moves by most of its share of the error, a mature one by {@code minimumRate}.
     */
    void learn(long timeMs, double target) {
        double error = target - value(timeMs);
        double position = position(timeMs);
        int lower = (int) Math.floor(position);
        double fraction = position - lower;
        int first = Math.floorMod(lower, knots.length);
        int second = first + 1 == knots.length ? 0 : first + 1;
        moveKnot(first, 1 - fraction, error);
        moveKnot(second, fraction, error);
    }

    /** Returns the mean of the stored knots, the offset that {@link #value} removes. */
    double knotMean() {
        return knotSum / knots.length;
    }

    /** Returns how many periods of data the least-trained knot has averaged, capped by the forgetting rate. */
    double minimumKnotWeight() {
        float minimum = Float.MAX_VALUE;
        for (float weight : weights) {
            minimum = Math.min(minimum, weight);
        }
        return minimum;
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

    /** Position in knot units, where knot {@code i} sits at the centre of the {@code i}-th slice of the period. */
    private double position(long timeMs) {
        double phase = Math.floorMod(timeMs, periodMs) / (double) periodMs;
        return phase * knots.length - 0.5;
    }

    /** Returns an estimate of the retained heap: the object, its two float arrays and their headers. */
    long memoryBytes() {
        return 40 + 2 * (16 + 4L * knots.length);
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
        long periodMs = in.readLong();
        float minimumRate = in.readFloat();
        int bins = in.readInt();
        SeasonalProfile profile = new SeasonalProfile(periodMs, bins, minimumRate, 0);
        for (int i = 0; i < bins; i++) {
            profile.knots[i] = in.readFloat();
            profile.weights[i] = in.readFloat();
        }
        profile.knotSum = in.readDouble();
        return profile;
    }
}
