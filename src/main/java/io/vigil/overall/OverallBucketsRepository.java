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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the aggregates that overall buckets are made of from the {@code buckets} table. Every query groups in
 * PostgreSQL, so what travels to the service is one row per interval (or per window and job), never one per bucket.
 */
@Repository
class OverallBucketsRepository {

    private static final String TIME_BOUNDS_SQL = """
            SELECT min(timestamp), max(timestamp) FROM buckets
            WHERE job_id = ANY (?) AND timestamp >= ? AND timestamp < ? AND (NOT ? OR NOT is_interim)
            """;

    /**
     * The buckets of the jobs in {@code [from, to)}, each with the start of the interval it falls in. floor(v, s) is
     * written v - ((v % s) + s) % s so that it also holds for negative epoch milliseconds.
     */
    private static final String BUCKET_ROWS = """
            SELECT b.timestamp - (((b.timestamp % ?) + ?) % ?) AS key, b.job_id, b.anomaly_score AS score,
                   b.is_interim AS interim
            FROM buckets b
            WHERE b.job_id = ANY (?) AND b.timestamp >= ? AND b.timestamp < ? AND (NOT ? OR NOT b.is_interim)
            """;

    /** The same with one row per interval and job, for jobs whose buckets are shorter than the interval. */
    private static final String JOB_MAXIMA_ROWS = "SELECT key, job_id, max(score) AS score, bool_or(interim) AS interim"
            + " FROM (" + BUCKET_ROWS + ") b GROUP BY key, job_id";

    private static final String INTERVALS_SQL = """
            SELECT key, array_agg(job_id) AS job_ids, array_agg(score) AS scores, bool_or(interim) AS interim
            FROM (%s) r GROUP BY key ORDER BY key
            """;

    // One scan, two groupings: per interval (how many jobs, their non-zero maxima) and per window and job.
    private static final String WINDOWS_SQL = """
            SELECT GROUPING(key) AS by_window, key, win, job_id, count(*) AS jobs, max(score) AS max_score,
                   bool_or(interim) AS interim, array_agg(score) FILTER (WHERE score > 0) AS scores
            FROM (SELECT r.*, r.key - (((r.key %% ?) + ?) %% ?) AS win FROM (%s) r) w
            GROUP BY GROUPING SETS ((key, win), (win, job_id))
            """;

    private static final String WINDOW_JOBS_SQL = """
            SELECT win, job_id, max(score) AS max_score, bool_or(interim) AS interim
            FROM (SELECT r.*, r.key - (((r.key %% ?) + ?) %% ?) AS win FROM (%s) r) w
            WHERE key = ANY (?)
            GROUP BY win, job_id
            """;

    /** The selection of buckets a query reads. */
    record Selection(
            List<String> jobIds, long from, long to, boolean excludeInterim, long intervalMs, boolean perJobMaxima) {}

    /** One job's maximum score within an interval or window. */
    record JobMaximum(String jobId, double maxScore, boolean interim) {}

    /** The jobs of one interval with their bucket scores; a job may appear more than once. */
    record IntervalJobs(long key, List<JobMaximum> jobs, boolean interim) {}

    /** How many jobs had a bucket in an interval, and their non-zero maximum scores in no particular order. */
    record IntervalSummary(long key, long window, int jobCount, double[] nonZeroScores, boolean interim) {}

    /** The per-interval summaries and the per-window job maxima of one chunk. */
    record Windows(List<IntervalSummary> intervals, List<WindowJob> windowJobs) {}

    /** One job's maximum score within a window, with the window start. */
    record WindowJob(long window, JobMaximum maximum) {}

    /**
     * Planner settings for the grouping queries, local to their transaction. The planner cannot estimate how many
     * intervals a computed interval start has and guesses far too many, so it sorts hundreds of thousands of rows
     * (spilling to disk beyond the default 4 MB) where hashing them into a few thousand groups needs no sort.
     */
    private static final List<String> GROUPING_SETTINGS =
            List.of("SET LOCAL work_mem = '256MB'", "SET LOCAL enable_sort = off");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    OverallBucketsRepository(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setReadOnly(true);
    }

    /** Returns the earliest and latest bucket timestamps of the jobs within {@code [from, to)}, if any. */
    Optional<long[]> timeBounds(List<String> jobIds, long from, long to, boolean excludeInterim) {
        return query(
                TIME_BOUNDS_SQL,
                (connection, statement) -> {
                    statement.setArray(1, connection.createArrayOf("text", jobIds.toArray()));
                    statement.setLong(2, from);
                    statement.setLong(3, to);
                    statement.setBoolean(4, excludeInterim);
                },
                rows -> {
                    rows.next();
                    long earliest = rows.getLong(1);
                    return rows.wasNull()
                            ? Optional.<long[]>empty()
                            : Optional.of(new long[] {earliest, rows.getLong(2)});
                });
    }

    /** Returns the job scores of every interval that has buckets, in time order. */
    List<IntervalJobs> intervals(Selection selection) {
        String sql = INTERVALS_SQL.formatted(rows(selection));
        return query(sql, (connection, statement) -> bindRows(connection, statement, 1, selection), rows -> {
            List<IntervalJobs> intervals = new ArrayList<>();
            while (rows.next()) {
                String[] jobIds = (String[]) readArray(rows.getArray("job_ids"));
                Double[] scores = (Double[]) readArray(rows.getArray("scores"));
                List<JobMaximum> jobs = new ArrayList<>(jobIds.length);
                for (int i = 0; i < jobIds.length; i++) {
                    jobs.add(new JobMaximum(jobIds[i], scores[i], false));
                }
                intervals.add(new IntervalJobs(rows.getLong("key"), jobs, rows.getBoolean("interim")));
            }
            return intervals;
        });
    }

    /** Returns, in one scan, the summary of every interval and each job's maximum per window of {@code windowMs}. */
    Windows windows(Selection selection, long windowMs) {
        String sql = WINDOWS_SQL.formatted(rows(selection));
        return query(
                sql,
                (connection, statement) -> {
                    for (int i = 1; i <= 3; i++) {
                        statement.setLong(i, windowMs);
                    }
                    bindRows(connection, statement, 4, selection);
                },
                rows -> {
                    List<IntervalSummary> intervals = new ArrayList<>();
                    List<WindowJob> windowJobs = new ArrayList<>();
                    while (rows.next()) {
                        boolean interim = rows.getBoolean("interim");
                        if (rows.getInt("by_window") == 0) {
                            Array scores = rows.getArray("scores");
                            double[] nonZero = scores == null ? new double[0] : toDoubles((Double[]) readArray(scores));
                            intervals.add(new IntervalSummary(
                                    rows.getLong("key"), rows.getLong("win"), rows.getInt("jobs"), nonZero, interim));
                        } else {
                            windowJobs.add(new WindowJob(
                                    rows.getLong("win"),
                                    new JobMaximum(rows.getString("job_id"), rows.getDouble("max_score"), interim)));
                        }
                    }
                    return new Windows(intervals, windowJobs);
                });
    }

    /** Returns each job's maximum per window of {@code windowMs}, counting only the intervals in {@code keys}. */
    List<WindowJob> windowJobs(Selection selection, long windowMs, long[] keys) {
        String sql = WINDOW_JOBS_SQL.formatted(rows(selection));
        return query(
                sql,
                (connection, statement) -> {
                    for (int i = 1; i <= 3; i++) {
                        statement.setLong(i, windowMs);
                    }
                    int next = bindRows(connection, statement, 4, selection);
                    Long[] boxed = new Long[keys.length];
                    for (int i = 0; i < keys.length; i++) {
                        boxed[i] = keys[i];
                    }
                    statement.setArray(next, connection.createArrayOf("bigint", boxed));
                },
                rows -> {
                    List<WindowJob> windowJobs = new ArrayList<>();
                    while (rows.next()) {
                        windowJobs.add(new WindowJob(
                                rows.getLong("win"),
                                new JobMaximum(
                                        rows.getString("job_id"),
                                        rows.getDouble("max_score"),
                                        rows.getBoolean("interim"))));
                    }
                    return windowJobs;
                });
    }

    private static String rows(Selection selection) {
        return selection.perJobMaxima() ? JOB_MAXIMA_ROWS : BUCKET_ROWS;
    }

    /** Binds the parameters of {@link #BUCKET_ROWS} from {@code index}; returns the next free index. */
    private static int bindRows(Connection connection, PreparedStatement statement, int index, Selection selection)
            throws SQLException {
        for (int i = 0; i < 3; i++) {
            statement.setLong(index++, selection.intervalMs());
        }
        statement.setArray(
                index++, connection.createArrayOf("text", selection.jobIds().toArray()));
        statement.setLong(index++, selection.from());
        statement.setLong(index++, selection.to());
        statement.setBoolean(index++, selection.excludeInterim());
        return index;
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

    private static double[] toDoubles(Double[] boxed) {
        double[] values = new double[boxed.length];
        for (int i = 0; i < boxed.length; i++) {
            values[i] = boxed[i];
        }
        return values;
    }

    private static Object readArray(Array array) throws SQLException {
        try {
            return array.getArray();
        } finally {
            array.free();
        }
    }
}
