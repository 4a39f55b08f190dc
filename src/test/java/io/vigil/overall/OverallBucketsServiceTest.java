package io.vigil.overall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.common.VigilException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** Overall buckets computed in PostgreSQL from bucket rows written directly, one job-id prefix per scenario. */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OverallBucketsServiceTest {

    private static final long HOUR = 3_600_000L;
    private static final long MINUTE = 60_000L;

    @Autowired
    OverallBucketsService service;

    @Autowired
    JdbcTemplate jdbc;

    private final JobSpan hourly1 = job("svc-agg-1", 60);
    private final JobSpan hourly2 = job("svc-agg-2", 60);
    private final JobSpan hourly3 = job("svc-agg-3", 60);

    @BeforeAll
    void insertBuckets() {
        // Hours 0..6; job 3 only in hours 0 and 1, nothing at all in hours 7 and 8, job 1 again in hour 9.
        double[] job1 = {10, 20, 30, 10, 50, 60, 70};
        double[] job2 = {6, 2, 7, 40, -1, -1, 0};
        for (int hour = 0; hour < job1.length; hour++) {
            insert(hourly1.jobId(), hour * HOUR, 3600, job1[hour], hour >= 5);
            if (job2[hour] >= 0) {
                insert(hourly2.jobId(), hour * HOUR, 3600, job2[hour], hour >= 5);
            }
        }
        insert(hourly3.jobId(), 0, 3600, 80, false);
        insert(hourly3.jobId(), HOUR, 3600, 1, false);
        insert(hourly1.jobId(), 9 * HOUR, 3600, 5, false);
    }

    @Test
    void topOneIsTheMaximumPerInterval() {
        List<OverallBucket> buckets = service.overallBuckets(List.of(hourly1, hourly2), params(1, null, 0));

        assertThat(buckets)
                .extracting(OverallBucket::timestamp)
                .containsExactly(0L, HOUR, 2 * HOUR, 3 * HOUR, 4 * HOUR, 5 * HOUR, 6 * HOUR, 9 * HOUR);
        assertThat(buckets)
                .extracting(OverallBucket::overallScore)
                .containsExactly(10.0, 20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 5.0);
        assertThat(buckets.get(0).jobs()).containsExactly(score(hourly1, 10), score(hourly2, 6));
        assertThat(buckets.get(5).isInterim()).isTrue();
        assertThat(buckets.get(4).isInterim()).isFalse();
    }

    @Test
    void widerSpanWithTopOneTakesTheMaximumOfEachWindow() {
        List<OverallBucket> buckets =
                service.overallBuckets(List.of(hourly1, hourly2), params(1, Duration.ofHours(2), 0));

        assertThat(buckets)
                .extracting(OverallBucket::timestamp)
                .containsExactly(0L, 2 * HOUR, 4 * HOUR, 6 * HOUR, 8 * HOUR);
        assertThat(buckets).extracting(OverallBucket::overallScore).containsExactly(20.0, 40.0, 60.0, 70.0, 5.0);
        assertThat(buckets.get(0).jobs()).containsExactly(score(hourly1, 20), score(hourly2, 6));
        assertThat(buckets.get(1).jobs()).containsExactly(score(hourly1, 30), score(hourly2, 40));
        assertThat(buckets.get(2).jobs()).containsExactly(score(hourly1, 60));
        assertThat(buckets.get(2).isInterim()).isTrue();
        assertThat(buckets.get(3).jobs()).containsExactly(score(hourly1, 70), score(hourly2, 0));
        assertThat(buckets).allSatisfy(bucket -> assertThat(bucket.bucketSpan()).isEqualTo(7200));
    }

    @Test
    void widerSpanWithTopTwoTakesTheMaximumOfTheHourlyMeans() {
        // Hourly top-2 means: 45, 11, 18.5, 25, 50 and 60 (only job 1 present), 35, and 5 in hour 9.
        List<OverallBucket> buckets =
                service.overallBuckets(List.of(hourly1, hourly2, hourly3), params(2, Duration.ofHours(2), 0));

        assertThat(buckets).extracting(OverallBucket::overallScore).containsExactly(45.0, 25.0, 60.0, 35.0, 5.0);
        assertThat(buckets.get(0).jobs()).containsExactly(score(hourly1, 20), score(hourly2, 6), score(hourly3, 80));
    }

    @Test
    void scoreFilterRunsBeforeTheWiderSpan() {
        // With top_n 2 the hourly means are 45, 11, 18.5, 25, 50, 60, 35; at least 30 keeps h0, h4, h5, h6.
        List<OverallBucket> buckets =
                service.overallBuckets(List.of(hourly1, hourly2, hourly3), params(2, Duration.ofHours(2), 30));

        assertThat(buckets).extracting(OverallBucket::timestamp).containsExactly(0L, 4 * HOUR, 6 * HOUR);
        assertThat(buckets).extracting(OverallBucket::overallScore).containsExactly(45.0, 60.0, 35.0);
        // Only hour 0 passed in the first window, so job 1 contributes its hour-0 maximum, not hour 1's 20.
        assertThat(buckets.get(0).jobs()).containsExactly(score(hourly1, 10), score(hourly2, 6), score(hourly3, 80));
    }

    @Test
    void spanThatIsNotAMultipleOfTheJobSpans() {
        List<OverallBucket> buckets =
                service.overallBuckets(List.of(hourly1, hourly2), params(2, Duration.ofMinutes(90), 0));

        // Hourly top-2 means 8, 11, 18.5, 25, 50, 60, 35 and 5 (hour 9) fall into 90-minute windows by their start:
        // hours 0-1 -> 0, hour 2 -> 90m, hours 3-4 -> 180m, hour 5 -> 270m, hour 6 -> 360m, hour 9 -> 540m.
        assertThat(buckets)
                .extracting(OverallBucket::timestamp)
                .containsExactly(0L, 90 * MINUTE, 180 * MINUTE, 270 * MINUTE, 360 * MINUTE, 540 * MINUTE);
        assertThat(buckets).extracting(OverallBucket::overallScore).containsExactly(11.0, 18.5, 50.0, 60.0, 35.0, 5.0);
    }

    @Test
    void excludeInterimRecomputesFromFinalBuckets() {
        List<OverallBucket> buckets = service.overallBuckets(
                List.of(hourly1, hourly2), new OverallBucketsParams(1, null, 0, true, null, null));

        assertThat(buckets)
                .extracting(OverallBucket::timestamp)
                .containsExactly(0L, HOUR, 2 * HOUR, 3 * HOUR, 4 * HOUR, 9 * HOUR);
        assertThat(buckets).noneMatch(OverallBucket::isInterim);
    }

    @Test
    void startIsRoundedUpAndEndDown() {
        List<OverallBucket> buckets = service.overallBuckets(
                List.of(hourly1, hourly2), new OverallBucketsParams(1, null, 0, false, HOUR - 1, 4 * HOUR - 1));

        assertThat(buckets).extracting(OverallBucket::timestamp).containsExactly(HOUR, 2 * HOUR);
    }

    @Test
    void spanBelowTheLongestJobSpanIsRejected() {
        JobSpan fast = new JobSpan("svc-agg-fast", Duration.ofMinutes(60), "60m");

        assertThatThrownBy(() -> service.overallBuckets(List.of(fast), params(1, Duration.ofMinutes(30), 0)))
                .isInstanceOf(VigilException.class)
                .hasMessage("Param [bucket_span] must be greater or equal to the max bucket_span [60m]");
    }

    @Test
    void topNMustBePositive() {
        assertThatThrownBy(() -> service.overallBuckets(List.of(hourly1), params(0, null, 0)))
                .hasMessage("[topN] parameter must be positive, found [0]");
    }

    @Test
    void moreThanTenThousandBucketsAreRejected() {
        JobSpan minutely = job("svc-agg-minutely", 1);
        jdbc.batchUpdate(
                "INSERT INTO buckets (job_id, timestamp, bucket_span, anomaly_score, is_interim) "
                        + "VALUES (?, ?, 60, 1, false)",
                java.util.stream.LongStream.range(0, 10_001)
                        .mapToObj(i -> new Object[] {minutely.jobId(), i * MINUTE})
                        .toList());

        assertThatThrownBy(() -> service.overallBuckets(List.of(minutely), params(1, null, 0)))
                .hasMessage("Unable to return more than [10000] results; please use parameters [start] and [end] "
                        + "to limit the time range");
    }

    private void insert(String jobId, long timestamp, long bucketSpan, double anomalyScore, boolean interim) {
        jdbc.update(
                "INSERT INTO buckets (job_id, timestamp, bucket_span, anomaly_score, initial_anomaly_score, "
                        + "is_interim) VALUES (?, ?, ?, ?, ?, ?)",
                jobId,
                timestamp,
                bucketSpan,
                anomalyScore,
                anomalyScore,
                interim);
    }

    private static JobSpan job(String jobId, int minutes) {
        return new JobSpan(jobId, Duration.ofMinutes(minutes), minutes + "m");
    }

    private static OverallBucketsParams params(int topN, Duration bucketSpan, double overallScore) {
        return new OverallBucketsParams(topN, bucketSpan, overallScore, false, null, null);
    }

    private static OverallBucket.JobMaxScore score(JobSpan job, double maxAnomalyScore) {
        return new OverallBucket.JobMaxScore(job.jobId(), maxAnomalyScore);
    }
}
