package io.vigil.engine;

import io.vigil.analytics.SeriesModel;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One split series of a detector, for one partition value and one by value: a model per feature of the detector's
 * function, the typical number of values per bucket, and the statistics of its open bucket or buckets. Values are
 * null for splits the detector does not have.
 */
final class Series {

    /** Weight of the newest bucket in the moving average of values per bucket: about a 20-bucket memory. */
    private static final double TYPICAL_WEIGHT_SMOOTHING = 0.05;

    private final int ordinal;
    private final String partitionValue;
    private final String byValue;
    private final SeriesModel[] models;
    private final boolean keepValues;
    private final boolean keepDistinct;
    private double typicalValueWeight;
    private long lastSeenBucketMs;

    // The bucket being filled; other open buckets (with latency) are rare and live in a map.
    private long openBucketMs = Long.MIN_VALUE;
    private BucketStatistics open;
    private NavigableMap<Long, BucketStatistics> otherOpen;

    Series(
            int ordinal,
            String partitionValue,
            String byValue,
            SeriesModel[] models,
            boolean keepValues,
            boolean keepDistinct,
            double typicalValueWeight,
            long lastSeenBucketMs) {
        this.ordinal = ordinal;
        this.partitionValue = partitionValue;
        this.byValue = byValue;
        this.models = models;
        this.keepValues = keepValues;
        this.keepDistinct = keepDistinct;
        this.typicalValueWeight = typicalValueWeight;
        this.lastSeenBucketMs = lastSeenBucketMs;
    }

    /** Returns the position of the series in its detector's creation order, which orders ties in results. */
    int ordinal() {
        return ordinal;
    }

    String partitionValue() {
        return partitionValue;
    }

    String byValue() {
        return byValue;
    }

    SeriesModel model(int featureIndex) {
        return models[featureIndex];
    }

    int modelCount() {
        return models.length;
    }

    /** Returns the moving average of the value weight of non-empty buckets, NaN before the first one. */
    double typicalValueWeight() {
        return typicalValueWeight;
    }

    long lastSeenBucketMs() {
        return lastSeenBucketMs;
    }

    /** Returns the statistics of bucket {@code bucketStartMs}, creating them for its first record. */
    BucketStatistics statisticsFor(long bucketStartMs) {
        if (bucketStartMs == openBucketMs) {
            return open;
        }
        lastSeenBucketMs = Math.max(lastSeenBucketMs, bucketStartMs);
        if (open == null) {
            BucketStatistics pending = otherOpen == null ? null : otherOpen.remove(bucketStartMs);
            openBucketMs = bucketStartMs;
            open = pending != null ? pending : new BucketStatistics(keepValues, keepDistinct);
            return open;
        }
        if (otherOpen == null) {
            otherOpen = new TreeMap<>();
        }
        return otherOpen.computeIfAbsent(bucketStartMs, ignored -> new BucketStatistics(keepValues, keepDistinct));
    }

    /** Returns the statistics of bucket {@code bucketStartMs} without removing them, or null when it is empty. */
    BucketStatistics peek(long bucketStartMs) {
        if (bucketStartMs == openBucketMs) {
            return open;
        }
        return otherOpen == null ? null : otherOpen.get(bucketStartMs);
    }

    /** Removes and returns the statistics of bucket {@code bucketStartMs}, or null when it is empty. */
    BucketStatistics take(long bucketStartMs) {
        if (bucketStartMs == openBucketMs) {
            BucketStatistics taken = open;
            open = null;
            openBucketMs = Long.MIN_VALUE;
            return taken;
        }
        return otherOpen == null ? null : otherOpen.remove(bucketStartMs);
    }

    /** Drops the statistics of the open buckets that start in {@code [startMs, endMs)}. */
    void resetBuckets(long startMs, long endMs) {
        if (openBucketMs >= startMs && openBucketMs < endMs) {
            open = null;
            openBucketMs = Long.MIN_VALUE;
        }
        if (otherOpen != null) {
            otherOpen.subMap(startMs, endMs).clear();
        }
    }

    /** Adds a non-empty final bucket's value weight to the typical value weight. */
    void learnValueWeight(double valueWeight) {
        if (Double.isNaN(typicalValueWeight)) {
            typicalValueWeight = valueWeight;
        } else {
            typicalValueWeight += TYPICAL_WEIGHT_SMOOTHING * (valueWeight - typicalValueWeight);
        }
    }

    /** Returns an estimate of the heap the series retains, in bytes, models and open statistics included. */
    long memoryBytes() {
        long bytes = 120L + stringBytes(partitionValue) + stringBytes(byValue);
        for (SeriesModel model : models) {
            bytes += model.memoryBytes();
        }
        if (open != null) {
            bytes += open.memoryBytes();
        }
        return bytes;
    }

    private static long stringBytes(String value) {
        return value == null ? 0L : 48L + value.length();
    }
}
