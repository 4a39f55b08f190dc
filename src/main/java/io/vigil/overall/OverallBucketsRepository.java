package io.vigil.overall;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads overall buckets from the {@code buckets} table. The per-job maxima, the top-N means and the grouping into
 * wider overall buckets all run in PostgreSQL, so only the finished overall buckets travel to the service.
 */
@Repository
class OverallBucketsRepository {

    // floor(v, s) for epoch-millisecond values that may be negative: v - ((v % s) + s) % s.
    private static final String OVERALL_BUCKETS_SQL = """
            WITH per_job AS (
                SELECT b.timestamp - (((b.timestamp % ?) + ?) % ?) AS key, b.job_id,
                       max(b.anomaly_score) AS max_score, bool_or(b.is_interim) AS interim
                FROM buckets b
                WHERE b.job_id = ANY (?) AND b.timestamp >= ? AND b.timestamp < ?
                  AND (NOT ? OR NOT b.is_interim)
                GROUP BY 1, 2),
            ranked AS (
                SELECT key, max_score, row_number() OVER (PARTITION BY key ORDER BY max_score DESC) AS rank
                FROM per_job),
            passing AS (
                SELECT key, key - (((key % ?) + ?) % ?) AS win,
                       avg(max_score) FILTER (WHERE rank <= ?) AS score
                FROM ranked
                GROUP BY key
                HAVING avg(max_score) FILTER (WHERE rank <= ?) >= ?),
            windows AS (
                SELECT win, max(score) AS score FROM passing GROUP BY win),
            window_jobs AS (
                SELECT p.win, j.job_id, max(j.max_score) AS max_score, bool_or(j.interim) AS interim
                FROM passing p JOIN per_job j ON j.key = p.key
                GROUP BY 1, 2)
            SELECT w.win, w.score, bool_or(wj.interim) AS interim,
                   array_agg(wj.job_id ORDER BY wj.job_id) AS job_ids,
                   array_agg(wj.max_score ORDER BY wj.job_id) AS max_scores
            FROM windows w JOIN window_jobs wj ON wj.win = w.win
            GROUP BY w.win, w.score
            ORDER BY w.win
            """;

    private static final String TIME_BOUNDS_SQL = """
            SELECT min(timestamp), max(timestamp) FROM buckets
            WHERE job_id = ANY (?) AND timestamp >= ? AND timestamp < ? AND (NOT ? OR NOT is_interim)
            """;

    private final JdbcTemplate jdbc;

    OverallBucketsRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Returns the earliest and latest bucket timestamps of the jobs within {@code [from, to)}, if any. */
    Optional<long[]> timeBounds(List<String> jobIds, long from, long to, boolean excludeInterim) {
        return jdbc.execute(
                (Connection connection) -> {
                    PreparedStatement statement = connection.prepareStatement(TIME_BOUNDS_SQL);
                    statement.setArray(1, connection.createArrayOf("text", jobIds.toArray()));
                    statement.setLong(2, from);
                    statement.setLong(3, to);
                    statement.setBoolean(4, excludeInterim);
                    return statement;
                },
                (PreparedStatement statement) -> {
                    try (ResultSet rows = statement.executeQuery()) {
                        rows.next();
                        long earliest = rows.getLong(1);
                        if (rows.wasNull()) {
                            return Optional.<long[]>empty();
                        }
                        return Optional.of(new long[] {earliest, rows.getLong(2)});
                    }
                });
    }

    /**
     * Computes the overall buckets of the jobs' buckets within {@code [from, to)}: per-job maxima per
     * {@code keySpanMs} interval, their top-N mean, the {@code minOverallScore} filter, and then the maximum over each
     * {@code windowSpanMs} window (equal to the key span when no wider span was requested). {@code from} and
     * {@code to} must be multiples of the window span so that no window is split between two calls.
     */
    List<OverallBucket> overallBuckets(
            List<String> jobIds,
            long from,
            long to,
            boolean excludeInterim,
            long keySpanMs,
            long windowSpanMs,
            int topN,
            double minOverallScore) {
        return jdbc.execute(
                (Connection connection) -> {
                    PreparedStatement statement = connection.prepareStatement(OVERALL_BUCKETS_SQL);
                    int i = 1;
                    for (int repeat = 0; repeat < 3; repeat++) {
                        statement.setLong(i++, keySpanMs);
                    }
                    statement.setArray(i++, connection.createArrayOf("text", jobIds.toArray()));
                    statement.setLong(i++, from);
                    statement.setLong(i++, to);
                    statement.setBoolean(i++, excludeInterim);
                    for (int repeat = 0; repeat < 3; repeat++) {
                        statement.setLong(i++, windowSpanMs);
                    }
                    statement.setInt(i++, topN);
                    statement.setInt(i++, topN);
                    statement.setDouble(i, minOverallScore);
                    return statement;
                },
                (PreparedStatement statement) -> {
                    List<OverallBucket> buckets = new ArrayList<>();
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            buckets.add(toOverallBucket(rows, windowSpanMs));
                        }
                    }
                    return buckets;
                });
    }

    private static OverallBucket toOverallBucket(ResultSet row, long windowSpanMs) throws SQLException {
        String[] jobIds = (String[]) readArray(row.getArray("job_ids"));
        Double[] maxScores = (Double[]) readArray(row.getArray("max_scores"));
        List<OverallBucket.JobMaxScore> jobs = new ArrayList<>(jobIds.length);
        for (int i = 0; i < jobIds.length; i++) {
            jobs.add(new OverallBucket.JobMaxScore(jobIds[i], maxScores[i]));
        }
        return new OverallBucket(
                row.getLong("win"), windowSpanMs / 1000, row.getDouble("score"), jobs, row.getBoolean("interim"));
    }

    private static Object readArray(Array array) throws SQLException {
        try {
            return array.getArray();
        } finally {
            array.free();
        }
    }
}
