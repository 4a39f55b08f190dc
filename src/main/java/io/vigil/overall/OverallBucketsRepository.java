package io.vigil.overall;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads what overall buckets are made of: where each job has buckets, as runs of final buckets from
 * {@code bucket_runs} plus the interim buckets, and the per-job maximum of the non-zero bucket scores per interval.
 * Both reads use small structures (runs and two partial indexes), so a request reads a few rows per job and day plus
 * the non-zero buckets, never every bucket in the range.
 */
@Repository
class OverallBucketsRepository {

    private static final long DAY_MS = 86_400_000L;

    /**
     * The runs that overlap {@code [from, to)}: a run never crosses a UTC day boundary, so those that overlap start
     * at or after the day of {@code from}. Then the interim buckets, as runs of one bucket, unless they are excluded.
     */
    private static final String PRESENCE_SQL = """
            SELECT job_id, first_timestamp, last_timestamp, stride, false AS interim FROM bucket_runs
            WHERE job_id = ANY (?) AND first_timestamp >= ? AND first_timestamp < ? AND last_timestamp >= ?
            UNION ALL
            SELECT job_id, timestamp, timestamp, bucket_span * 1000, true FROM buckets
            WHERE is_interim AND NOT ? AND job_id = ANY (?) AND timestamp >= ? AND timestamp < ?
            """;

    /**
     * The maximum non-zero score of each job per interval. {@code anomaly_score > 0} matches the partial index, so
     * the zero-score buckets are never read. floor(v, s) is written v - ((v % s) + s) % s so that it also holds for
     * negative epoch milliseconds.
     */
    private static final String NON_ZERO_MAXIMA_SQL = """
            SELECT key, job_id, max(anomaly_score) AS score
            FROM (SELECT timestamp - (((timestamp % ?) + ?) % ?) AS key, job_id, anomaly_score
                  FROM buckets
                  WHERE job_id = ANY (?) AND anomaly_score > 0 AND timestamp >= ? AND timestamp < ?
                    AND (NOT ? OR NOT is_interim)) b
            GROUP BY key, job_id
            """;

    /**
     * Consecutive buckets of one job, {@code stride} ms apart, from {@code first} to {@code last} inclusive; an
     * interim bucket is a run of one.
     */
    record Run(String jobId, long first, long last, long stride, boolean interim) {}

    /** Per-interval job maxima as parallel arrays: interval start, index of the job, maximum score. */
    record ScoreRows(long[] keys, int[] jobs, double[] scores, int size) {}

    private final JdbcTemplate jdbc;

    OverallBucketsRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Returns the runs of final buckets and, unless excluded, the interim buckets of the jobs in {@code [from, to)}. */
    List<Run> presence(List<String> jobIds, long from, long to, boolean excludeInterim) {
        long firstDay = from == Long.MIN_VALUE ? from : Math.floorDiv(from, DAY_MS) * DAY_MS;
        return query(
                PRESENCE_SQL,
                (connection, statement) -> {
                    statement.setArray(1, connection.createArrayOf("text", jobIds.toArray()));
                    statement.setLong(2, firstDay);
                    statement.setLong(3, to);
                    statement.setLong(4, from);
                    statement.setBoolean(5, excludeInterim);
                    statement.setArray(6, connection.createArrayOf("text", jobIds.toArray()));
                    statement.setLong(7, from);
                    statement.setLong(8, to);
                },
                rows -> {
                    List<Run> runs = new ArrayList<>();
                    while (rows.next()) {
                        runs.add(new Run(
                                rows.getString(1),
                                rows.getLong(2),
                                rows.getLong(3),
                                rows.getLong(4),
                                rows.getBoolean(5)));
                    }
                    return runs;
                });
    }

    /**
     * Returns each job's maximum non-zero score per interval of {@code intervalMs} for the buckets in
     * {@code [from, to)}, with jobs numbered by {@code jobIndex}.
     */
    ScoreRows nonZeroMaxima(
            Map<String, Integer> jobIndex, long from, long to, long intervalMs, boolean excludeInterim) {
        return query(
                NON_ZERO_MAXIMA_SQL,
                (connection, statement) -> {
                    for (int i = 1; i <= 3; i++) {
                        statement.setLong(i, intervalMs);
                    }
                    statement.setArray(
                            4,
                            connection.createArrayOf("text", jobIndex.keySet().toArray()));
                    statement.setLong(5, from);
                    statement.setLong(6, to);
                    statement.setBoolean(7, excludeInterim);
                },
                rows -> {
                    int size = 0;
                    long[] keys = new long[64];
                    int[] jobs = new int[64];
                    double[] scores = new double[64];
                    while (rows.next()) {
                        if (size == keys.length) {
                            keys = Arrays.copyOf(keys, size * 2);
                            jobs = Arrays.copyOf(jobs, size * 2);
                            scores = Arrays.copyOf(scores, size * 2);
                        }
                        keys[size] = rows.getLong(1);
                        jobs[size] = jobIndex.get(rows.getString(2));
                        scores[size] = rows.getDouble(3);
                        size++;
                    }
                    return new ScoreRows(keys, jobs, scores, size);
                });
    }

    private interface Binder {
        void bind(Connection connection, PreparedStatement statement) throws SQLException;
    }

    private interface Reader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private <T> T query(String sql, Binder binder, Reader<T> reader) {
        return jdbc.execute(
                (Connection connection) -> {
                    PreparedStatement statement = connection.prepareStatement(sql);
                    binder.bind(connection, statement);
                    return statement;
                },
                (PreparedStatement statement) -> {
                    try (ResultSet rows = statement.executeQuery()) {
                        return reader.read(rows);
                    }
                });
    }
}
