package io.vigil.results.persistence;

import io.vigil.results.AnomalyRecord;
import io.vigil.results.domain.Paging;
import io.vigil.results.domain.RecordsQuery;
import io.vigil.results.domain.ResultsPage;
import io.vigil.results.domain.StoredRecord;
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

    /** The columns of a page: the document is read only for records without rendered fields. */
    private static final String PAGE_COLUMNS = COLUMNS.replace(", document", "")
            + ", rendered_fields, CASE WHEN rendered_fields IS NULL THEN document END AS document";

    private final JdbcTemplate jdbc;
    private final RecordDocuments documents;
    private final CountedPages pages;

    RecordQueries(JdbcTemplate jdbc, RecordDocuments documents) {
        this.jdbc = jdbc;
        this.documents = documents;
        this.pages = new CountedPages(jdbc);
    }

    /** Returns a page of records, with their rendered fields where the writer stored them. */
    ResultsPage<StoredRecord> find(RecordsQuery query) {
        SqlConditions conditions = new SqlConditions(query.jobId())
                .and(query.filters())
                .andScoreAtLeast("record_score", query.recordScore());
        CountedPages.Sql count = CountedPages.count(
                "records", "record", query.filters(), query.recordScore(), conditions, query.jobId());
        Paging paging = query.paging();
        CountedPages.Sql page = new CountedPages.Sql(
                "SELECT " + PAGE_COLUMNS + " FROM records" + conditions.sql() + SortClauses.records(query.sort())
                        + " LIMIT ? OFFSET ?",
                conditions.args(paging.size(), paging.from()));
        boolean withScoredAt = query.filters().withScoredAt();
        return pages.query(count, page, "id", (rs, rowNum) -> toStoredRecord(rs, query.jobId(), withScoredAt));
    }

    private StoredRecord toStoredRecord(ResultSet rs, String jobId, boolean withScoredAt) throws SQLException {
        String renderedFields = rs.getString("rendered_fields");
        if (renderedFields == null) {
            return StoredRecord.of(toRecord(rs, jobId, withScoredAt));
        }
        RecordDocuments.Parts none = RecordDocuments.Parts.NONE;
        return new StoredRecord(toRecord(rs, jobId, withScoredAt, none), renderedFields);
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

    /** Reads a record from its columns and document, with its dynamic keys in the order rendering gives them. */
    private AnomalyRecord toRecord(ResultSet rs, String jobId, boolean withScoredAt) throws SQLException {
        AnomalyRecord record = toRecord(rs, jobId, withScoredAt, documents.read(rs.getString("document")));
        return withFieldValues(record, RecordDocuments.fieldValues(record));
    }

    private static AnomalyRecord withFieldValues(AnomalyRecord record, Map<String, List<String>> fieldValues) {
        return new AnomalyRecord(
                record.jobId(),
                record.probability(),
                record.multiBucketImpact(),
                record.recordScore(),
                record.initialRecordScore(),
                record.bucketSpan(),
                record.detectorIndex(),
                record.isInterim(),
                record.timestamp(),
                record.byFieldName(),
                record.byFieldValue(),
                record.correlatedByFieldValue(),
                record.partitionFieldName(),
                record.partitionFieldValue(),
                record.function(),
                record.functionDescription(),
                record.typical(),
                record.actual(),
                record.fieldName(),
                record.overFieldName(),
                record.overFieldValue(),
                record.causes(),
                record.influencers(),
                record.geoResults(),
                record.anomalyScoreExplanation(),
                record.scoredAt(),
                fieldValues);
    }

    private static AnomalyRecord toRecord(ResultSet rs, String jobId, boolean withScoredAt, RecordDocuments.Parts parts)
            throws SQLException {
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
