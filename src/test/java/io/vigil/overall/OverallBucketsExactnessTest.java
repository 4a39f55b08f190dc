package io.vigil.overall;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.overall.OverallBucketsReference.Row;
import java.sql.Array;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Overall buckets from runs and non-zero maxima match the plain computation over every bucket row, on seeded random
 * buckets with gaps, interim buckets and jobs of three spans, and keep matching after the writes that change
 * buckets: score updates as renormalization makes them, interim buckets becoming final, deletes and upserts.
 */
@SpringBootTest
class OverallBucketsExactnessTest {

    private static final long MINUTE = 60_000L;
    private static final long DAY = 86_400_000L;
    /** 2016-06-01T00:00:00Z. */
    private static final long START = 1_464_739_200_000L;

    private static final int[] SPANS_MINUTES = {15, 15, 30, 60, 15};
    private static final Duration[] REQUESTED_SPANS = {
        null, Duration.ofMinutes(60), Duration.ofMinutes(90), Duration.ofHours(2), Duration.ofDays(1)
    };

    @Autowired
    OverallBucketsService service;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void matchesReferenceOnRandomBuckets() {
        List<JobSpan> jobs = insertRandomJobs("exact-random", new Random(11));

        assertMatchesReference(jobs, new Random(12));
    }

    @Test
    void staysExactAfterRenormalization() {
        List<JobSpan> jobs = insertRandomJobs("exact-renormalized", new Random(21));
        assertMatchesReference(jobs, new Random(22));

        // Rescores every bucket at once, as the renormalizer does: zeros become non-zero and the other way round.
        jdbc.update(
                "UPDATE buckets SET anomaly_score = CASE WHEN anomaly_score > 0 AND timestamp % 3 = 0 THEN 0 "
                        + "WHEN anomaly_score = 0 AND timestamp % 7 = 0 THEN (timestamp / 60000) % 97 + 0.5 "
                        + "ELSE anomaly_score * 0.9 END WHERE job_id LIKE ?",
                "exact-renormalized-%");

        assertMatchesReference(jobs, new Random(23));
    }

    @Test
    void staysExactAfterInterimIsFinalized() {
        List<JobSpan> jobs = insertRandomJobs("exact-finalized", new Random(31));
        assertMatchesReference(jobs, new Random(32));

        // One interim bucket is replaced by its final version through the upsert the results writers use, the
        // others are updated in place.
        Long finalized = jdbc.queryForObject(
                "SELECT min(timestamp) FROM buckets WHERE job_id = ? AND is_interim",
                Long.class,
                jobs.get(0).jobId());
        jdbc.update(
                "INSERT INTO buckets (job_id, timestamp, bucket_span, anomaly_score, is_interim) VALUES (?, ?, 900, 42, "
                        + "false) ON CONFLICT (job_id, timestamp) DO UPDATE SET anomaly_score = excluded.anomaly_score, "
                        + "is_interim = excluded.is_interim",
                jobs.get(0).jobId(),
                finalized);
        jdbc.update("UPDATE buckets SET is_interim = false WHERE job_id LIKE ? AND is_interim", "exact-finalized-%");

        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM buckets WHERE job_id LIKE ? AND is_interim",
                        Long.class,
                        "exact-finalized-%"))
                .isZero();
        assertMatchesReference(jobs, new Random(33));
    }

    @Test
    void staysExactAfterDeletesAndUpserts() {
        List<JobSpan> jobs = insertRandomJobs("exact-deleted", new Random(41));
        assertMatchesReference(jobs, new Random(42));

        // Holes in the middle of runs, interim results removed as a flush removes them, and buckets written back.
        jdbc.update("DELETE FROM buckets WHERE job_id LIKE ? AND timestamp % (7 * 900000) = 0", "exact-deleted-%");
        jdbc.update(
                "DELETE FROM buckets WHERE job_id = ? AND is_interim",
                jobs.get(1).jobId());
        jdbc.update(
                "INSERT INTO buckets (job_id, timestamp, bucket_span, anomaly_score, is_interim) "
                        + "SELECT ?, ? + n * 900000, 900, n % 5, n % 11 = 0 FROM generate_series(0, 200) AS n "
                        + "ON CONFLICT (job_id, timestamp) DO UPDATE SET anomaly_score = excluded.anomaly_score, "
                        + "is_interim = excluded.is_interim",
                jobs.get(0).jobId(), START + DAY / 2);
        assertMatchesReference(jobs, new Random(43));

        jdbc.update("DELETE FROM buckets WHERE job_id = ?", jobs.get(4).jobId());
        assertMatchesReference(jobs, new Random(44));
    }

    /** Checks every combination of top_n, span, score filter and interim handling, with random ranges. */
    private void assertMatchesReference(List<JobSpan> jobs, Random random) {
        List<Row> rows =
                rows(jobs.get(0).jobId().substring(0, jobs.get(0).jobId().lastIndexOf('-')));
        List<List<JobSpan>> selections = List.of(jobs, jobs.subList(0, 2), jobs.subList(3, 4));
        for (List<JobSpan> selection : selections) {
            for (int topN : new int[] {1, 2, 3, 10}) {
                for (Duration span : REQUESTED_SPANS) {
                    for (double overallScore : new double[] {0, 15}) {
                        for (boolean excludeInterim : new boolean[] {false, true}) {
                            Long start = random.nextBoolean() ? null : START + random.nextLong(DAY);
                            Long end = random.nextBoolean() ? null : START + DAY + random.nextLong(2 * DAY);
                            var params = new OverallBucketsParams(topN, span, overallScore, excludeInterim, start, end);
                            List<OverallBucket> expected = OverallBucketsReference.compute(selection, rows, params);

                            assertThat(service.overallBuckets(selection, params))
                                    .as("%s with %s", selection, params)
                                    .isEqualTo(expected);
                        }
                    }
                }
            }
        }
    }

    /**
     * Inserts three days of buckets for five jobs in one statement. The runs of buckets have gaps between them, and
     * about 10% of scores are non-zero. Each job's last bucket and a few inside are interim, and one bucket is off
     * its job's grid.
     */
    private List<JobSpan> insertRandomJobs(String prefix, Random random) {
        List<JobSpan> jobs = new ArrayList<>();
        List<Object[]> buckets = new ArrayList<>();
        for (int job = 0; job < SPANS_MINUTES.length; job++) {
            int minutes = SPANS_MINUTES[job];
            String jobId = prefix + "-" + job;
            jobs.add(new JobSpan(jobId, Duration.ofMinutes(minutes), minutes + "m"));
            long span = minutes * MINUTE;
            boolean present = true;
            for (long timestamp = START; timestamp < START + 3 * DAY; timestamp += span) {
                if (random.nextDouble() < 0.05) {
                    present = !present;
                }
                if (present) {
                    double score = random.nextDouble() < 0.1 ? Math.round(random.nextDouble() * 1000) / 10.0 : 0;
                    boolean interim = timestamp + span >= START + 3 * DAY || random.nextDouble() < 0.01;
                    buckets.add(new Object[] {jobId, timestamp, minutes * 60L, score, interim});
                }
            }
        }
        buckets.add(new Object[] {prefix + "-0", START + DAY + 7 * MINUTE, 900L, 33.0, false});
        insert(buckets);
        return jobs;
    }

    private void insert(List<Object[]> buckets) {
        jdbc.execute((java.sql.Connection connection) -> {
            Array jobIds = connection.createArrayOf(
                    "text", buckets.stream().map(b -> b[0]).toArray());
            Array timestamps = connection.createArrayOf(
                    "bigint", buckets.stream().map(b -> b[1]).toArray());
            Array spans = connection.createArrayOf(
                    "bigint", buckets.stream().map(b -> b[2]).toArray());
            Array scores = connection.createArrayOf(
                    "float8", buckets.stream().map(b -> b[3]).toArray());
            Array interim = connection.createArrayOf(
                    "bool", buckets.stream().map(b -> b[4]).toArray());
            try (var statement = connection.prepareStatement(
                    "INSERT INTO buckets (job_id, timestamp, bucket_span, anomaly_score, is_interim) "
                            + "SELECT * FROM unnest(?, ?, ?, ?, ?)")) {
                statement.setArray(1, jobIds);
                statement.setArray(2, timestamps);
                statement.setArray(3, spans);
                statement.setArray(4, scores);
                statement.setArray(5, interim);
                return statement.executeUpdate();
            }
        });
    }

    private List<Row> rows(String prefix) {
        return jdbc.query(
                "SELECT job_id, timestamp, anomaly_score, is_interim FROM buckets WHERE job_id LIKE ?",
                (rs, i) -> new Row(rs.getString(1), rs.getLong(2), rs.getDouble(3), rs.getBoolean(4)),
                prefix + "-%");
    }
}
