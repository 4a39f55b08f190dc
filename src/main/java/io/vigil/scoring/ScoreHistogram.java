package io.vigil.scoring;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * A histogram of past raw scores with decaying weights, from which a normalizer reads quantiles and ranks.
 *
 * <p>Scores are discretized as {@code d = round(1000 · raw)} in [0, 100000]. Values below 100 (raw scores below 0.1)
 * each have a bin of their own. Above that the bins are geometric with ratio 1.01, 795 bins in all. So any quantile
 * is within 1% of the true value, and ranks are exact between bins, in the tail as much as in the body.
 * Unlike KLL or REQ sketches, whose items carry unit weights, the weights here can be aged by multiplying them, which
 * is how old scores lose influence. Not thread-safe.
 */
final class ScoreHistogram {

    static final double DISCRETIZATION = 1000.0;
    static final int MAX_VALUE = 100_000;

    private static final int EXACT_BINS = 100;
    private static final double RATIO = 1.01;
    private static final double LOG_RATIO = Math.log(RATIO);
    private static final int BINS = binOf(MAX_VALUE) + 1;

    private final double[] weights;
    private double total;

    ScoreHistogram() {
        this.weights = new double[BINS];
    }

    private ScoreHistogram(double[] weights, double total) {
        this.weights = weights;
        this.total = total;
    }

    /** Returns {@code round(1000 · raw)} clamped to [0, 100000]. */
    static int discretize(double raw) {
        long value = Math.round(raw * DISCRETIZATION);
        return (int) Math.max(0, Math.min(MAX_VALUE, value));
    }

    void add(int value) {
        weights[binOf(value)] += 1.0;
        total += 1.0;
    }

    /** Multiplies every weight by {@code factor} in (0, 1]. */
    void scale(double factor) {
        for (int i = 0; i < weights.length; i++) {
            weights[i] *= factor;
        }
        total *= factor;
    }

    /** Returns the total weight: the number of scores added, less what ageing took away. */
    double total() {
        return total;
    }

    /** Returns the weight of scores at exactly 0 as a fraction of the total; 0 when empty. */
    double fractionAtZero() {
        return total > 0.0 ? weights[0] / total : 0.0;
    }

    /**
     * Returns the weight of the bins below the bin of discretized {@code value}: exactly the weight of smaller scores
     * below 100, and otherwise that of scores more than 1% smaller, so the rank of a score is never overstated.
     */
    double weightBelow(int value) {
        int bin = binOf(value);
        double below = 0.0;
        for (int i = 0; i < bin; i++) {
            below += weights[i];
        }
        return below;
    }

    /** Returns the weight of the bins up to and including the bin of discretized {@code value}. */
    double weightAtOrBelow(int value) {
        return weightBelow(value) + weights[binOf(value)];
    }

    /** Returns the raw score at quantile {@code q} in [0, 1], interpolating within a bin; 0 when empty. */
    double quantile(double q) {
        double target = q * total;
        double cumulative = 0.0;
        for (int i = 0; i < weights.length; i++) {
            double weight = weights[i];
            if (weight > 0.0 && cumulative + weight >= target) {
                double lower = lowerBound(i);
                double within = (target - cumulative) / weight;
                double value = i < EXACT_BINS ? lower : lower + within * (upperBound(i) - lower);
                return value / DISCRETIZATION;
            }
            cumulative += weight;
        }
        return 0.0;
    }

    ScoreHistogram copy() {
        return new ScoreHistogram(weights.clone(), total);
    }

    /** Returns an estimate of the heap this histogram retains, in bytes. */
    static long memoryBytes() {
        return 16L + 16L + 8L * BINS + 8L;
    }

    void writeTo(DataOutput out) throws IOException {
        int nonEmpty = 0;
        for (double weight : weights) {
            nonEmpty += weight > 0.0 ? 1 : 0;
        }
        out.writeInt(nonEmpty);
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] > 0.0) {
                out.writeShort(i);
                out.writeDouble(weights[i]);
            }
        }
        out.writeDouble(total);
    }

    static ScoreHistogram readFrom(DataInput in) throws IOException {
        double[] weights = new double[BINS];
        int nonEmpty = in.readInt();
        for (int i = 0; i < nonEmpty; i++) {
            int bin = in.readShort();
            if (bin < 0 || bin >= BINS) {
                throw new IOException("invalid score histogram bin " + bin + ", expected 0 to " + (BINS - 1));
            }
            weights[bin] = in.readDouble();
        }
        return new ScoreHistogram(weights, in.readDouble());
    }

    private static int binOf(int value) {
        if (value < EXACT_BINS) {
            return value;
        }
        return EXACT_BINS + (int) Math.floor(Math.log((double) value / EXACT_BINS) / LOG_RATIO + 1e-9);
    }

    private static double lowerBound(int bin) {
        return bin < EXACT_BINS ? bin : EXACT_BINS * Math.pow(RATIO, bin - EXACT_BINS);
    }

    private static double upperBound(int bin) {
        return bin < EXACT_BINS ? bin + 1 : EXACT_BINS * Math.pow(RATIO, bin + 1 - EXACT_BINS);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ScoreHistogram that && total == that.total && Arrays.equals(weights, that.weights);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(weights);
    }
}
