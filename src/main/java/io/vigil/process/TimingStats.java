package io.vigil.process;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Bucket processing times of a job's final buckets, as {@code timing_stats} reports them; interim buckets never count. */
final class TimingStats {

    // NOTE: Vigil's smoothing factor for the exponential average; a weight of 0.01 lets about the last 100 buckets
    // dominate the average.
    private static final double EXPONENTIAL_AVERAGE_WEIGHT = 0.01;

    private long bucketCount;
    private double totalMs;
    private double minimumMs;
    private double maximumMs;
    private double exponentialAverageMs;

    void add(double processingTimeMs) {
        if (bucketCount == 0) {
            minimumMs = processingTimeMs;
            maximumMs = processingTimeMs;
            exponentialAverageMs = processingTimeMs;
        } else {
            minimumMs = Math.min(minimumMs, processingTimeMs);
            maximumMs = Math.max(maximumMs, processingTimeMs);
            exponentialAverageMs += EXPONENTIAL_AVERAGE_WEIGHT * (processingTimeMs - exponentialAverageMs);
        }
        bucketCount++;
        totalMs += processingTimeMs;
    }

    /** Returns the API document; the minimum, maximum and averages are absent until a bucket was processed. */
    Map<String, Object> toDocument(String jobId) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("job_id", jobId);
        document.put("bucket_count", bucketCount);
        document.put("total_bucket_processing_time_ms", totalMs);
        if (bucketCount > 0) {
            document.put("minimum_bucket_processing_time_ms", minimumMs);
            document.put("maximum_bucket_processing_time_ms", maximumMs);
            document.put("average_bucket_processing_time_ms", totalMs / bucketCount);
            document.put("exponential_average_bucket_processing_time_ms", exponentialAverageMs);
        }
        return document;
    }

    void write(DataOutput out) throws IOException {
        out.writeLong(bucketCount);
        out.writeDouble(totalMs);
        out.writeDouble(minimumMs);
        out.writeDouble(maximumMs);
        out.writeDouble(exponentialAverageMs);
    }

    static TimingStats read(DataInput in) throws IOException {
        TimingStats stats = new TimingStats();
        stats.bucketCount = in.readLong();
        stats.totalMs = in.readDouble();
        stats.minimumMs = in.readDouble();
        stats.maximumMs = in.readDouble();
        stats.exponentialAverageMs = in.readDouble();
        return stats;
    }
}
