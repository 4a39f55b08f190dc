package io.vigil.engine;

import java.util.HashMap;
import java.util.Map;

/** The number of input records per open bucket, with a fast path for the bucket being filled. */
final class BucketEventCounts {

    private long openBucketMs = Long.MIN_VALUE;
    private long openCount;
    private final Map<Long, Long> otherOpen = new HashMap<>();

    void increment(long bucketStartMs) {
        if (bucketStartMs == openBucketMs) {
            openCount++;
            return;
        }
        if (openCount == 0) {
            Long pending = otherOpen.remove(bucketStartMs);
            openBucketMs = bucketStartMs;
            openCount = pending == null ? 1 : pending + 1;
            return;
        }
        otherOpen.merge(bucketStartMs, 1L, Long::sum);
    }

    long peek(long bucketStartMs) {
        return bucketStartMs == openBucketMs ? openCount : otherOpen.getOrDefault(bucketStartMs, 0L);
    }

    /** Removes and returns the count of bucket {@code bucketStartMs}. */
    long take(long bucketStartMs) {
        if (bucketStartMs == openBucketMs) {
            long count = openCount;
            openBucketMs = Long.MIN_VALUE;
            openCount = 0;
            return count;
        }
        Long count = otherOpen.remove(bucketStartMs);
        return count == null ? 0L : count;
    }

    /** Drops the counts of the buckets that start in {@code [startMs, endMs)}. */
    void reset(long startMs, long endMs) {
        if (openBucketMs >= startMs && openBucketMs < endMs) {
            openBucketMs = Long.MIN_VALUE;
            openCount = 0;
        }
        otherOpen.keySet().removeIf(bucketStartMs -> bucketStartMs >= startMs && bucketStartMs < endMs);
    }

    void clear() {
        openBucketMs = Long.MIN_VALUE;
        openCount = 0;
        otherOpen.clear();
    }
}
