package io.vigil.results.persistence;

/**
 * SQL that writes result documents into the result tables, in two forms that share their column lists and conflict
 * clauses, so both store the same shape. The merges move staged documents: each keeps the last staged document of
 * each identity ({@code DISTINCT ON ... ORDER BY ..., seq DESC}). The upserts write one document per execution, for
 * JDBC batches. Both replace a stored result of the same identity. The first parameter of each is the job id. In a
 * merge the second, where present, is the {@code scored_at} time; in an upsert {@code scored_at} follows the
 * document's columns, in the order of {@link StagingTables}.
 */
final class MergeStatements {

    private static final String BUCKETS_INSERT = """
            INSERT INTO buckets (job_id, timestamp, bucket_span, anomaly_score, initial_anomaly_score, event_count,
                                 is_interim, processing_time_ms, scheduled_events, scored_at)
            """;

    private static final String BUCKETS_CONFLICT = """
            ON CONFLICT (job_id, timestamp) DO UPDATE SET
                bucket_span = excluded.bucket_span, anomaly_score = excluded.anomaly_score,
                initial_anomaly_score = excluded.initial_anomaly_score, event_count = excluded.event_count,
                is_interim = excluded.is_interim, processing_time_ms = excluded.processing_time_ms,
                scheduled_events = excluded.scheduled_events, scored_at = excluded.scored_at
            """;

    static final String BUCKETS = BUCKETS_INSERT + """
            SELECT DISTINCT ON (timestamp) ?, timestamp, bucket_span, anomaly_score, initial_anomaly_score,
                   event_count, is_interim, processing_time_ms, scheduled_events, ?
            FROM staged_buckets
            ORDER BY timestamp, seq DESC
            """ + BUCKETS_CONFLICT;

    static final String UPSERT_BUCKET =
            BUCKETS_INSERT + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)\n" + BUCKETS_CONFLICT;

    /** A stored bucket's influencers are replaced as a whole by those of the bucket that replaces it. */
    static final String DELETE_REPLACED_BUCKET_INFLUENCERS = """
            DELETE FROM bucket_influencers AS stored
            USING (SELECT DISTINCT timestamp FROM staged_buckets) AS replaced
            WHERE stored.job_id = ? AND stored.timestamp = replaced.timestamp
            """;

    /** The upsert form of {@link #DELETE_REPLACED_BUCKET_INFLUENCERS}: the second parameter is the timestamp array. */
    static final String DELETE_BUCKET_INFLUENCERS_AT =
            "DELETE FROM bucket_influencers WHERE job_id = ? AND timestamp = ANY (?)";

    private static final String BUCKET_INFLUENCERS_INSERT = """
            INSERT INTO bucket_influencers (job_id, timestamp, influencer_field_name, bucket_span, anomaly_score,
                                            initial_anomaly_score, raw_anomaly_score, probability, is_interim,
                                            scored_at, position)
            """;

    static final String BUCKET_INFLUENCERS = BUCKET_INFLUENCERS_INSERT + """
            SELECT DISTINCT ON (staged.timestamp, staged.influencer_field_name) ?, staged.timestamp,
                   staged.influencer_field_name, staged.bucket_span, staged.anomaly_score,
                   staged.initial_anomaly_score, staged.raw_anomaly_score, staged.probability, staged.is_interim, ?,
                   staged.position
            FROM staged_bucket_influencers AS staged
            JOIN (SELECT max(seq) AS seq FROM staged_buckets GROUP BY timestamp) AS winner
                ON staged.bucket_seq = winner.seq
            ORDER BY staged.timestamp, staged.influencer_field_name, staged.position DESC
            """;

    /** Inserts one bucket influencer after {@link #DELETE_BUCKET_INFLUENCERS_AT}; its position is the last value. */
    static final String INSERT_BUCKET_INFLUENCER =
            BUCKET_INFLUENCERS_INSERT + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static final String RECORDS_INSERT = """
            INSERT INTO records (job_id, timestamp, bucket_span, detector_index, series_key, probability,
                                 multi_bucket_impact, record_score, initial_record_score, is_interim, function,
                                 field_name, by_field_name, by_field_value, partition_field_name,
                                 partition_field_value, over_field_name, over_field_value, document, rendered_fields,
                                 scored_at)
            """;

    private static final String RECORDS_CONFLICT = """
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

    static final String RECORDS = RECORDS_INSERT + """
            SELECT DISTINCT ON (timestamp, detector_index, series_key) ?, timestamp, bucket_span, detector_index,
                   series_key, probability, multi_bucket_impact, record_score, initial_record_score, is_interim,
                   function, field_name, by_field_name, by_field_value, partition_field_name,
                   partition_field_value, over_field_name, over_field_value, document, rendered_fields, ?
            FROM staged_records
            ORDER BY timestamp, detector_index, series_key, seq DESC
            """ + RECORDS_CONFLICT;

    static final String UPSERT_RECORD = RECORDS_INSERT
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)\n"
            + RECORDS_CONFLICT;

    private static final String INFLUENCERS_INSERT = """
            INSERT INTO influencers (job_id, timestamp, bucket_span, influencer_field_name, influencer_field_value,
                                     influencer_score, initial_influencer_score, probability, is_interim,
                                     scored_at)
            """;

    private static final String INFLUENCERS_CONFLICT = """
            ON CONFLICT (job_id, timestamp, influencer_field_name, influencer_field_value) DO UPDATE SET
                bucket_span = excluded.bucket_span, influencer_score = excluded.influencer_score,
                initial_influencer_score = excluded.initial_influencer_score, probability = excluded.probability,
                is_interim = excluded.is_interim, scored_at = excluded.scored_at
            """;

    static final String INFLUENCERS = INFLUENCERS_INSERT + """
            SELECT DISTINCT ON (timestamp, influencer_field_name, influencer_field_value) ?, timestamp, bucket_span,
                   influencer_field_name, influencer_field_value, influencer_score, initial_influencer_score,
                   probability, is_interim, ?
            FROM staged_influencers
            ORDER BY timestamp, influencer_field_name, influencer_field_value, seq DESC
            """ + INFLUENCERS_CONFLICT;

    static final String UPSERT_INFLUENCER =
            INFLUENCERS_INSERT + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)\n" + INFLUENCERS_CONFLICT;

    private static final String CATEGORIES_INSERT = """
            INSERT INTO categories (job_id, category_id, partition_field_name, partition_field_value, terms, regex,
                                    max_matching_length, examples, preferred_to_categories, num_matches)
            """;

    private static final String CATEGORIES_CONFLICT = """
            ON CONFLICT (job_id, category_id) DO UPDATE SET
                partition_field_name = excluded.partition_field_name,
                partition_field_value = excluded.partition_field_value, terms = excluded.terms,
                regex = excluded.regex, max_matching_length = excluded.max_matching_length,
                examples = excluded.examples, preferred_to_categories = excluded.preferred_to_categories,
                num_matches = excluded.num_matches
            """;

    static final String CATEGORIES = CATEGORIES_INSERT + """
            SELECT DISTINCT ON (category_id) ?, category_id, partition_field_name, partition_field_value, terms,
                   regex, max_matching_length, examples, preferred_to_categories, num_matches
            FROM staged_categories
            ORDER BY category_id, seq DESC
            """ + CATEGORIES_CONFLICT;

    static final String UPSERT_CATEGORY =
            CATEGORIES_INSERT + "VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)\n" + CATEGORIES_CONFLICT;

    private MergeStatements() {}
}
