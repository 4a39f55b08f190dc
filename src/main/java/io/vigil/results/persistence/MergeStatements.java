package io.vigil.results.persistence;

/**
 * SQL that moves staged documents into the result tables. Each statement keeps the last staged document of each
 * identity ({@code DISTINCT ON ... ORDER BY ..., seq DESC}) and replaces a stored result of the same identity. The
 * first parameter of each is the job id and the second, where present, the {@code scored_at} time.
 */
final class MergeStatements {

    static final String BUCKETS = """
            INSERT INTO buckets (job_id, timestamp, bucket_span, anomaly_score, initial_anomaly_score, event_count,
                                 is_interim, processing_time_ms, scheduled_events, scored_at)
            SELECT DISTINCT ON (timestamp) ?, timestamp, bucket_span, anomaly_score, initial_anomaly_score,
                   event_count, is_interim, processing_time_ms, scheduled_events, ?
            FROM staged_buckets
            ORDER BY timestamp, seq DESC
            ON CONFLICT (job_id, timestamp) DO UPDATE SET
                bucket_span = excluded.bucket_span, anomaly_score = excluded.anomaly_score,
                initial_anomaly_score = excluded.initial_anomaly_score, event_count = excluded.event_count,
                is_interim = excluded.is_interim, processing_time_ms = excluded.processing_time_ms,
                scheduled_events = excluded.scheduled_events, scored_at = excluded.scored_at
            """;

    /** A stored bucket's influencers are replaced as a whole by those of the bucket that replaces it. */
    static final String DELETE_REPLACED_BUCKET_INFLUENCERS = """
            DELETE FROM bucket_influencers AS stored
            USING (SELECT DISTINCT timestamp FROM staged_buckets) AS replaced
            WHERE stored.job_id = ? AND stored.timestamp = replaced.timestamp
            """;

    static final String BUCKET_INFLUENCERS = """
            INSERT INTO bucket_influencers (job_id, timestamp, influencer_field_name, bucket_span, anomaly_score,
                                            initial_anomaly_score, raw_anomaly_score, probability, is_interim,
                                            scored_at, position)
            SELECT DISTINCT ON (staged.timestamp, staged.influencer_field_name) ?, staged.timestamp,
                   staged.influencer_field_name, staged.bucket_span, staged.anomaly_score,
                   staged.initial_anomaly_score, staged.raw_anomaly_score, staged.probability, staged.is_interim, ?,
                   staged.position
            FROM staged_bucket_influencers AS staged
            JOIN (SELECT max(seq) AS seq FROM staged_buckets GROUP BY timestamp) AS winner
                ON staged.bucket_seq = winner.seq
            ORDER BY staged.timestamp, staged.influencer_field_name, staged.position DESC
            """;

    static final String RECORDS = """
            INSERT INTO records (job_id, timestamp, bucket_span, detector_index, series_key, probability,
                                 multi_bucket_impact, record_score, initial_record_score, is_interim, function,
                                 field_name, by_field_name, by_field_value, partition_field_name,
                                 partition_field_value, over_field_name, over_field_value, document, rendered_fields,
                                 scored_at)
            SELECT DISTINCT ON (timestamp, detector_index, series_key) ?, timestamp, bucket_span, detector_index,
                   series_key, probability, multi_bucket_impact, record_score, initial_record_score, is_interim,
                   function, field_name, by_field_name, by_field_value, partition_field_name,
                   partition_field_value, over_field_name, over_field_value, document, rendered_fields, ?
            FROM staged_records
            ORDER BY timestamp, detector_index, series_key, seq DESC
            ON CONFLICT (job_id, timestamp, detector_index, series_key) DO UPDATE SET
                bucket_span = excluded.bucket_span, probability = excluded.probability,
                multi_bucket_impact = excluded.multi_bucket_impact, record_score = excluded.record_score,
                initial_record_score = excluded.initial_record_score, is_interim = excluded.is_interim,
                function = excluded.function, field_name = excluded.field_name,
                by_field_name = excluded.by_field_name, by_field_value = excluded.by_field_value,
                partition_field_name = excluded.partition_field_name,
                partition_field_value = excluded.partition_field_value,
                over_field_name = excluded.over_field_name, over_field_value = excluded.over_field_value,
                document = excluded.document, rendered_fields = excluded.rendered_fields,
                scored_at = excluded.scored_at
            """;

    static final String INFLUENCERS = """
            INSERT INTO influencers (job_id, timestamp, bucket_span, influencer_field_name, influencer_field_value,
                                     influencer_score, initial_influencer_score, probability, is_interim,
                                     scored_at)
            SELECT DISTINCT ON (timestamp, influencer_field_name, influencer_field_value) ?, timestamp, bucket_span,
                   influencer_field_name, influencer_field_value, influencer_score, initial_influencer_score,
                   probability, is_interim, ?
            FROM staged_influencers
            ORDER BY timestamp, influencer_field_name, influencer_field_value, seq DESC
            ON CONFLICT (job_id, timestamp, influencer_field_name, influencer_field_value) DO UPDATE SET
                bucket_span = excluded.bucket_span, influencer_score = excluded.influencer_score,
                initial_influencer_score = excluded.initial_influencer_score, probability = excluded.probability,
                is_interim = excluded.is_interim, scored_at = excluded.scored_at
            """;

    static final String CATEGORIES = """
            INSERT INTO categories (job_id, category_id, partition_field_name, partition_field_value, terms, regex,
                                    max_matching_length, examples, preferred_to_categories, num_matches)
            SELECT DISTINCT ON (category_id) ?, category_id, partition_field_name, partition_field_value, terms,
                   regex, max_matching_length, examples, preferred_to_categories, num_matches
            FROM staged_categories
            ORDER BY category_id, seq DESC
            ON CONFLICT (job_id, category_id) DO UPDATE SET
                partition_field_name = excluded.partition_field_name,
                partition_field_value = excluded.partition_field_value, terms = excluded.terms,
                regex = excluded.regex, max_matching_length = excluded.max_matching_length,
                examples = excluded.examples, preferred_to_categories = excluded.preferred_to_categories,
                num_matches = excluded.num_matches
            """;

    private MergeStatements() {}
}
