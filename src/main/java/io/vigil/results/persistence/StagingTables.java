package io.vigil.results.persistence;

/**
 * Session-local tables that a results batch streams its documents into with COPY before merging them into the
 * result tables. {@code seq} numbers the documents of a batch in the order they were added, so the last of several
 * documents with one identity wins the merge.
 */
final class StagingTables {

    static final String CREATE = """
            CREATE TEMP TABLE IF NOT EXISTS staged_buckets (
                seq bigint, timestamp bigint, bucket_span bigint, anomaly_score double precision,
                initial_anomaly_score double precision, event_count bigint, is_interim boolean,
                processing_time_ms bigint, scheduled_events jsonb);
            CREATE TEMP TABLE IF NOT EXISTS staged_bucket_influencers (
                bucket_seq bigint, position integer, timestamp bigint, influencer_field_name text,
                bucket_span bigint, anomaly_score double precision, initial_anomaly_score double precision,
                raw_anomaly_score double precision, probability double precision, is_interim boolean);
            CREATE TEMP TABLE IF NOT EXISTS staged_records (
                seq bigint, timestamp bigint, bucket_span bigint, detector_index integer, series_key text,
                probability double precision, multi_bucket_impact double precision, record_score double precision,
                initial_record_score double precision, is_interim boolean, function text, field_name text,
                by_field_name text, by_field_value text, partition_field_name text, partition_field_value text,
                over_field_name text, over_field_value text, document jsonb, rendered_fields text);
            CREATE TEMP TABLE IF NOT EXISTS staged_influencers (
                seq bigint, timestamp bigint, bucket_span bigint, influencer_field_name text,
                influencer_field_value text, influencer_score double precision,
                initial_influencer_score double precision, probability double precision, is_interim boolean);
            CREATE TEMP TABLE IF NOT EXISTS staged_categories (
                seq bigint, category_id bigint, partition_field_name text, partition_field_value text, terms text,
                regex text, max_matching_length bigint, examples jsonb, preferred_to_categories jsonb,
                num_matches bigint)
            """;

    static final String BUCKET_COLUMNS = "seq, timestamp, bucket_span, anomaly_score, initial_anomaly_score, "
            + "event_count, is_interim, processing_time_ms, scheduled_events";

    static final String BUCKET_INFLUENCER_COLUMNS = "bucket_seq, position, timestamp, influencer_field_name, "
            + "bucket_span, anomaly_score, initial_anomaly_score, raw_anomaly_score, probability, is_interim";

    static final String RECORD_COLUMNS = "seq, timestamp, bucket_span, detector_index, series_key, probability, "
            + "multi_bucket_impact, record_score, initial_record_score, is_interim, function, field_name, "
            + "by_field_name, by_field_value, partition_field_name, partition_field_value, over_field_name, "
            + "over_field_value, document, rendered_fields";

    static final String INFLUENCER_COLUMNS = "seq, timestamp, bucket_span, influencer_field_name, "
            + "influencer_field_value, influencer_score, initial_influencer_score, probability, is_interim";

    static final String CATEGORY_COLUMNS = "seq, category_id, partition_field_name, partition_field_value, terms, "
            + "regex, max_matching_length, examples, preferred_to_categories, num_matches";

    private StagingTables() {}
}
