package io.vigil.process;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The data counts of a job or of one {@code _data} request, as the API reports them. A job's processor thread is
 * the only writer; other threads read a {@link #copy()} handed over through a completed future.
 */
public final class DataCounts {

    private static final long UNSET = Long.MIN_VALUE;

    long processedRecordCount;
    long inputBytes;
    long inputFieldCount;
    long invalidDateCount;
    long missingFieldCount;
    long outOfOrderTimestampCount;
    long emptyBucketCount;
    long sparseBucketCount;
    long bucketCount;
    long malformedRecordCount;
    long earliestRecordTimestamp = UNSET;
    long latestRecordTimestamp = UNSET;
    long lastDataTime = UNSET;
    long latestEmptyBucketTimestamp = UNSET;
    long latestSparseBucketTimestamp = UNSET;
    long logTime = UNSET;

    public DataCounts copy() {
        DataCounts copy = new DataCounts();
        copy.add(this);
        copy.earliestRecordTimestamp = earliestRecordTimestamp;
        copy.latestRecordTimestamp = latestRecordTimestamp;
        copy.lastDataTime = lastDataTime;
        copy.latestEmptyBucketTimestamp = latestEmptyBucketTimestamp;
        copy.latestSparseBucketTimestamp = latestSparseBucketTimestamp;
        copy.logTime = logTime;
        return copy;
    }

    public long processedRecordCount() {
        return processedRecordCount;
    }

    /** Processed records times the analysed input fields per record, minus the missing fields, floored at 0. */
    public long processedFieldCount(int analysedFieldsPerRecord) {
        return Math.max(0, processedRecordCount * analysedFieldsPerRecord - missingFieldCount);
    }

    /** Records read with a usable time: processed, out of order or with an invalid date. */
    public long inputRecordCount() {
        return processedRecordCount + outOfOrderTimestampCount + invalidDateCount;
    }

    void add(DataCounts other) {
        processedRecordCount += other.processedRecordCount;
        inputBytes += other.inputBytes;
        inputFieldCount += other.inputFieldCount;
        invalidDateCount += other.invalidDateCount;
        missingFieldCount += other.missingFieldCount;
        outOfOrderTimestampCount += other.outOfOrderTimestampCount;
        emptyBucketCount += other.emptyBucketCount;
        sparseBucketCount += other.sparseBucketCount;
        bucketCount += other.bucketCount;
        malformedRecordCount += other.malformedRecordCount;
    }

    void recordProcessed(long timestampMs) {
        processedRecordCount++;
        if (earliestRecordTimestamp == UNSET || timestampMs < earliestRecordTimestamp) {
            earliestRecordTimestamp = timestampMs;
        }
        if (latestRecordTimestamp == UNSET || timestampMs > latestRecordTimestamp) {
            latestRecordTimestamp = timestampMs;
        }
    }

    void addParseCounts(RecordBatch batch) {
        inputBytes += batch.inputBytes();
        inputFieldCount += batch.inputFieldCount();
        invalidDateCount += batch.invalidDateCount();
        missingFieldCount += batch.missingFieldCount();
        malformedRecordCount += batch.malformedRecordCount();
    }

    void bucketFinalized(long bucketStartMs, long eventCount, boolean sparse) {
        bucketCount++;
        if (eventCount == 0) {
            emptyBucketCount++;
            latestEmptyBucketTimestamp = bucketStartMs;
        } else if (sparse) {
            sparseBucketCount++;
            latestSparseBucketTimestamp = bucketStartMs;
        }
    }

    void touch(long nowMs) {
        lastDataTime = nowMs;
        logTime = nowMs;
    }

    /** Returns the API document of these counts in Elasticsearch's field order, with {@code malformed_record_count}. */
    public Map<String, Object> toDocument(String jobId, int analysedFieldsPerRecord) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("job_id", jobId);
        document.put("processed_record_count", processedRecordCount);
        document.put("processed_field_count", processedFieldCount(analysedFieldsPerRecord));
        document.put("input_bytes", inputBytes);
        document.put("input_field_count", inputFieldCount);
        document.put("invalid_date_count", invalidDateCount);
        document.put("missing_field_count", missingFieldCount);
        document.put("out_of_order_timestamp_count", outOfOrderTimestampCount);
        document.put("empty_bucket_count", emptyBucketCount);
        document.put("sparse_bucket_count", sparseBucketCount);
        document.put("bucket_count", bucketCount);
        putIfSet(document, "earliest_record_timestamp", earliestRecordTimestamp);
        putIfSet(document, "latest_record_timestamp", latestRecordTimestamp);
        putIfSet(document, "last_data_time", lastDataTime);
        putIfSet(document, "latest_empty_bucket_timestamp", latestEmptyBucketTimestamp);
        putIfSet(document, "latest_sparse_bucket_timestamp", latestSparseBucketTimestamp);
        document.put("input_record_count", inputRecordCount());
        putIfSet(document, "log_time", logTime);
        document.put("malformed_record_count", malformedRecordCount);
        return document;
    }

    private static void putIfSet(Map<String, Object> document, String name, long value) {
        if (value != UNSET) {
            document.put(name, value);
        }
    }

    void write(DataOutput out) throws IOException {
        for (long value : values()) {
            out.writeLong(value);
        }
    }

    static DataCounts read(DataInput in) throws IOException {
        DataCounts counts = new DataCounts();
        counts.processedRecordCount = in.readLong();
        counts.inputBytes = in.readLong();
        counts.inputFieldCount = in.readLong();
        counts.invalidDateCount = in.readLong();
        counts.missingFieldCount = in.readLong();
        counts.outOfOrderTimestampCount = in.readLong();
        counts.emptyBucketCount = in.readLong();
        counts.sparseBucketCount = in.readLong();
        counts.bucketCount = in.readLong();
        counts.malformedRecordCount = in.readLong();
        counts.earliestRecordTimestamp = in.readLong();
        counts.latestRecordTimestamp = in.readLong();
        counts.lastDataTime = in.readLong();
        counts.latestEmptyBucketTimestamp = in.readLong();
        counts.latestSparseBucketTimestamp = in.readLong();
        counts.logTime = in.readLong();
        return counts;
    }

    private long[] values() {
        return new long[] {
            processedRecordCount,
            inputBytes,
            inputFieldCount,
            invalidDateCount,
            missingFieldCount,
            outOfOrderTimestampCount,
            emptyBucketCount,
            sparseBucketCount,
            bucketCount,
            malformedRecordCount,
            earliestRecordTimestamp,
            latestRecordTimestamp,
            lastDataTime,
            latestEmptyBucketTimestamp,
            latestSparseBucketTimestamp,
            logTime
        };
    }
}
