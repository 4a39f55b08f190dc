package io.vigil.overall;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** The triggers that keep {@code bucket_runs} equal to the runs of final buckets, one job id per scenario. */
@SpringBootTest
class BucketRunsTest {

    private static final long QUARTER = 900_000L;
    private static final long DAY = 86_400_000L;
    /** 2016-06-01T00:00:00Z. */
    private static final long START = 1_464_739_200_000L;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void contiguousBucketsMakeOneRunPerDay() {
        insertQuarters("runs-days", 0, 2 * 96 + 4, false);

        assertThat(runs("runs-days"))
                .containsExactly(
                        run(START, START + 95 * QUARTER),
                        run(START + DAY, START + DAY + 95 * QUARTER),
                        run(START + 2 * DAY, START + 2 * DAY + 3 * QUARTER));
    }

    @Test
    void deleteSplitsARunAndInsertJoinsIt() {
        insertQuarters("runs-split", 0, 10, false);

        jdbc.update("DELETE FROM buckets WHERE job_id = ? AND timestamp = ?", "runs-split", START + 4 * QUARTER);
        assertThat(runs("runs-split"))
                .containsExactly(run(START, START + 3 * QUARTER), run(START + 5 * QUARTER, START + 9 * QUARTER));

        insertQuarters("runs-split", 4, 5, false);
        assertThat(runs("runs-split")).containsExactly(run(START, START + 9 * QUARTER));
    }

    @Test
    void interimBucketJoinsWhenFinalized() {
        insertQuarters("runs-interim", 0, 4, false);
        insertQuarters("runs-interim", 4, 5, true);
        assertThat(runs("runs-interim")).containsExactly(run(START, START + 3 * QUARTER));

        jdbc.update("UPDATE buckets SET is_interim = false WHERE job_id = ?", "runs-interim");
        assertThat(runs("runs-interim")).containsExactly(run(START, START + 4 * QUARTER));
    }

    @Test
    void scoreUpdatesLeaveRunsAlone() {
        insertQuarters("runs-scores", 0, 6, false);

        jdbc.update("UPDATE buckets SET anomaly_score = 50 WHERE job_id = ?", "runs-scores");
        assertThat(runs("runs-scores")).containsExactly(run(START, START + 5 * QUARTER));
    }

    @Test
    void offGridBucketBreaksTheRun() {
        insertQuarters("runs-off-grid", 0, 3, false);
        jdbc.update(
                "INSERT INTO buckets (job_id, timestamp, bucket_span) VALUES (?, ?, 900)",
                "runs-off-grid",
                START + QUARTER + 60_000);

        // In time order the buckets are at 0, 15, 16 and 30 minutes, so only the first two are one stride apart.
        assertThat(runs("runs-off-grid"))
                .containsExactly(
                        run(START, START + QUARTER),
                        run(START + QUARTER + 60_000, START + QUARTER + 60_000),
                        run(START + 2 * QUARTER, START + 2 * QUARTER));
    }

    @Test
    void deletingEveryBucketRemovesTheRuns() {
        insertQuarters("runs-deleted", 0, 200, false);

        jdbc.update("DELETE FROM buckets WHERE job_id = ?", "runs-deleted");
        assertThat(runs("runs-deleted")).isEmpty();
    }

    /** Inserts final or interim 15-minute buckets number {@code from} to {@code to} (exclusive) in one statement. */
    private void insertQuarters(String jobId, int from, int to, boolean interim) {
        jdbc.update(
                "INSERT INTO buckets (job_id, timestamp, bucket_span, is_interim) "
                        + "SELECT ?, ? + n * ?, 900, ? FROM generate_series(?, ?) AS n",
                jobId,
                START,
                QUARTER,
                interim,
                from,
                to - 1);
    }

    private List<String> runs(String jobId) {
        return jdbc.query(
                "SELECT first_timestamp, last_timestamp, stride FROM bucket_runs WHERE job_id = ? "
                        + "ORDER BY first_timestamp",
                (rs, i) -> run(rs.getLong(1), rs.getLong(2))
                        + (rs.getLong(3) == QUARTER ? "" : " stride " + rs.getLong(3)),
                jobId);
    }

    private static String run(long first, long last) {
        return "+" + (first - START) / 60_000 + "m to +" + (last - START) / 60_000 + "m";
    }
}
