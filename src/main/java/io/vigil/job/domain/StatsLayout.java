package io.vigil.job.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The field order and zero values of the stats objects. The job processor stores them as jsonb, which does not keep
 * key order, so they are put back into Elasticsearch's order here. Keys this list does not know come last.
 */
public final class StatsLayout {

    static final List<String> DATA_COUNTS = List.of(
            "job_id",
            "processed_record_count",
            "processed_field_count",
            "input_bytes",
            "input_field_count",
            "invalid_date_count",
            "missing_field_count",
            "out_of_order_timestamp_count",
            "empty_bucket_count",
            "sparse_bucket_count",
            "bucket_count",
            "earliest_record_timestamp",
            "latest_record_timestamp",
            "last_data_time",
            "latest_empty_bucket_timestamp",
            "latest_sparse_bucket_timestamp",
            "input_record_count",
            "log_time");

    public static final List<String> MODEL_SIZE_STATS = List.of(
            "job_id",
            "result_type",
            "model_bytes",
            "peak_model_bytes",
            "model_bytes_exceeded",
            "model_bytes_memory_limit",
            "total_by_field_count",
            "total_over_field_count",
            "total_partition_field_count",
            "bucket_allocation_failures_count",
            "memory_status",
            "assignment_memory_basis",
            "categorized_doc_count",
            "total_category_count",
            "frequent_category_count",
            "rare_category_count",
            "dead_category_count",
            "failed_category_count",
            "categorization_status",
            "log_time",
            "timestamp");

    static final List<String> TIMING_STATS = List.of(
            "job_id",
            "bucket_count",
            "total_bucket_processing_time_ms",
            "minimum_bucket_processing_time_ms",
            "maximum_bucket_processing_time_ms",
            "average_bucket_processing_time_ms",
            "exponential_average_bucket_processing_time_ms",
            "exponential_average_bucket_processing_time_per_hour_ms");

    private StatsLayout() {}

    /** Returns the data counts of a job that has processed nothing: every counter is 0, no timestamp is set. */
    static Map<String, Object> zeroDataCounts() {
        Map<String, Object> counts = new LinkedHashMap<>();
        for (String key : DATA_COUNTS) {
            if (key.endsWith("_count") || key.equals("input_bytes")) {
                counts.put(key, 0L);
            }
        }
        return counts;
    }

    /** Returns the model size stats of a job whose models never ran. */
    static Map<String, Object> zeroModelSizeStats(long now) {
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("result_type", "model_size_stats");
        for (String key : MODEL_SIZE_STATS) {
            if (key.endsWith("_count") || key.equals("model_bytes")) {
                stats.put(key, 0L);
            }
        }
        stats.put("memory_status", "ok");
        stats.put("categorization_status", "ok");
        stats.put("log_time", now);
        return stats;
    }

    /** Returns the timing stats of a job without finished buckets; minimum, maximum and averages stay absent. */
    static Map<String, Object> zeroTimingStats() {
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("bucket_count", 0L);
        stats.put("total_bucket_processing_time_ms", 0.0);
        return stats;
    }

    /**
     * Orders {@code stored} over {@code defaults} by {@code layout}, sets {@code job_id} and appends the keys the
     * layout does not list.
     */
    public static Map<String, Object> ordered(
            List<String> layout, String jobId, Map<String, Object> defaults, Map<String, Object> stored) {
        Map<String, Object> merged = new LinkedHashMap<>(defaults);
        merged.putAll(stored);
        merged.put("job_id", jobId);
        Map<String, Object> result = new LinkedHashMap<>();
        for (String key : layout) {
            if (merged.containsKey(key)) {
                result.put(key, merged.remove(key));
            }
        }
        result.putAll(merged);
        return result;
    }
}
