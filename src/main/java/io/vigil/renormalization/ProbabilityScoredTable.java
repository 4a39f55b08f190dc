package io.vigil.renormalization;

import io.vigil.scoring.MaxScoreScope;
import io.vigil.scoring.NormalizerKey;
import io.vigil.scoring.Normalizers;
import io.vigil.scoring.ScoreLevel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * A results table whose rows are rescored from their stored probability: records and influencers. Each knows its
 * score column, the columns that name its normalizer and scope, and how to rescore one row.
 */
enum ProbabilityScoredTable {
    /**
     * Records: the normalizer of the detector's partition field, by field, function and field name, scoped by the
     * partition and by field values. A population record (with an over field) is keyed by its over field name in
     * place of the by field, and all members share one scope. A by value's first occurrence, flagged in the
     * record's explanation, keeps the probability ceiling it was first scored with.
     */
    RECORDS(
            "records",
            "record_score",
            "partition_field_name, partition_field_value, by_field_name, by_field_value, over_field_name, function, "
                    + "field_name, (document #>> '{anomaly_score_explanation,by_field_first_occurrence}') = 'true'"
                    + " AS first_occurrence",
            false) {
        @Override
        double rescore(Normalizers normalizers, ResultSet row) throws SQLException {
            String overFieldName = row.getString("over_field_name");
            boolean population = overFieldName != null;
            NormalizerKey key = NormalizerKey.record(
                    row.getString("partition_field_name"),
                    population ? overFieldName : row.getString("by_field_name"),
                    row.getString("function"),
                    row.getString("field_name"));
            MaxScoreScope scope = population
                    ? MaxScoreScope.ALL
                    : new MaxScoreScope(row.getString("partition_field_value"), row.getString("by_field_value"));
            return normalizers.normalize(
                    ScoreLevel.RECORD, key, scope, row.getDouble("probability"), row.getBoolean("first_occurrence"));
        }
    },

    /**
     * Influencers: the normalizer of the influencer field, scoped by the influencer field value. An influencer that
     * a first occurrence record of its bucket lists gets the probability ceiling of that record's probability, without
     * the family-wise correction, and scores at least as high as the record, which the renormalizer rescores first.
     */
    INFLUENCERS("influencers", "influencer_score", "influencer_field_name, influencer_field_value", true) {
        @Override
        double rescore(Normalizers normalizers, ResultSet row) throws SQLException {
            NormalizerKey key = NormalizerKey.influencer(row.getString("influencer_field_name"));
            MaxScoreScope scope = new MaxScoreScope(null, row.getString("influencer_field_value"));
            double firstOccurrenceProbability = row.getDouble("first_occurrence_probability");
            if (row.wasNull()) {
                firstOccurrenceProbability = 1.0;
            }
            double score = normalizers.normalizeAggregate(
                    ScoreLevel.INFLUENCER, key, scope, row.getDouble("probability"), firstOccurrenceProbability);
            return Math.max(score, row.getDouble("first_occurrence_score"));
        }
    };

    private final String table;
    private final String scoreColumn;
    private final String keyColumns;
    private final boolean withFirstOccurrences;

    ProbabilityScoredTable(String table, String scoreColumn, String keyColumns, boolean withFirstOccurrences) {
        this.table = table;
        this.scoreColumn = scoreColumn;
        this.keyColumns = keyColumns;
        this.withFirstOccurrences = withFirstOccurrences;
    }

    /** Returns the 0–100 score of the current row of {@code row} under {@code normalizers}. */
    abstract double rescore(Normalizers normalizers, ResultSet row) throws SQLException;

    /**
     * Returns the query for one page of final results in a time window, in (timestamp, id) order after a cursor.
     * Influencers also get the {@code first_occurrence_probability} and {@code first_occurrence_score} of the first
     * occurrence records that list them, null when there is none. Its parameters are those of {@link
     * #pageArguments}.
     */
    String pageQuery() {
        String page = "SELECT id, timestamp, probability, " + scoreColumn + " AS score, scored_at, " + keyColumns
                + " FROM " + table
                + " WHERE job_id = ? AND NOT is_interim AND timestamp >= ? AND timestamp < ?"
                + " AND (timestamp > ? OR (timestamp = ? AND id > ?))"
                + " ORDER BY timestamp, id LIMIT ?";
        if (!withFirstOccurrences) {
            return page;
        }
        String firsts = FirstOccurrenceRecords.byInfluencerValue(
                "(SELECT min(timestamp) FROM page)", "(SELECT max(timestamp) FROM page)");
        return "WITH page AS MATERIALIZED (" + page + ")"
                + " SELECT page.*, f.first_occurrence_probability, f.first_occurrence_score FROM page"
                + " LEFT JOIN (" + firsts + ") f ON f.timestamp = page.timestamp"
                + " AND f.influencer_field_name = page.influencer_field_name"
                + " AND f.influencer_field_value = page.influencer_field_value"
                + " ORDER BY page.timestamp, page.id";
    }

    /**
     * Returns the parameters of {@link #pageQuery}: the job id, the window's start (or the cursor's timestamp when
     * later) and end, the cursor's timestamp twice and id, the page size, and the job id again for the first
     * occurrence records.
     */
    Object[] pageArguments(String jobId, long from, long windowEnd, long cursorTimestamp, long cursorId, int size) {
        Object[] page = {jobId, from, windowEnd, cursorTimestamp, cursorTimestamp, cursorId, size};
        if (!withFirstOccurrences) {
            return page;
        }
        Object[] arguments = Arrays.copyOf(page, page.length + 1);
        arguments[page.length] = jobId;
        return arguments;
    }

    /**
     * Returns the update of rescored rows, each written only while it still holds the score and scoring time it was
     * read with, so that a result the processor rewrote meanwhile keeps its newer score. Parameters: the new
     * {@code scored_at}, then arrays of ids, new scores, read scores and read scoring times, then the job id and the
     * first and last timestamp of the page.
     *
     * <p>The timestamp bounds change no result, because every row of the page lies within them. They let the planner
     * join the page's rows through the job and time index. Without them, PostgreSQL 17 estimated the join from the
     * array's length and hashed the job's whole table for every page: 0.4 s of a 0.6 s update of 10,000 records, in
     * {@code EXPLAIN ANALYZE} on a table of 400,000.
     */
    String updateStatement() {
        return "UPDATE " + table + " AS t SET " + scoreColumn + " = c.score, scored_at = ?"
                + " FROM unnest(?::bigint[], ?::float8[], ?::float8[], ?::bigint[])"
                + " AS c(id, score, read_score, read_scored_at)"
                + " WHERE t.id = c.id AND t.job_id = ? AND NOT t.is_interim"
                + " AND t.timestamp >= ? AND t.timestamp <= ?"
                + " AND t." + scoreColumn + " = c.read_score AND t.scored_at = c.read_scored_at";
    }

    String table() {
        return table;
    }
}
