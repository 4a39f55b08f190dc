package io.vigil.results.persistence;

import io.vigil.results.AnomalyRecord;
import io.vigil.results.Bucket;
import io.vigil.results.BucketInfluencer;
import io.vigil.results.domain.BucketsQuery;
import io.vigil.results.domain.ResultsPage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** Reads buckets with their bucket influencers and, for expanded requests, their records. */
final class BucketQueries {

    private static final String COLUMNS = "timestamp, bucket_span, anomaly_score, initial_anomaly_score, "
            + "event_count, is_interim, processing_time_ms, scheduled_events, scored_at";

    private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() {};

    private final JdbcTemplate jdbc;
    private final ObjectMapper mapper;
    private final CountedPages pages;
    private final RecordQueries records;

    BucketQueries(JdbcTemplate jdbc, ObjectMapper mapper, RecordQueries records) {
        this.jdbc = jdbc;
        this.mapper = mapper;
        this.pages = new CountedPages(jdbc);
        this.records = records;
    }

    ResultsPage<Bucket> find(BucketsQuery query) {
        SqlConditions conditions = new SqlConditions(query.jobId());
        List<BucketRow> rows;
        long count;
        if (query.isSingleBucket()) {
            conditions.and("timestamp = ?", query.timestamp());
            if (query.filters().changedSince() != null) {
                conditions.and("scored_at > ?", query.filters().changedSince());
            }
            rows = jdbc.query(
                    "SELECT " + COLUMNS + " FROM buckets" + conditions.sql(), this::mapRow, conditions.args());
            count = rows.size();
        } else {
            conditions.and(query.filters()).andScoreAtLeast("anomaly_score", query.anomalyScore());
            CountedPages.Sql countSql = CountedPages.count(
                    "buckets", "bucket", query.filters(), query.anomalyScore(), conditions, query.jobId());
            CountedPages.Sql pageSql = new CountedPages.Sql(
                    "SELECT " + COLUMNS + " FROM buckets" + conditions.sql() + SortClauses.buckets(query.sort())
                            + " LIMIT ? OFFSET ?",
                    conditions.args(query.paging().size(), query.paging().from()));
            ResultsPage<BucketRow> page = pages.query(countSql, pageSql, "timestamp", this::mapRow);
            rows = page.results();
            count = page.count();
        }
        return new ResultsPage<>(count, assemble(query, rows));
    }

    private List<Bucket> assemble(BucketsQuery query, List<BucketRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Long[] timestamps = rows.stream().map(BucketRow::timestamp).toArray(Long[]::new);
        boolean withScoredAt = query.filters().withScoredAt();
        Map<Long, List<BucketInfluencer>> influencers = influencers(query.jobId(), timestamps, withScoredAt);
        Map<Long, List<AnomalyRecord>> expanded = query.expand()
                ? records.ofBuckets(query.jobId(), timestamps, query.filters().excludeInterim(), withScoredAt)
                : Map.of();
        List<Bucket> buckets = new ArrayList<>(rows.size());
        for (BucketRow row : rows) {
            List<BucketInfluencer> bucketInfluencers = influencers.getOrDefault(row.timestamp(), List.of());
            List<AnomalyRecord> bucketRecords = bucketInfluencers.isEmpty() ? null : expanded.get(row.timestamp());
            buckets.add(row.toBucket(query.jobId(), bucketRecords, bucketInfluencers, withScoredAt));
        }
        return buckets;
    }

    private Map<Long, List<BucketInfluencer>> influencers(String jobId, Long[] timestamps, boolean withScoredAt) {
        Map<Long, List<BucketInfluencer>> byTimestamp = new HashMap<>();
        jdbc.query(
                "SELECT timestamp, influencer_field_name, initial_anomaly_score, anomaly_score, raw_anomaly_score, "
                        + "probability, bucket_span, is_interim, scored_at FROM bucket_influencers "
                        + "WHERE job_id = ? AND timestamp = ANY (?) ORDER BY timestamp, position, "
                        + "influencer_field_name",
                rs -> {
                    BucketInfluencer influencer = new BucketInfluencer(
                            jobId,
                            rs.getString("influencer_field_name"),
                            rs.getDouble("initial_anomaly_score"),
                            rs.getDouble("anomaly_score"),
                            rs.getDouble("raw_anomaly_score"),
                            rs.getDouble("probability"),
                            rs.getLong("timestamp"),
                            rs.getLong("bucket_span"),
                            rs.getBoolean("is_interim"),
                            withScoredAt ? rs.getLong("scored_at") : null);
                    byTimestamp
                            .computeIfAbsent(influencer.timestamp(), key -> new ArrayList<>())
                            .add(influencer);
                },
                jobId,
                timestamps);
        return byTimestamp;
    }

    private BucketRow mapRow(ResultSet rs, int rowNum) throws SQLException {
        String scheduledEvents = rs.getString("scheduled_events");
        return new BucketRow(
                rs.getLong("timestamp"),
                rs.getLong("bucket_span"),
                rs.getDouble("anomaly_score"),
                rs.getDouble("initial_anomaly_score"),
                rs.getLong("event_count"),
                rs.getBoolean("is_interim"),
                rs.getLong("processing_time_ms"),
                scheduledEvents == null ? null : mapper.readValue(scheduledEvents, STRING_LIST),
                rs.getLong("scored_at"));
    }

    private record BucketRow(
            long timestamp,
            long bucketSpan,
            double anomalyScore,
            double initialAnomalyScore,
            long eventCount,
            boolean isInterim,
            long processingTimeMs,
            List<String> scheduledEvents,
            long scoredAt) {

        Bucket toBucket(
                String jobId, List<AnomalyRecord> records, List<BucketInfluencer> influencers, boolean withScoredAt) {
            return new Bucket(
                    jobId,
                    timestamp,
                    anomalyScore,
                    bucketSpan,
                    initialAnomalyScore,
                    records == null || records.isEmpty() ? null : records,
                    eventCount,
                    isInterim,
                    influencers,
                    processingTimeMs,
                    scheduledEvents,
                    withScoredAt ? scoredAt : null);
        }
    }
}
