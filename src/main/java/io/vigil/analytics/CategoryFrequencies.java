package io.vigil.analytics;

import io.vigil.scoring.StateStrings;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * How often each value of a categorical field (a by value, a log category) occurs over time, for the {@code rare}
 * and {@code freq_rare} functions. Each value has a decayed occurrence weight. It gains one per bucket in which the
 * value appears for a series, or one per member that has it for a population. So a value is rare when it appears in
 * few buckets or for few members, whatever its event count.
 *
 * <p>The probability of a value is the share of all occurrences held by values at most as frequent, the
 * less-likely probability of a categorical distribution. Values never seen share the Good–Turing estimate of the
 * unseen mass, {@code (n1 + 0.5) / (N + 0.5)}, where {@code n1} counts the values seen about once (a decayed weight
 * of at most 1.5) and N all occurrences. So when new values keep appearing, a new one is not surprising, and once
 * the set of values is stable, the first occurrence of a new one is. Weights decay at
 * {@link DistributionDecay#perBucket}, kept lazily as a common scale so that a bucket costs only the values it has.
 * After N occurrences a first occurrence in a stable set has a probability of about {@code 1 / (2N)}.
 */
public final class CategoryFrequencies {

    static final byte STATE_VERSION = 1;

    /** The pseudo-count added to the values seen once, so the unseen mass stays positive. */
    private static final double NEW_VALUE_PRIOR = 0.5;

    /** Values with at most this decayed occurrence weight count as seen once. */
    private static final double SEEN_ONCE = 1.5;

    /** Rescale the stored weights once the common scale falls below this, to stay within double range. */
    private static final double RESCALE_BELOW = 1e-150;

    private final long bucketSpanMs;
    private final double decayRate;
    private final Map<String, double[]> values = new HashMap<>();
    private double scale = 1.0;
    private double totalOccurrences;
    private double buckets;
    private long lastLearnedMs = Long.MIN_VALUE;
    private double[] sortedOccurrences;
    private double[] cumulativeOccurrences;

    public CategoryFrequencies(long bucketSpanSeconds) {
        this(bucketSpanSeconds * 1000L, DistributionDecay.perBucket(bucketSpanSeconds));
    }

    private CategoryFrequencies(long bucketSpanMs, double decayRate) {
        this.bucketSpanMs = bucketSpanMs;
        this.decayRate = decayRate;
    }

    /** Returns true when {@code value} has occurred before. */
    public boolean seen(String value) {
        return values.containsKey(value);
    }

    /** Returns the number of distinct values seen. */
    public int size() {
        return values.size();
    }

    /**
     * Returns the probability in (0, 1] of a value at most as frequent as {@code value}, counting values never seen
     * as the least frequent.
     */
    public double probability(String value) {
        index();
        double denominator = totalOccurrences + NEW_VALUE_PRIOR;
        int seenOnce = upperBound(sortedOccurrences, SEEN_ONCE);
        double newMass = (seenOnce + NEW_VALUE_PRIOR) / denominator;
        double[] entry = values.get(value);
        if (entry == null) {
            return Math.min(newMass, 1.0);
        }
        double occurrences = entry[0] * scale;
        int position = upperBound(sortedOccurrences, occurrences * (1.0 + 1e-9));
        double atMost = position == 0 ? 0.0 : cumulativeOccurrences[position - 1];
        return Math.min(newMass + atMost / denominator, 1.0);
    }

    /** Returns the decayed mean number of events per bucket of {@code value}, 0 for a value never seen. */
    public double typicalEvents(String value) {
        double[] entry = values.get(value);
        return entry == null || buckets <= 0.0 ? 0.0 : entry[1] * scale / buckets;
    }

    /**
     * Returns how much rarer {@code value} is than the average value: the mean occurrence weight per value over the
     * value's own weight, counting one occurrence for a value never seen. Above 1 the value is rarer than average.
     */
    public double relativeRarity(String value) {
        if (values.isEmpty()) {
            return 1.0;
        }
        double[] entry = values.get(value);
        double own = entry == null ? 1.0 : Math.max(entry[0] * scale, 1e-12);
        return totalOccurrences / values.size() / own;
    }

    /**
     * Learns that {@code value} occurred in bucket {@code bucketStartMs} with {@code occurrences} (1 for a series,
     * the number of members for a population) and {@code events} records.
     */
    public void learn(long bucketStartMs, String value, double occurrences, double events) {
        startBucket(bucketStartMs);
        double[] entry = values.get(value);
        if (entry == null) {
            entry = new double[2];
            values.put(value, entry);
        }
        entry[0] += occurrences / scale;
        entry[1] += events / scale;
        totalOccurrences += occurrences;
        sortedOccurrences = null;
    }

    private void startBucket(long bucketStartMs) {
        if (bucketStartMs == lastLearnedMs) {
            return;
        }
        double factor = DistributionDecay.factor(lastLearnedMs, bucketStartMs, bucketSpanMs, decayRate);
        scale *= factor;
        totalOccurrences *= factor;
        buckets = buckets * factor + 1.0;
        lastLearnedMs = Math.max(lastLearnedMs, bucketStartMs);
        if (scale < RESCALE_BELOW) {
            for (double[] entry : values.values()) {
                entry[0] *= scale;
                entry[1] *= scale;
            }
            scale = 1.0;
        }
    }

    /** Removes the values whose occurrence weight has decayed below {@code minOccurrences}. */
    public int prune(double minOccurrences) {
        int before = values.size();
        values.values().removeIf(entry -> entry[0] * scale < minOccurrences);
        sortedOccurrences = null;
        return before - values.size();
    }

    public long memoryBytes() {
        long bytes = 128L + 96L * values.size();
        for (String value : values.keySet()) {
            bytes += 48L + value.length();
        }
        return bytes;
    }

    private void index() {
        if (sortedOccurrences != null) {
            return;
        }
        double[] sorted = new double[values.size()];
        int i = 0;
        for (double[] entry : values.values()) {
            sorted[i++] = entry[0] * scale;
        }
        Arrays.sort(sorted);
        double[] cumulative = new double[sorted.length];
        double sum = 0.0;
        for (int j = 0; j < sorted.length; j++) {
            sum += sorted[j];
            cumulative[j] = sum;
        }
        sortedOccurrences = sorted;
        cumulativeOccurrences = cumulative;
    }

    /** Returns the number of entries of the ascending {@code sorted} that are at most {@code key}. */
    private static int upperBound(double[] sorted, double key) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted[middle] <= key) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    public void writeTo(DataOutput out) throws IOException {
        out.writeByte(STATE_VERSION);
        out.writeLong(bucketSpanMs);
        out.writeDouble(decayRate);
        out.writeDouble(scale);
        out.writeDouble(totalOccurrences);
        out.writeDouble(buckets);
        out.writeLong(lastLearnedMs);
        String[] keys = values.keySet().toArray(new String[0]);
        Arrays.sort(keys);
        out.writeInt(keys.length);
        for (String key : keys) {
            double[] entry = values.get(key);
            StateStrings.write(out, key);
            out.writeDouble(entry[0]);
            out.writeDouble(entry[1]);
        }
    }

    /** Reads frequencies written by {@link #writeTo}. */
    public static CategoryFrequencies read(DataInput in) throws IOException {
        byte version = in.readByte();
        if (version != STATE_VERSION) {
            throw new IOException("category frequency state version " + version + " is not supported; expected "
                    + STATE_VERSION + ". Restore a snapshot written by this version.");
        }
        CategoryFrequencies model = new CategoryFrequencies(in.readLong(), in.readDouble());
        model.scale = in.readDouble();
        model.totalOccurrences = in.readDouble();
        model.buckets = in.readDouble();
        model.lastLearnedMs = in.readLong();
        int count = in.readInt();
        if (count < 0) {
            throw new IOException("category frequency state has " + count + " values; the state is corrupt");
        }
        for (int i = 0; i < count; i++) {
            String key = StateStrings.read(in);
            model.values.put(key, new double[] {in.readDouble(), in.readDouble()});
        }
        return model;
    }
}
