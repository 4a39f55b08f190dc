package io.vigil.engine;

import io.vigil.scoring.StateStrings;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The values of a by or over field that occur in most buckets, which {@code exclude_frequent} leaves out of the
 * results. Each value has a decayed count of the buckets it occurred in; a value is frequent once at least
 * {@value #MIN_BUCKETS} buckets were seen and it occurred in at least half of them (decayed by 1% per bucket, so
 * about the last 100 buckets count).
 */
final class FrequentValues {

    static final int MIN_BUCKETS = 20;
    static final double FREQUENT_SHARE = 0.5;
    private static final double DECAY = 0.99;
    private static final double RESCALE_BELOW = 1e-150;

    private final Map<String, double[]> occurrences = new HashMap<>();
    private double scale = 1.0;
    private double buckets;
    private long seenBuckets;
    private long lastBucketMs = Long.MIN_VALUE;

    /** Returns true when {@code value} occurs in most buckets. */
    boolean frequent(String value) {
        if (seenBuckets < MIN_BUCKETS || value == null) {
            return false;
        }
        double[] count = occurrences.get(value);
        return count != null && count[0] * scale >= FREQUENT_SHARE * buckets;
    }

    /** Counts one occurrence of {@code value} in final bucket {@code bucketStartMs}; call once per value. */
    void occurred(long bucketStartMs, String value) {
        startBucket(bucketStartMs);
        occurrences.computeIfAbsent(value, ignored -> new double[1])[0] += 1.0 / scale;
    }

    /** Counts final bucket {@code bucketStartMs} even when no value occurred in it. */
    void startBucket(long bucketStartMs) {
        if (bucketStartMs == lastBucketMs) {
            return;
        }
        lastBucketMs = bucketStartMs;
        scale *= DECAY;
        buckets = buckets * DECAY + 1.0;
        seenBuckets++;
        if (scale < RESCALE_BELOW) {
            for (double[] count : occurrences.values()) {
                count[0] *= scale;
            }
            scale = 1.0;
        }
    }

    /** Removes values that occur in less than one bucket in a thousand; they cannot be frequent. */
    void prune() {
        occurrences.values().removeIf(count -> count[0] * scale < 1e-3 * buckets);
    }

    long memoryBytes() {
        return 64L + 112L * occurrences.size();
    }

    void writeTo(DataOutput out) throws IOException {
        out.writeDouble(scale);
        out.writeDouble(buckets);
        out.writeLong(seenBuckets);
        out.writeLong(lastBucketMs);
        Map<String, double[]> sorted = new TreeMap<>(occurrences);
        out.writeInt(sorted.size());
        for (Map.Entry<String, double[]> entry : sorted.entrySet()) {
            StateStrings.write(out, entry.getKey());
            out.writeDouble(entry.getValue()[0]);
        }
    }

    void readFrom(DataInput in) throws IOException {
        occurrences.clear();
        scale = in.readDouble();
        buckets = in.readDouble();
        seenBuckets = in.readLong();
        lastBucketMs = in.readLong();
        int count = in.readInt();
        if (count < 0) {
            throw new IOException("frequent value state has " + count + " values; the state is corrupt");
        }
        for (int i = 0; i < count; i++) {
            String value = StateStrings.read(in);
            occurrences.put(value, new double[] {in.readDouble()});
        }
    }
}
