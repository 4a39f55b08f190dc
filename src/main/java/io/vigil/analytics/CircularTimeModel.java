package io.vigil.analytics;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * The distribution of the times within a period (a day or a week, UTC) at which a series has events, for the
 * {@code time_of_day} and {@code time_of_week} functions. It is a decayed histogram of the learned times smoothed
 * by a circular Gaussian kernel, so it learns any number of modes (working hours, a nightly batch job), plus a
 * small uniform share for times never seen.
 *
 * <p>The probability of a time is the mass of the times that are less likely than it (the density at them is not
 * above the density at it), the two-sided definition for multimodal distributions. While the model is young, the
 * probability is raised as {@code p' = pNew + p (1 - pNew)} with {@code pNew = exp(-(elapsed / period)^4)}, so that
 * times in the first period are not yet surprising (Elastic ml-cpp's {@code model_t::adjustProbability} for
 * these functions), and likewise while it has learned few events. Values and typical values are seconds since the start of the period.
 */
public final class CircularTimeModel implements SeriesModel {

    static final byte STATE_VERSION = 1;

    /**
     * Uniform pseudo-weight for times never seen, so probabilities stay positive. It is small because the kernel
     * already spreads each learned time: a time far from all learned ones should be very unlikely.
     */
    private static final double UNIFORM_WEIGHT = 1e-4;

    /** The smallest kernel standard deviation, in seconds, so that times close to learned ones stay usual. */
    private static final double MIN_KERNEL_SECONDS = 1800.0;

    /**
     * The scale of learned events at which the model is trusted: a few events leave gaps between them that are not
     * yet unusual, so the probability is raised as for a young model with {@code exp(-(events / 12)^4)} in place of
     * {@code pNew} (0.82 after 8 events, 0.37 after 12, 1e-7 after 24). Events count with their decayed weight.
     */
    private static final double MATURE_EVENTS = 12.0;

    /** The mass that the typical interval of {@link Assessment#lowerBound()} to upper bound covers. */
    private static final double INTERVAL_MASS = 0.95;

    private final long periodSeconds;
    private final long bucketSpanMs;
    private final double decayRate;
    private final double kernelSigmaBins;
    private final double[] weights;
    private double totalWeight;
    private long firstLearnedMs = Long.MIN_VALUE;
    private long lastLearnedMs = Long.MIN_VALUE;
    /** The density of the current weights, computed on first use after each change; not part of the state. */
    private double[] density;

    /**
     * Creates an empty model.
     *
     * @param periodSeconds 86400 for a day or 604800 for a week
     * @param bins the histogram resolution, for example 96 bins of 15 minutes over a day
     * @param bucketSpanSeconds the job's bucket span, which also sets the kernel width (half a bucket, at least 30
     *     minutes and one bin)
     */
    public CircularTimeModel(long periodSeconds, int bins, long bucketSpanSeconds) {
        this(
                periodSeconds,
                bucketSpanSeconds * 1000L,
                DistributionDecay.perBucket(bucketSpanSeconds),
                kernelSigmaBins(periodSeconds, bins, bucketSpanSeconds),
                new double[bins]);
    }

    private CircularTimeModel(
            long periodSeconds, long bucketSpanMs, double decayRate, double kernelSigmaBins, double[] weights) {
        this.periodSeconds = periodSeconds;
        this.bucketSpanMs = bucketSpanMs;
        this.decayRate = decayRate;
        this.kernelSigmaBins = kernelSigmaBins;
        this.weights = weights;
    }

    private static double kernelSigmaBins(long periodSeconds, int bins, long bucketSpanSeconds) {
        double binSeconds = (double) periodSeconds / bins;
        double sigmaSeconds = Math.max(MIN_KERNEL_SECONDS, bucketSpanSeconds / 2.0);
        return Math.min(Math.max(1.0, sigmaSeconds / binSeconds), bins / 8.0);
    }

    /** Returns the model for {@code time_of_day}: 96 bins of 15 minutes. */
    public static CircularTimeModel timeOfDay(long bucketSpanSeconds) {
        return new CircularTimeModel(TimeOfPeriod.DAY_SECONDS, 96, bucketSpanSeconds);
    }

    /** Returns the model for {@code time_of_week}: 168 bins of one hour. */
    public static CircularTimeModel timeOfWeek(long bucketSpanSeconds) {
        return new CircularTimeModel(TimeOfPeriod.WEEK_SECONDS, 168, bucketSpanSeconds);
    }

    @Override
    public Assessment assess(long bucketStartMs, double value, double countWeight, Side side) {
        double[] density = density();
        double position = position(value);
        double at = interpolate(density, position);
        double probability = 1.0;
        if (totalWeight > 0.0) {
            double lessLikely = 0.0;
            for (double d : density) {
                if (d <= at) {
                    lessLikely += d;
                }
            }
            probability = Math.min(Math.max(lessLikely, Double.MIN_NORMAL), 1.0);
            double elapsedPeriods = (bucketStartMs - firstLearnedMs) / (1000.0 * periodSeconds);
            double pNew = elapsedPeriods <= 0.0 ? 1.0 : Math.exp(-Math.pow(elapsedPeriods, 4));
            double pFew = Math.exp(-Math.pow(totalWeight / MATURE_EVENTS, 4));
            double young = Math.max(pNew, pFew);
            probability = young + probability * (1.0 - young);
        }
        int mode = nearestMode(density, position);
        double typical = binCenterSeconds(mode);
        double[] interval = interval(density, mode);
        boolean later = circularDifference(value, typical) > 0.0;
        return new Assessment(
                probability,
                probability,
                1.0,
                -5.0,
                typical,
                interval[0],
                interval[1],
                later,
                probability < 0.05 ? 1 : 0,
                1.0,
                false,
                false,
                countModes(density) > 1);
    }

    @Override
    public void learn(long bucketStartMs, double value, double countWeight) {
        density = null;
        double factor = DistributionDecay.factor(lastLearnedMs, bucketStartMs, bucketSpanMs, decayRate);
        if (factor < 1.0) {
            for (int i = 0; i < weights.length; i++) {
                weights[i] *= factor;
            }
            totalWeight *= factor;
        }
        double position = position(value);
        int lower = (int) Math.floor(position);
        double fraction = position - lower;
        double weight = countWeight > 0.0 ? countWeight : 1.0;
        weights[Math.floorMod(lower, weights.length)] += weight * (1.0 - fraction);
        weights[Math.floorMod(lower + 1, weights.length)] += weight * fraction;
        totalWeight += weight;
        if (firstLearnedMs == Long.MIN_VALUE) {
            firstLearnedMs = bucketStartMs;
        }
        lastLearnedMs = Math.max(lastLearnedMs, bucketStartMs);
    }

    @Override
    public double typical(long bucketStartMs) {
        double[] density = density();
        int best = 0;
        for (int i = 1; i < density.length; i++) {
            if (density[i] > density[best]) {
                best = i;
            }
        }
        return binCenterSeconds(best);
    }

    @Override
    public long memoryBytes() {
        return 96L + 8L * weights.length;
    }

    @Override
    public void writeTo(DataOutput out) throws IOException {
        out.writeByte(STATE_VERSION);
        out.writeLong(periodSeconds);
        out.writeLong(bucketSpanMs);
        out.writeDouble(decayRate);
        out.writeDouble(kernelSigmaBins);
        out.writeInt(weights.length);
        for (double weight : weights) {
            out.writeDouble(weight);
        }
        out.writeDouble(totalWeight);
        out.writeLong(firstLearnedMs);
        out.writeLong(lastLearnedMs);
    }

    /** Reads a model written by {@link #writeTo}. */
    public static CircularTimeModel read(DataInput in) throws IOException {
        byte version = in.readByte();
        if (version != STATE_VERSION) {
            throw new IOException("time model state version " + version + " is not supported; expected " + STATE_VERSION
                    + ". Restore a snapshot written by this version.");
        }
        long periodSeconds = in.readLong();
        long bucketSpanMs = in.readLong();
        double decayRate = in.readDouble();
        double sigma = in.readDouble();
        int bins = in.readInt();
        if (bins <= 0 || bins > 100_000) {
            throw new IOException("time model state has " + bins + " bins; the state is corrupt");
        }
        double[] weights = new double[bins];
        for (int i = 0; i < bins; i++) {
            weights[i] = in.readDouble();
        }
        CircularTimeModel model = new CircularTimeModel(periodSeconds, bucketSpanMs, decayRate, sigma, weights);
        model.totalWeight = in.readDouble();
        model.firstLearnedMs = in.readLong();
        model.lastLearnedMs = in.readLong();
        return model;
    }

    /** Returns the smoothed probability mass of each bin, uniform share included; it sums to 1. */
    private double[] density() {
        if (density == null) {
            density = smoothedDensity();
        }
        return density;
    }

    private double[] smoothedDensity() {
        int bins = weights.length;
        int reach = Math.min(bins / 2, (int) Math.ceil(8.0 * kernelSigmaBins));
        double[] kernel = new double[reach + 1];
        double kernelSum = 0.0;
        for (int d = 0; d <= reach; d++) {
            kernel[d] = Math.exp(-0.5 * (d / kernelSigmaBins) * (d / kernelSigmaBins));
            kernelSum += d == 0 ? kernel[d] : 2.0 * kernel[d];
        }
        double[] smoothed = new double[bins];
        double denominator = totalWeight + UNIFORM_WEIGHT;
        for (int j = 0; j < bins; j++) {
            if (weights[j] == 0.0) {
                continue;
            }
            double share = weights[j] / kernelSum / denominator;
            for (int d = -reach; d <= reach; d++) {
                smoothed[Math.floorMod(j + d, bins)] += share * kernel[Math.abs(d)];
            }
        }
        double uniform = UNIFORM_WEIGHT / denominator / bins;
        for (int i = 0; i < bins; i++) {
            smoothed[i] += uniform;
        }
        return smoothed;
    }

    /** Returns {@code value} (seconds in the period) as a fractional bin index measured from bin centers. */
    private double position(double value) {
        double seconds = ((value % periodSeconds) + periodSeconds) % periodSeconds;
        return seconds / periodSeconds * weights.length - 0.5;
    }

    private static double interpolate(double[] density, double position) {
        int lower = (int) Math.floor(position);
        double fraction = position - lower;
        return density[Math.floorMod(lower, density.length)] * (1.0 - fraction)
                + density[Math.floorMod(lower + 1, density.length)] * fraction;
    }

    private double binCenterSeconds(int bin) {
        return (bin + 0.5) * periodSeconds / weights.length;
    }

    /** Returns the signed shortest difference {@code a - b} around the period, in seconds. */
    private double circularDifference(double a, double b) {
        double half = periodSeconds / 2.0;
        double difference = ((a - b) % periodSeconds + periodSeconds) % periodSeconds;
        return difference > half ? difference - periodSeconds : difference;
    }

    /**
     * Returns the mode nearest to {@code position}: from the closest bin with more than the never-seen density,
     * searched outwards in both directions, the density is climbed to its local maximum.
     */
    private static int nearestMode(double[] density, double position) {
        int bins = density.length;
        double floor = Double.POSITIVE_INFINITY;
        for (double d : density) {
            floor = Math.min(floor, d);
        }
        int start = Math.floorMod((int) Math.round(position), bins);
        for (int distance = 0; distance <= bins / 2; distance++) {
            for (int direction = -1; direction <= 1; direction += 2) {
                int bin = Math.floorMod(start + direction * distance, bins);
                if (density[bin] > 2.0 * floor) {
                    return climb(density, bin);
                }
            }
        }
        return start;
    }

    /** Returns the local maximum reached from {@code bin} by moving to the higher neighbour while there is one. */
    private static int climb(double[] density, int bin) {
        int bins = density.length;
        int current = bin;
        for (int steps = 0; steps < bins; steps++) {
            int left = Math.floorMod(current - 1, bins);
            int right = Math.floorMod(current + 1, bins);
            int higher = density[left] > density[right] ? left : right;
            if (density[higher] <= density[current]) {
                break;
            }
            current = higher;
        }
        return current;
    }

    /** Returns the start and end, in seconds, of the densest region around {@code mode} holding 95% of the mass. */
    private double[] interval(double[] density, int mode) {
        double[] sorted = density.clone();
        Arrays.sort(sorted);
        double mass = 0.0;
        double threshold = sorted[sorted.length - 1];
        for (int i = sorted.length - 1; i >= 0 && mass < INTERVAL_MASS; i--) {
            mass += sorted[i];
            threshold = sorted[i];
        }
        int bins = density.length;
        int low = mode;
        int high = mode;
        for (int steps = 0; steps < bins && density[Math.floorMod(low - 1, bins)] >= threshold; steps++) {
            low = Math.floorMod(low - 1, bins);
        }
        for (int steps = 0; steps < bins && density[Math.floorMod(high + 1, bins)] >= threshold; steps++) {
            high = Math.floorMod(high + 1, bins);
        }
        double binSeconds = (double) periodSeconds / bins;
        return new double[] {low * binSeconds, (high + 1) * binSeconds};
    }

    private static int countModes(double[] density) {
        int bins = density.length;
        double max = 0.0;
        for (double d : density) {
            max = Math.max(max, d);
        }
        int modes = 0;
        for (int i = 0; i < bins; i++) {
            double d = density[i];
            if (d > 0.1 * max && d > density[Math.floorMod(i - 1, bins)] && d >= density[Math.floorMod(i + 1, bins)]) {
                modes++;
            }
        }
        return modes;
    }
}
