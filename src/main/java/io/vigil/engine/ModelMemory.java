package io.vigil.engine;

/**
 * The model memory of one job against its {@code model_memory_limit}. At the soft limit, 90% of the limit, new
 * series are no longer created and the status is {@code soft_limit}; at the limit it is {@code hard_limit}. Each
 * bucket in which a new series was rejected counts as one allocation failure.
 */
final class ModelMemory {

    /** Share of the limit at which new series stop being created; the rest is headroom for existing models. */
    static final double SOFT_LIMIT_FRACTION = 0.9;

    static final String OK = "ok";
    static final String SOFT_LIMIT = "soft_limit";
    static final String HARD_LIMIT = "hard_limit";

    private final long limitBytes;
    private long measuredBytes;
    private long createdSinceMeasured;
    private long allocationFailures;
    private long lastFailedBucketMs = Long.MIN_VALUE;

    ModelMemory(long limitBytes) {
        this.limitBytes = limitBytes;
    }

    long limitBytes() {
        return limitBytes;
    }

    /** Returns the bytes last measured plus the estimates of series created since. */
    long bytes() {
        return measuredBytes + createdSinceMeasured;
    }

    /** Returns true while the models are below the soft limit. */
    boolean mayCreateSeries() {
        return bytes() < SOFT_LIMIT_FRACTION * limitBytes;
    }

    void seriesCreated(long bytes) {
        createdSinceMeasured += bytes;
    }

    /** Records that a new series of bucket {@code bucketStartMs} was not created for lack of memory. */
    void seriesRejected(long bucketStartMs) {
        if (bucketStartMs != lastFailedBucketMs) {
            lastFailedBucketMs = bucketStartMs;
            allocationFailures++;
        }
    }

    /** Replaces the estimate with a full measurement. */
    void measured(long bytes) {
        measuredBytes = bytes;
        createdSinceMeasured = 0;
    }

    long allocationFailures() {
        return allocationFailures;
    }

    void restoreAllocationFailures(long count) {
        allocationFailures = count;
    }

    String status() {
        long bytes = bytes();
        if (bytes >= limitBytes) {
            return HARD_LIMIT;
        }
        return bytes >= SOFT_LIMIT_FRACTION * limitBytes ? SOFT_LIMIT : OK;
    }
}
