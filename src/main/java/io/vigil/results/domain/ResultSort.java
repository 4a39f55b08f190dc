package io.vigil.results.domain;

import io.vigil.common.VigilException;
import java.util.List;
import java.util.Set;

/**
 * A validated sort of buckets, records or influencers: a field that is a column of the result table, and its
 * direction. Fields in {@link #NULLABLE} can be missing from a result; those results sort last in both directions.
 */
public record ResultSort(String field, boolean descending) {

    public static final List<String> BUCKET_FIELDS = List.of(
            "timestamp",
            "anomaly_score",
            "initial_anomaly_score",
            "event_count",
            "processing_time_ms",
            "bucket_span",
            "is_interim");

    public static final List<String> RECORD_FIELDS = List.of(
            "record_score",
            "initial_record_score",
            "probability",
            "multi_bucket_impact",
            "timestamp",
            "bucket_span",
            "detector_index",
            "is_interim",
            "function",
            "field_name",
            "by_field_name",
            "by_field_value",
            "over_field_name",
            "over_field_value",
            "partition_field_name",
            "partition_field_value");

    public static final List<String> INFLUENCER_FIELDS = List.of(
            "influencer_score",
            "initial_influencer_score",
            "probability",
            "timestamp",
            "bucket_span",
            "is_interim",
            "influencer_field_name",
            "influencer_field_value");

    /**
     * The records of a page that tie on the sort field are ordered by these fields, in the same direction. The
     * order is Elasticsearch's, which clients see when records share a score.
     */
    public static final List<String> RECORD_SECONDARY_FIELDS = List.of(
            "record_score", "over_field_value", "partition_field_value", "by_field_value", "field_name", "function");

    public static final Set<String> NULLABLE = Set.of(
            "multi_bucket_impact",
            "function",
            "field_name",
            "by_field_name",
            "by_field_value",
            "over_field_name",
            "over_field_value",
            "partition_field_name",
            "partition_field_value");

    public static ResultSort bucket(String field, boolean descending) {
        return of("buckets", BUCKET_FIELDS, field, descending);
    }

    public static ResultSort record(String field, boolean descending) {
        return of("records", RECORD_FIELDS, field, descending);
    }

    public static ResultSort influencer(String field, boolean descending) {
        return of("influencers", INFLUENCER_FIELDS, field, descending);
    }

    private static ResultSort of(String results, List<String> fields, String field, boolean descending) {
        if (!fields.contains(field)) {
            throw VigilException.badRequest("No mapping found for [" + field + "] in order to sort on; sort " + results
                    + " by one of " + fields);
        }
        return new ResultSort(field, descending);
    }
}
