package io.vigil.analytics;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * The distribution of one by value's bucket statistic across the members of a population (the over field values),
 * learned from every member's value in every bucket. Population analysis judges each member's value against it, so
 * the model describes the population's behaviour rather than one series' history, and ignores the time order.
 *
 * <p>Values are kept in a decayed histogram over {@code y = sign(x) ln(1 + |x|)} with bins of 0.05, about 5% of
 * relative resolution. A tail probability is read from the histogram up to the 90% quantile of either side. Beyond
 * that quantile the tail is extrapolated as exponential, with the mean excess over the quantile as its scale: the
 * peaks-over-threshold estimate of a tail (Pickands–Balkema–de Haan theorem with shape 0). Counts are extrapolated
 * in {@code x}, a geometric tail like that of Poisson and negative binomial counts. Metric values are extrapolated in
 * {@code y}, a power-law tail that suits skewed values such as sizes and durations. The two-sided probability is
 * {@code 2 min(P(X <= x), P(X >= x))}, capped at 1, and one-sided variants use one term. {@code typical} is the
 * population mean.
 *
 * <p>NOTE: the model has no seasonal component, so a population whose values all follow a daily cycle is judged
 * against the mix of its day and night values.
 */
public final class PopulationDistribution implements SeriesModel {

    static final byte STATE_VERSION = 1;

    static final double BIN_WIDTH = 0.05;

    /** The largest magnitude of {@code y} the histogram covers. */
    static final double MAX_Y = 40.0;

    /** The share of the mass beyond which a tail is extrapolated rather than read from the histogram. */
    private static final double TAIL_SHARE = 0.1;

    /** The smallest tail scale in {@code y}, so that a population of identical values still has a spread. */
    private static final double MIN_TAIL_SCALE = 0.1;

    /** The weight the model needs before it judges values; below it every value has probability 1. */
    private static final double MIN_WEIGHT = 5.0;

    /** The smallest tail scale of counts. */
    private static final double MIN_COUNT_TAIL_SCALE = 1.0;

    private final long bucketSpanMs;
    private final double decayRate;
    private final boolean counts;
    private double[] weights = new double[0];
    private int firstBin;
    private double totalWeight;
    private double weightedSum;
    private long lastLearnedMs = Long.MIN_VALUE;
    private Tails tails;

    /** Creates an empty model of values of {@code kind} in buckets of {@code bucketSpanSeconds}. */
    public PopulationDistribution(SeriesKind kind, long bucketSpanSeconds) {
        this(bucketSpanSeconds * 1000L, DistributionDecay.perBucket(bucketSpanSeconds), kind == SeriesKind.COUNT);
    }

    private PopulationDistribution(long bucketSpanMs, double decayRate, boolean counts) {
        this.bucketSpanMs = bucketSpanMs;
        this.decayRate = decayRate;
        this.counts = counts;
    }

    @Override
    public Assessment assess(long bucketStartMs, double value, double countWeight, Side side) {
        double typical = typical(bucketStartMs);
        if (totalWeight < MIN_WEIGHT || weights.length == 0) {
            return assessment(1.0, value, typical, typical, typical);
        }
        double y = transform(value);
        double below = lowerTail(y);
        double above = upperTail(y);
        double probability = switch (side) {
            case TWO_SIDED -> 2.0 * Math.min(below, above);
            case ABOVE -> 2.0 * above;
            case BELOW -> 2.0 * below;
        };
        probability = Math.min(Math.max(probability, Double.MIN_NORMAL), 1.0);
        return assessment(probability, value, typical, quantile(0.025), quantile(0.975));
    }

    private static Assessment assessment(
            double probability, double value, double typical, double lowerBound, double upperBound) {
        return new Assessment(
                probability,
                probability,
                1.0,
                -5.0,
                typical,
                lowerBound,
                upperBound,
                value >= typical,
                probability < 0.05 ? 1 : 0,
                1.0,
                false,
                false,
                false);
    }

    @Override
    public void learn(long bucketStartMs, double value, double countWeight) {
        double factor = DistributionDecay.factor(lastLearnedMs, bucketStartMs, bucketSpanMs, decayRate);
        if (factor < 1.0) {
            for (int i = 0; i < weights.length; i++) {
                weights[i] *= factor;
            }
            totalWeight *= factor;
            weightedSum *= factor;
        }
        lastLearnedMs = Math.max(lastLearnedMs, bucketStartMs);
        tails = null;
        int bin = bin(transform(value));
        ensureBin(bin);
        weights[bin - firstBin] += 1.0;
        totalWeight += 1.0;
        weightedSum += value;
    }

    /** Returns the population mean, NaN before the first value. */
    @Override
    public double typical(long bucketStartMs) {
        return totalWeight > 0.0 ? weightedSum / totalWeight : Double.NaN;
    }

    @Override
    public long memoryBytes() {
        return 80L + 8L * weights.length;
    }

    @Override
    public void writeTo(DataOutput out) throws IOException {
        out.writeByte(STATE_VERSION);
        out.writeLong(bucketSpanMs);
        out.writeDouble(decayRate);
        out.writeBoolean(counts);
        out.writeInt(firstBin);
        out.writeInt(weights.length);
        for (double weight : weights) {
            out.writeDouble(weight);
        }
        out.writeDouble(totalWeight);
        out.writeDouble(weightedSum);
        out.writeLong(lastLearnedMs);
    }

    /** Reads a model written by {@link #writeTo}. */
    public static PopulationDistribution read(DataInput in) throws IOException {
        byte version = in.readByte();
        if (version != STATE_VERSION) {
            throw new IOException("population model state version " + version + " is not supported; expected "
                    + STATE_VERSION + ". Restore a snapshot written by this version.");
        }
        PopulationDistribution model = new PopulationDistribution(in.readLong(), in.readDouble(), in.readBoolean());
        model.firstBin = in.readInt();
        int bins = in.readInt();
        if (bins < 0 || bins > 1_000_000) {
            throw new IOException("population model state has " + bins + " bins; the state is corrupt");
        }
        model.weights = new double[bins];
        for (int i = 0; i < bins; i++) {
            model.weights[i] = in.readDouble();
        }
        model.totalWeight = in.readDouble();
        model.weightedSum = in.readDouble();
        model.lastLearnedMs = in.readLong();
        return model;
    }

    /**
     * Returns {@code y} for {@code value}, limited to [-40, 40] (|x| up to about 2.4e17) so that one huge value
     * cannot grow the histogram past 1,600 bins.
     */
    static double transform(double value) {
        double y = Math.signum(value) * Math.log1p(Math.abs(value));
        return Math.max(-MAX_Y, Math.min(MAX_Y, y));
    }

    private static double untransform(double y) {
        return Math.signum(y) * Math.expm1(Math.abs(y));
    }

    private static int bin(double y) {
        return (int) Math.floor(y / BIN_WIDTH + 0.5);
    }

    private static double center(int bin) {
        return bin * BIN_WIDTH;
    }

    private void ensureBin(int bin) {
        if (weights.length == 0) {
            weights = new double[1];
            firstBin = bin;
            return;
        }
        int lastBin = firstBin + weights.length - 1;
        if (bin < firstBin) {
            double[] grown = new double[lastBin - bin + 1];
            System.arraycopy(weights, 0, grown, firstBin - bin, weights.length);
            weights = grown;
            firstBin = bin;
        } else if (bin > lastBin) {
            weights = Arrays.copyOf(weights, bin - firstBin + 1);
        }
    }

    /** Returns {@code P(Y >= y)}: from the histogram up to the upper tail threshold, extrapolated beyond it. */
    private double upperTail(double y) {
        Tails tails = tails();
        int bin = bin(y) - firstBin;
        if (bin <= tails.upperThreshold) {
            double below = bin <= 0 ? 0.0 : tails.cumulative[bin - 1];
            return (totalWeight - below) / totalWeight;
        }
        double beyond = counts
                ? untransform(y) - untransform(center(tails.upperThreshold + firstBin))
                : y - center(tails.upperThreshold + firstBin);
        return tails.upperMass * Math.exp(-beyond / tails.upperScale);
    }

    /** Returns {@code P(Y <= y)}, the mirror image of {@link #upperTail}. */
    private double lowerTail(double y) {
        Tails tails = tails();
        int bin = bin(y) - firstBin;
        if (bin >= tails.lowerThreshold) {
            return tails.cumulative[Math.min(bin, weights.length - 1)] / totalWeight;
        }
        double beyond = counts
                ? untransform(center(tails.lowerThreshold + firstBin)) - untransform(y)
                : center(tails.lowerThreshold + firstBin) - y;
        return tails.lowerMass * Math.exp(-beyond / tails.lowerScale);
    }

    /** Returns the cumulative weights and tail fits, computed once after each change of the histogram. */
    private Tails tails() {
        if (tails == null) {
            tails = new Tails(weights, firstBin, totalWeight, counts);
        }
        return tails;
    }

    /** The prefix sums of the histogram and the exponential fits of both tails. */
    private static final class Tails {
        final double[] cumulative;
        int upperThreshold;
        double upperMass;
        double upperScale;
        int lowerThreshold;
        double lowerMass;
        double lowerScale;

        /** Fits the tails; with {@code counts} the excess is measured in values rather than in {@code y}. */
        Tails(double[] weights, int firstBin, double totalWeight, boolean counts) {
            cumulative = new double[weights.length];
            double sum = 0.0;
            for (int i = 0; i < weights.length; i++) {
                sum += weights[i];
                cumulative[i] = sum;
            }
            int upper = weights.length - 1;
            double beyond = 0.0;
            double excess = 0.0;
            while (upper > 0 && beyond + weights[upper] <= TAIL_SHARE * totalWeight) {
                beyond += weights[upper];
                upper--;
            }
            for (int i = upper + 1; i < weights.length; i++) {
                excess += weights[i] * distance(i + firstBin, upper + firstBin, counts);
            }
            upperThreshold = upper;
            upperMass = (beyond + weights[upper]) / totalWeight;
            upperScale = Math.max(beyond > 0.0 ? excess / beyond : 0.0, counts ? MIN_COUNT_TAIL_SCALE : MIN_TAIL_SCALE);

            int lower = 0;
            beyond = 0.0;
            excess = 0.0;
            while (lower < weights.length - 1 && beyond + weights[lower] <= TAIL_SHARE * totalWeight) {
                beyond += weights[lower];
                lower++;
            }
            for (int i = 0; i < lower; i++) {
                excess += weights[i] * distance(lower + firstBin, i + firstBin, counts);
            }
            lowerThreshold = lower;
            lowerMass = (beyond + weights[lower]) / totalWeight;
            lowerScale = Math.max(beyond > 0.0 ? excess / beyond : 0.0, counts ? MIN_COUNT_TAIL_SCALE : MIN_TAIL_SCALE);
        }

        /** Returns how far bin {@code high} is above bin {@code low}, in values or in {@code y}. */
        private static double distance(int high, int low, boolean counts) {
            return counts ? untransform(center(high)) - untransform(center(low)) : (high - low) * BIN_WIDTH;
        }
    }

    /** Returns the value at cumulative share {@code q} of the histogram. */
    private double quantile(double q) {
        double target = q * totalWeight;
        double cumulative = 0.0;
        for (int i = 0; i < weights.length; i++) {
            cumulative += weights[i];
            if (cumulative >= target) {
                return untransform(center(i + firstBin));
            }
        }
        return untransform(center(firstBin + weights.length - 1));
    }
}
