package io.vigil.process;

import io.vigil.results.AnomalyRecord;
import io.vigil.results.Bucket;
import io.vigil.results.BucketInfluencer;
import io.vigil.results.CategoryDefinition;
import io.vigil.results.Influencer;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ParameterizedPreparedStatementSetter;
import tools.jackson.databind.json.JsonMapper;

/** The batched upserts of each result table. A result of the same identity replaces the stored one. */
final class ResultRows {

    private static final int BATCH_SIZE = 1000;

    private final JsonMapper json;

    ResultRows(JsonMapper json) {
        this.json = json;
    }

    void upsertBuckets(JdbcTemplate jdbc, String jobId, List<Bucket> buckets, long scoredAt) {
        batch(jdbc, """
                insert into buckets (job_id, timestamp, bucket_span, anomaly_score, initial_anomaly_score,
                    event_count, is_interim, processing_time_ms, scheduled_events, scored_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)
                on conflict (job_id, timestamp) do update set bucket_span = excluded.bucket_span,
                    anomaly_score = excluded.anomaly_score, initial_anomaly_score = excluded.initial_anomaly_score,
                    event_count = excluded.event_count, is_interim = excluded.is_interim,
                    processing_time_ms = excluded.processing_time_ms,
                    scheduled_events = excluded.scheduled_events, scored_at = excluded.scored_at
                """, buckets, (statement, bucket) -> {
            statement.setString(1, jobId);
            statement.setLong(2, bucket.timestamp());
            statement.setLong(3, bucket.bucketSpan());
            statement.setDouble(4, bucket.anomalyScore());
            statement.setDouble(5, bucket.initialAnomalyScore());
            statement.setLong(6, bucket.eventCount());
            statement.setBoolean(7, bucket.isInterim());
            statement.setLong(8, bucket.processingTimeMs());
            setJsonOrNull(statement, 9, bucket.scheduledEvents());
            statement.setLong(10, scoredAt);
        });
    }

    void upsertBucketInfluencers(JdbcTemplate jdbc, String jobId, List<BucketInfluencer> influencers, long scoredAt) {
        batch(jdbc, """
                insert into bucket_influencers (job_id, timestamp, influencer_field_name, bucket_span,
                    anomaly_score, initial_anomaly_score, raw_anomaly_score, probability, is_interim, scored_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (job_id, timestamp, influencer_field_name) do update set
                    bucket_span = excluded.bucket_span, anomaly_score = excluded.anomaly_score,
                    initial_anomaly_score = excluded.initial_anomaly_score,
                    raw_anomaly_score = excluded.raw_anomaly_score, probability = excluded.probability,
                    is_interim = excluded.is_interim, scored_at = excluded.scored_at
                """, influencers, (statement, influencer) -> {
            statement.setString(1, jobId);
            statement.setLong(2, influencer.timestamp());
            statement.setString(3, influencer.influencerFieldName());
            statement.setLong(4, influencer.bucketSpan());
            statement.setDouble(5, influencer.anomalyScore());
            statement.setDouble(6, influencer.initialAnomalyScore());
            statement.setDouble(7, influencer.rawAnomalyScore());
            statement.setDouble(8, influencer.probability());
            statement.setBoolean(9, influencer.isInterim());
            statement.setLong(10, scoredAt);
        });
    }

    void upsertRecords(JdbcTemplate jdbc, String jobId, List<AnomalyRecord> records, long scoredAt) {
        batch(jdbc, """
                insert into records (job_id, timestamp, bucket_span, detector_index, series_key, probability,
                    multi_bucket_impact, record_score, initial_record_score, is_interim, function, field_name,
                    by_field_name, by_field_value, partition_field_name, partition_field_value, over_field_name,
                    over_field_value, scored_at, document)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
                on conflict (job_id, timestamp, detector_index, series_key) do update set
                    probability = excluded.probability, multi_bucket_impact = excluded.multi_bucket_impact,
                    record_score = excluded.record_score, initial_record_score = excluded.initial_record_score,
                    is_interim = excluded.is_interim, scored_at = excluded.scored_at, document = excluded.document
                """, records, (statement, record) -> {
            statement.setString(1, jobId);
            statement.setLong(2, record.timestamp());
            statement.setLong(3, record.bucketSpan());
            statement.setInt(4, record.detectorIndex());
            statement.setString(5, seriesKey(record));
            statement.setDouble(6, record.probability());
            if (record.multiBucketImpact() == null) {
                statement.setNull(7, Types.DOUBLE);
            } else {
                statement.setDouble(7, record.multiBucketImpact());
            }
            statement.setDouble(8, record.recordScore());
            statement.setDouble(9, record.initialRecordScore());
            statement.setBoolean(10, record.isInterim());
            statement.setString(11, record.function());
            statement.setString(12, record.fieldName());
            statement.setString(13, record.byFieldName());
            statement.setString(14, record.byFieldValue());
            statement.setString(15, record.partitionFieldName());
            statement.setString(16, record.partitionFieldValue());
            statement.setString(17, record.overFieldName());
            statement.setString(18, record.overFieldValue());
            statement.setLong(19, scoredAt);
            statement.setString(20, json.writeValueAsString(record));
        });
    }

    void upsertInfluencers(JdbcTemplate jdbc, String jobId, List<Influencer> influencers, long scoredAt) {
        batch(jdbc, """
                insert into influencers (job_id, timestamp, bucket_span, influencer_field_name,
                    influencer_field_value, influencer_score, initial_influencer_score, probability, is_interim,
                    scored_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (job_id, timestamp, influencer_field_name, influencer_field_value) do update set
                    influencer_score = excluded.influencer_score,
                    initial_influencer_score = excluded.initial_influencer_score,
                    probability = excluded.probability, is_interim = excluded.is_interim,
                    scored_at = excluded.scored_at
                """, influencers, (statement, influencer) -> {
            statement.setString(1, jobId);
            statement.setLong(2, influencer.timestamp());
            statement.setLong(3, influencer.bucketSpan());
            statement.setString(4, influencer.influencerFieldName());
            statement.setString(5, influencer.influencerFieldValue());
            statement.setDouble(6, influencer.influencerScore());
            statement.setDouble(7, influencer.initialInfluencerScore());
            statement.setDouble(8, influencer.probability());
            statement.setBoolean(9, influencer.isInterim());
            statement.setLong(10, scoredAt);
        });
    }

    /** Stores new or changed category definitions; the categorizer reports them with the buckets they changed in. */
    void upsertCategories(JdbcTemplate jdbc, String jobId, List<CategoryDefinition> categories) {
        batch(jdbc, """
                insert into categories (job_id, category_id, partition_field_name, partition_field_value, terms,
                    regex, max_matching_length, examples, preferred_to_categories, num_matches)
                values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)
                on conflict (job_id, category_id) do update set
                    partition_field_name = excluded.partition_field_name,
                    partition_field_value = excluded.partition_field_value, terms = excluded.terms,
                    regex = excluded.regex, max_matching_length = excluded.max_matching_length,
                    examples = excluded.examples, preferred_to_categories = excluded.preferred_to_categories,
                    num_matches = excluded.num_matches
                """, categories, (statement, category) -> {
            statement.setString(1, jobId);
            statement.setLong(2, category.categoryId());
            statement.setString(3, category.partitionFieldName());
            statement.setString(4, category.partitionFieldValue());
            statement.setString(5, Objects.requireNonNullElse(category.terms(), ""));
            statement.setString(6, Objects.requireNonNullElse(category.regex(), ""));
            statement.setLong(7, category.maxMatchingLength());
            statement.setString(8, json.writeValueAsString(Objects.requireNonNullElse(category.examples(), List.of())));
            statement.setString(
                    9,
                    json.writeValueAsString(Objects.requireNonNullElse(category.preferredToCategories(), List.of())));
            statement.setLong(10, category.numMatches());
        });
    }

    /**
     * Returns the identity of a record's series within its bucket and detector: the partition, over and by values,
     * separated by the unit separator character that field values do not contain in practice.
     */
    static String seriesKey(AnomalyRecord record) {
        return Objects.requireNonNullElse(record.partitionFieldValue(), "")
                + '\u001f'
                + Objects.requireNonNullElse(record.overFieldValue(), "")
                + '\u001f'
                + Objects.requireNonNullElse(record.byFieldValue(), "");
    }

    private void setJsonOrNull(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, json.writeValueAsString(value));
        }
    }

    private static <T> void batch(
            JdbcTemplate jdbc, String sql, List<T> items, ParameterizedPreparedStatementSetter<T> setter) {
        if (!items.isEmpty()) {
            jdbc.batchUpdate(sql, items, BATCH_SIZE, setter);
        }
    }
}
