package io.vigil.results.persistence;

import io.vigil.results.AnomalyRecord;
import io.vigil.results.domain.Paging;
import io.vigil.results.domain.RecordsQuery;
import io.vigil.results.domain.ResultsPage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** Reads records, by page or as the records of expanded buckets. */
final class RecordQueries {

    private static final String COLUMNS = "id, timestamp, bucket_span, detector_index, probability, "
            + "multi_bucket_impact, record_score, initial_record_score, is_interim, function, field_name, "
            + "by_field_name, by_field_value, partition_field_name, partition_field_value, over_field_name, "
            + "over_field_value, scored_at, document";

    private final JdbcTemplate jdbc;
    private final RecordDocuments documents;
    private final CountedPages pages;

    RecordQueries(JdbcTemplate jdbc, RecordDocuments documents) {
        this.jdbc = jdbc;
        this.documents = documents;
        this.pages = new CountedPages(jdbc);
    }

    ResultsPage<AnomalyRecord> find(RecordsQuery query) {
        SqlConditions conditions = new SqlConditions(query.jobId())
                .and(query.filters())
                .andScoreAtLeast("record_score", query.recordScore());
        CountedPages.Sql count = CountedPages.count(
                "records", "record", query.filters(), query.recordScore(), conditions, query.jobId());
        Paging paging = query.paging();
        CountedPages.Sql page = new CountedPages.Sql(
                "SELECT " + COLUMNS + " FROM records" + conditions.sql() + SortClauses.records(query.sort())
                        + " LIMIT ? OFFSET ?",
                conditions.args(paging.size(), paging.from()));
        return pages.query(
                count, page, "id", mapper(query.jobId(), query.filters().withScoredAt()));
    }

    /**
     * Returns the records of each bucket timestamp, sorted by probability ascending, at most
     * {@value Paging#MAX_SIZE} per bucket.
     */
    Map<Long, List<AnomalyRecord>> ofBuckets(
            String jobId, Long[] timestamps, boolean excludeInterim, boolean withScoredAt) {
        String sql = "SELECT " + COLUMNS + " FROM (SELECT " + COLUMNS + ", row_number() OVER (PARTITION BY timestamp "
                + "ORDER BY " + SortClauses.expandedRecords() + ") AS rank FROM records "
                + "WHERE job_id = ? AND timestamp = ANY (?)" + (excludeInterim ? " AND NOT is_interim" : "")
                + ") AS ranked WHERE rank <= ? ORDER BY timestamp, rank";
        Map<Long, List<AnomalyRecord>> byTimestamp = new HashMap<>();
        RowMapper<AnomalyRecord> mapper = mapper(jobId, withScoredAt);
        jdbc.query(
                sql,
                rs -> {
                    AnomalyRecord record = mapper.mapRow(rs, 0);
                    byTimestamp
                            .computeIfAbsent(record.timestamp(), key -> new ArrayList<>())
                            .add(record);
                },
                jobId,
                timestamps,
                Paging.MAX_SIZE);
        return byTimestamp;
    }

    private RowMapper<AnomalyRecord> mapper(String jobId, boolean withScoredAt) {
        return (rs, rowNum) -> toRecord(rs, jobId, withScoredAt);
    }

    private AnomalyRecord toRecord(ResultSet rs, String jobId, boolean withScoredAt) throws SQLException {
        RecordDocuments.Parts parts = documents.read(rs.getString("document"));
        return new AnomalyRecord(
                jobId,
                rs.getDouble("probability"),
                rs.getObject("multi_bucket_impact", Double.class),
                rs.getDouble("record_score"),
                rs.getDouble("initial_record_score"),
                rs.getLong("bucket_span"),
                rs.getInt("detector_index"),
                rs.getBoolean("is_interim"),
                rs.getLong("timestamp"),
                rs.getString("by_field_name"),
                rs.getString("by_field_value"),
                parts.correlatedByFieldValue(),
                rs.getString("partition_field_name"),
                rs.getString("partition_field_value"),
                rs.getString("function"),
                parts.functionDescription(),
                parts.typical(),
                parts.actual(),
                rs.getString("field_name"),
                rs.getString("over_field_name"),
                rs.getString("over_field_value"),
                parts.causes(),
                parts.influencers(),
                parts.geoResults(),
                parts.anomalyScoreExplanation(),
                withScoredAt ? rs.getLong("scored_at") : null,
                parts.fieldValues());
    }
}
