package io.vigil.process;

import io.vigil.engine.ModelSizeStats;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A job's running statistics as stored in {@code job_stats}: data counts, model size stats and timing stats, each
 * in its API shape, and the end of the last finalized bucket (null before any data).
 */
record JobStatsDocuments(
        Map<String, Object> dataCounts,
        Map<String, Object> modelSizeStats,
        Map<String, Object> timingStats,
        Long lastFinalizedBucketEnd) {

    /** Returns the {@code model_size_stats} document of Elasticsearch's shape. */
    static Map<String, Object> modelSizeStats(String jobId, ModelSizeStats stats, long logTimeMs, Long timestampMs) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("job_id", jobId);
        document.put("result_type", "model_size_stats");
        document.put("model_bytes", stats.modelBytes());
        document.put("model_bytes_memory_limit", stats.modelBytesMemoryLimit());
        document.put("total_by_field_count", stats.totalByFieldCount());
        document.put("total_over_field_count", stats.totalOverFieldCount());
        document.put("total_partition_field_count", stats.totalPartitionFieldCount());
        document.put("bucket_allocation_failures_count", stats.bucketAllocationFailuresCount());
        document.put("memory_status", stats.memoryStatus());
        document.put("log_time", logTimeMs);
        if (timestampMs != null) {
            document.put("timestamp", timestampMs);
        }
        return document;
    }
}
