package io.vigil.results;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Field names of result documents. A by, over, partition or influencer field whose name is one of them is not
 * added as a dynamic top-level key, because it would overwrite the result field.
 */
public final class ResultFieldNames {

    private static final Set<String> RESERVED = Set.of(
            "job_id",
            "result_type",
            "timestamp",
            "bucket_span",
            "anomaly_score",
            "initial_anomaly_score",
            "raw_anomaly_score",
            "record_score",
            "initial_record_score",
            "influencer_score",
            "initial_influencer_score",
            "probability",
            "multi_bucket_impact",
            "detector_index",
            "is_interim",
            "event_count",
            "bucket_influencers",
            "processing_time_ms",
            "scheduled_events",
            "records",
            "by_field_name",
            "by_field_value",
            "correlated_by_field_value",
            "partition_field_name",
            "partition_field_value",
            "over_field_name",
            "over_field_value",
            "function",
            "function_description",
            "typical",
            "actual",
            "field_name",
            "causes",
            "influencers",
            "geo_results",
            "anomaly_score_explanation",
            "influencer_field_name",
            "influencer_field_value",
            "influencer_field_values",
            "category_id",
            "terms",
            "regex",
            "max_matching_length",
            "examples",
            "grok_pattern",
            "num_matches",
            "preferred_to_categories",
            "scored_at",
            "overall_score",
            "jobs");

    private ResultFieldNames() {}

    public static boolean isReserved(String fieldName) {
        return RESERVED.contains(fieldName);
    }

    static Map<String, List<String>> withoutReserved(Map<String, List<String>> fieldValues) {
        Map<String, List<String>> kept = new LinkedHashMap<>();
        fieldValues.forEach((name, values) -> {
            if (!isReserved(name)) {
                kept.put(name, values);
            }
        });
        return kept;
    }
}
