package io.vigil.process;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * The bucket clock of a job: buckets {@code [t, t + bucket_span)} aligned to multiples of the span since the epoch,
 * the end of the last finalized bucket, the latest record time and the event count of each open bucket. The open
 * buckets run from {@link #lastFinalizedBucketEnd()} to the bucket of the latest record.
 */
final class BucketClock {

    static final long UNSET = Long.MIN_VALUE;

    private final long bucketSpanMs;
    private final long latencyMs;
    private long lastFinalizedBucketEnd = UNSET;
    private long latestRecordTimeMs = UNSET;
    // openEventCounts[i] counts the records of the bucket starting at lastFinalizedBucketEnd + i * bucketSpanMs.
    private long[] openEventCounts = new long[4];

    BucketClock(long bucketSpanMs, long latencyMs) {
        this.bucketSpanMs = bucketSpanMs;
        this.latencyMs = latencyMs;
    }

    long bucketSpanMs() {
        return bucketSpanMs;
    }

    long latencyMs() {
        return latencyMs;
    }

    long alignDown(long timeMs) {
        return Math.floorDiv(timeMs, bucketSpanMs) * bucketSpanMs;
    }

    long alignUp(long timeMs) {
        return -Math.floorDiv(-timeMs, bucketSpanMs) * bucketSpanMs;
    }

    /** Returns whether any record or time advance has started the clock. */
    boolean started() {
        return lastFinalizedBucketEnd != UNSET;
    }

    /** Starts the clock with the bucket of {@code timeMs} as the first open bucket. */
    void start(long timeMs) {
        lastFinalizedBucketEnd = alignDown(timeMs);
    }

    long lastFinalizedBucketEnd() {
        return lastFinalizedBucketEnd;
    }

    long latestRecordTimeMs() {
        return latestRecordTimeMs;
    }

    /**
     * Returns whether a record at {@code timeMs} is out of order: older than the latest record minus the latency, as
     * Elasticsearch decides, or inside a bucket that is already finalized or skipped.
     */
    boolean isOutOfOrder(long timeMs) {
        if (timeMs < lastFinalizedBucketEnd) {
            return true;
        }
        return latestRecordTimeMs != UNSET && timeMs < latestRecordTimeMs - latencyMs;
    }

    /** Returns whether data at {@code timeMs} has passed the end plus latency of the first open bucket. */
    boolean firstOpenBucketIsDue(long timeMs) {
        return timeMs >= lastFinalizedBucketEnd + bucketSpanMs + latencyMs;
    }

    /** Counts a record that is not out of order; the caller has finalized the buckets that were due. */
    void addRecord(long timeMs) {
        int index = (int) ((alignDown(timeMs) - lastFinalizedBucketEnd) / bucketSpanMs);
        if (index >= openEventCounts.length) {
            openEventCounts = Arrays.copyOf(openEventCounts, Math.max(index + 1, openEventCounts.length * 2));
        }
        openEventCounts[index]++;
        if (timeMs > latestRecordTimeMs) {
            latestRecordTimeMs = timeMs;
        }
    }

    /** Returns the start of the bucket of the latest record, or {@link #UNSET} when no record was added. */
    long lastOpenBucketStart() {
        if (latestRecordTimeMs == UNSET || latestRecordTimeMs < lastFinalizedBucketEnd) {
            return UNSET;
        }
        return alignDown(latestRecordTimeMs);
    }

    long openEventCount(long bucketStartMs) {
        int index = (int) ((bucketStartMs - lastFinalizedBucketEnd) / bucketSpanMs);
        return index >= 0 && index < openEventCounts.length ? openEventCounts[index] : 0;
    }

    /**
     * Forgets the records of the open buckets that start in {@code [startMs, endMs)}, both bounds aligned to the
     * bucket span. When the latest record is in the range, the latest record time moves back to the last millisecond
     * of the last open bucket before the range that still has records. Without such a bucket it moves to just before
     * the first open bucket. Either value is an upper bound of the latest remaining record, so records posted again
     * for the range are not out of order.
     *
     * <p>NOTE: with latency, the bound can be up to a bucket span later than the true latest record, because times are
     * not kept per bucket. Records posted later for the earlier open buckets are then judged out of order that much
     * sooner.
     */
    void resetBuckets(long startMs, long endMs) {
        if (!started()) {
            return;
        }
        long first = Math.max(startMs, lastFinalizedBucketEnd);
        long firstIndex = (first - lastFinalizedBucketEnd) / bucketSpanMs;
        long endIndex = Math.min((endMs - lastFinalizedBucketEnd) / bucketSpanMs, openEventCounts.length);
        for (long index = firstIndex; index < endIndex; index++) {
            openEventCounts[(int) index] = 0;
        }
        if (latestRecordTimeMs == UNSET || latestRecordTimeMs < first || latestRecordTimeMs >= endMs) {
            return;
        }
        // The latest record is in an open bucket at or after the range start, so firstIndex is inside the array.
        long bound = lastFinalizedBucketEnd - 1;
        for (int index = 0; index < firstIndex; index++) {
            if (openEventCounts[index] > 0) {
                bound = lastFinalizedBucketEnd + (index + 1) * bucketSpanMs - 1;
            }
        }
        latestRecordTimeMs = bound;
    }

    /**
     * Moves the end of the finalized buckets forward to {@code bucketStartMs} without finalizing the buckets in
     * between. The caller has checked that no open bucket before it has records.
     */
    void skipEmptyTo(long bucketStartMs) {
        if (bucketStartMs <= lastFinalizedBucketEnd) {
            return;
        }
        lastFinalizedBucketEnd = bucketStartMs;
        Arrays.fill(openEventCounts, 0);
    }

    /** Closes the first open bucket and returns its event count. */
    long finalizeFirstOpenBucket() {
        long eventCount = openEventCounts[0];
        System.arraycopy(openEventCounts, 1, openEventCounts, 0, openEventCounts.length - 1);
        openEventCounts[openEventCounts.length - 1] = 0;
        lastFinalizedBucketEnd += bucketSpanMs;
        return eventCount;
    }

    void write(DataOutput out) throws IOException {
        out.writeLong(bucketSpanMs);
        out.writeLong(lastFinalizedBucketEnd);
        out.writeLong(latestRecordTimeMs);
        out.writeInt(openEventCounts.length);
        for (long count : openEventCounts) {
            out.writeLong(count);
        }
    }

    /** Restores a clock written by {@link #write}; the latency is the job's current setting. */
    static BucketClock read(DataInput in, long latencyMs) throws IOException {
        BucketClock clock = new BucketClock(in.readLong(), latencyMs);
        clock.lastFinalizedBucketEnd = in.readLong();
        clock.latestRecordTimeMs = in.readLong();
        clock.openEventCounts = new long[in.readInt()];
        for (int i = 0; i < clock.openEventCounts.length; i++) {
            clock.openEventCounts[i] = in.readLong();
        }
        return clock;
    }
}
