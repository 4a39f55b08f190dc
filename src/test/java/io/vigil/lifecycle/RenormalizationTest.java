package io.vigil.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Renormalization of stored results through the HTTP API: a larger anomaly lowers the score of an earlier one, the
 * initial scores stay, and {@code changed_since} lists exactly what was written or rescored.
 */
class RenormalizationTest extends LifecycleApiTest {

    private static final long SEED = 20240611L;
    private static final int FIRST_ANOMALY_HOUR = 200;
    private static final int SECOND_ANOMALY_HOUR = 260;
    private static final String JOB = """
            {"analysis_config": {"bucket_span": "1h", "detectors": [{"function": "count", "by_field_name": "host"}],
                                 "influencers": ["host"]},
             "data_description": {"time_field": "time", "time_format": "epoch_ms"}}
            """;

    private final Random random = new Random(SEED);

    /** Returns hours [from, to) of about 100 events an hour from one host, with two spikes of different size. */
    private String hours(int from, int to) {
        StringBuilder body = new StringBuilder();
        for (int hour = from; hour < to; hour++) {
            int events = 100 + (int) Math.round(5.0 * random.nextGaussian());
            if (hour == FIRST_ANOMALY_HOUR) {
                events = 200;
            } else if (hour == SECOND_ANOMALY_HOUR) {
                events = 3000;
            }
            for (int i = 0; i < events; i++) {
                body.append(line(T0 + hour * HOUR + i * (HOUR / events), "\"host\":\"web-1\""));
            }
        }
        return body.toString();
    }

    @Test
    void largerAnomalyLowersEarlierScore() throws InterruptedException {
        String jobId = "renormalize-downwards";
        openJob(jobId, JOB);
        postData(jobId, hours(0, SECOND_ANOMALY_HOUR - 10));
        flush(jobId, "");
        Map<Long, Map<String, Object>> recordsBefore = byTimestamp(results(jobId, "records", ""));
        Map<Long, Map<String, Object>> bucketsBefore = byTimestamp(results(jobId, "buckets", ""));
        long firstAnomaly = T0 + FIRST_ANOMALY_HOUR * HOUR;
        Map<String, Object> firstBefore = recordsBefore.get(firstAnomaly);
        long beforeSecondAnomaly = System.currentTimeMillis();
        Thread.sleep(5);

        postData(jobId, hours(SECOND_ANOMALY_HOUR - 10, SECOND_ANOMALY_HOUR + 10));
        flush(jobId, "");
        Map<Long, Map<String, Object>> recordsAfter = byTimestamp(results(jobId, "records", ""));
        Map<Long, Map<String, Object>> bucketsAfter = byTimestamp(results(jobId, "buckets", ""));
        List<Map<String, Object>> changedRecords = results(jobId, "records", "&changed_since=" + beforeSecondAnomaly);
        List<Map<String, Object>> changedBuckets = results(jobId, "buckets", "&changed_since=" + beforeSecondAnomaly);
        Map<String, Object> firstAfter = recordsAfter.get(firstAnomaly);

        assertThat(firstBefore).as("record of the first anomaly").isNotNull();
        assertThat(number(firstBefore, "record_score")).isGreaterThan(50.0);
        assertThat(number(firstAfter, "record_score")).isLessThan(number(firstBefore, "record_score") - 5.0);
        assertThat(number(firstAfter, "record_score")).as("rescored alert").isGreaterThanOrEqualTo(50.0);
        assertThat(number(firstAfter, "initial_record_score")).isEqualTo(number(firstBefore, "initial_record_score"));
        assertThat(number(bucketsAfter.get(firstAnomaly), "anomaly_score"))
                .isLessThan(number(bucketsBefore.get(firstAnomaly), "anomaly_score"));
        assertThat(number(bucketsAfter.get(firstAnomaly), "initial_anomaly_score"))
                .isEqualTo(number(bucketsBefore.get(firstAnomaly), "initial_anomaly_score"));
        assertThat(number(recordsAfter.get(T0 + SECOND_ANOMALY_HOUR * HOUR), "record_score"))
                .isGreaterThan(number(firstAfter, "record_score"));
        assertThat(timestamps(changedRecords))
                .as("records written or rescored")
                .isEqualTo(writtenOrRescored(recordsBefore, recordsAfter, "record_score"));
        assertThat(timestamps(changedRecords)).contains(firstAnomaly);
        assertThat(timestamps(changedBuckets))
                .as("buckets written or rescored")
                .isEqualTo(writtenOrRescored(bucketsBefore, bucketsAfter, "anomaly_score"));
        assertThat(changedRecords)
                .allSatisfy(record -> assertThat(((Number) record.get("scored_at")).longValue())
                        .isGreaterThan(beforeSecondAnomaly));
    }

    @Test
    void bucketScoreIsMaximumOfBucketInfluencers() {
        String jobId = "renormalize-bucket-maximum";
        openJob(jobId, JOB);
        postData(jobId, hours(0, SECOND_ANOMALY_HOUR + 10));
        flush(jobId, "");

        List<Map<String, Object>> buckets = results(jobId, "buckets", "&anomaly_score=0.001");

        assertThat(buckets).isNotEmpty();
        for (Map<String, Object> bucket : buckets) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> influencers = (List<Map<String, Object>>) bucket.get("bucket_influencers");
            double maximum = influencers.stream()
                    .mapToDouble(influencer -> number(influencer, "anomaly_score"))
                    .max()
                    .orElse(0.0);
            assertThat(number(bucket, "anomaly_score"))
                    .as("bucket %s", time(bucket))
                    .isEqualTo(maximum);
        }
    }

    @Test
    void nothingChangedMeansNothingListed() throws InterruptedException {
        String jobId = "renormalize-nothing-changed";
        openJob(jobId, JOB);
        postData(jobId, hours(0, 100));
        flush(jobId, "");
        long afterFlush = System.currentTimeMillis();
        Thread.sleep(5);

        flush(jobId, "");

        assertThat(results(jobId, "records", "&changed_since=" + afterFlush)).isEmpty();
        assertThat(results(jobId, "buckets", "&changed_since=" + afterFlush)).isEmpty();
        assertThat(results(jobId, "influencers", "&changed_since=" + afterFlush))
                .isEmpty();
    }

    private static Map<Long, Map<String, Object>> byTimestamp(List<Map<String, Object>> results) {
        Map<Long, Map<String, Object>> byTime = new HashMap<>();
        for (Map<String, Object> result : results) {
            assertThat(byTime.put(time(result), result))
                    .as("one result per bucket")
                    .isNull();
        }
        return byTime;
    }

    private static Set<Long> timestamps(List<Map<String, Object>> results) {
        Set<Long> times = new TreeSet<>();
        results.forEach(result -> times.add(time(result)));
        return times;
    }

    /** Returns the timestamps of results that are new in {@code after} or whose score differs from {@code before}. */
    private static Set<Long> writtenOrRescored(
            Map<Long, Map<String, Object>> before, Map<Long, Map<String, Object>> after, String scoreField) {
        Set<Long> times = new TreeSet<>();
        after.forEach((time, result) -> {
            Map<String, Object> previous = before.get(time);
            if (previous == null || number(previous, scoreField) != number(result, scoreField)) {
                times.add(time);
            }
        });
        return times;
    }
}
