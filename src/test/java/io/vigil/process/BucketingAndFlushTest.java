package io.vigil.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.process.TestApi.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;

/** Bucketing at boundaries, latency, out-of-order records and the flush options, over HTTP. */
@Import(EventCountingAnalyzerFactory.Beans.class)
class BucketingAndFlushTest extends ServiceTest {

    private static final long H0 = 1403481600000L;
    private static final long HOUR = 3_600_000L;

    private String openJob(String jobId, String latency) {
        jobs.insert(JobFixtures.job(
                jobId, "1h", latency, "epoch_ms", List.of(JobFixtures.detector("count", null, null)), null));
        api.post(path(jobId, "_open"));
        return jobId;
    }

    private Response post(String jobId, long... times) {
        StringBuilder body = new StringBuilder();
        for (long time : times) {
            body.append("{\"time\":").append(time).append("}\n");
        }
        return api.post(path(jobId, "_data"), "application/x-ndjson", body.toString());
    }

    @Test
    void eventAtBucketStartBelongsToThatBucket() {
        String jobId = openJob("bucketing-boundary", null);

        post(jobId, H0, H0 + HOUR - 1, H0 + HOUR);
        api.post(path(jobId, "_close"));

        List<Map<String, Object>> buckets = buckets(jobId);
        assertThat(buckets).hasSize(2);
        assertThat(buckets.get(0).get("timestamp")).isEqualTo(H0);
        assertThat(buckets.get(0).get("event_count")).isEqualTo(2L);
        assertThat(buckets.get(1).get("timestamp")).isEqualTo(H0 + HOUR);
        assertThat(buckets.get(1).get("event_count")).isEqualTo(1L);
    }

    @Test
    void emptyBucketsBetweenDataAreFinalized() {
        String jobId = openJob("bucketing-empty", null);

        Response response = post(jobId, H0, H0 + 3 * HOUR);
        api.post(path(jobId, "_close"));

        assertThat(response.<Integer>get("bucket_count")).isEqualTo(3);
        assertThat(response.<Integer>get("empty_bucket_count")).isEqualTo(2);
        assertThat(response.<Long>get("latest_empty_bucket_timestamp")).isEqualTo(H0 + 2 * HOUR);
        assertThat(buckets(jobId)).extracting(row -> row.get("event_count")).containsExactly(1L, 0L, 0L, 1L);
        Map<String, Object> counts = dataCounts(jobId);
        assertThat(counts.get("bucket_count")).isEqualTo(4);
        String timing = jdbc.queryForObject(
                "select timing_stats ->> 'bucket_count' from job_stats where job_id = ?", String.class, jobId);
        assertThat(timing).isEqualTo("4");
    }

    @Test
    void olderRecordIsOutOfOrderWithoutLatency() {
        String jobId = openJob("bucketing-out-of-order", null);

        Response response = post(jobId, H0 + 1000, H0 + 999, H0 + 1000);

        assertThat(response.<Integer>get("processed_record_count")).isEqualTo(2);
        assertThat(response.<Integer>get("out_of_order_timestamp_count")).isEqualTo(1);
        assertThat(response.<Integer>get("input_record_count")).isEqualTo(3);
    }

    @Test
    void latencyKeepsBucketsOpen() {
        String jobId = openJob("bucketing-latency", "2h");

        Response first = post(jobId, H0 + 10, H0 + HOUR + 10, H0 + 20, H0 + 2 * HOUR + 5);
        Response flush = api.post(path(jobId, "_flush"));
        Response late = post(jobId, H0 + 3 * HOUR, H0 + HOUR + 20);
        Response tooLate = post(jobId, H0 + 30);

        assertThat(first.<Integer>get("processed_record_count")).isEqualTo(4);
        assertThat(first.<Integer>get("bucket_count")).isZero();
        assertThat(flush.<Long>get("last_finalized_bucket_end")).isEqualTo(H0);
        assertThat(late.<Integer>get("processed_record_count")).isEqualTo(2);
        assertThat(late.<Integer>get("bucket_count")).isEqualTo(1);
        assertThat(tooLate.<Integer>get("out_of_order_timestamp_count")).isEqualTo(1);
        assertThat(buckets(jobId)).hasSize(1);
        assertThat(buckets(jobId).get(0).get("event_count")).isEqualTo(2L);
    }

    @Test
    void advanceTimeFinalizesBuckets() {
        String jobId = openJob("flush-advance", null);
        post(jobId, H0 + 5);

        Response flush = api.post(path(jobId, "_flush?advance_time=" + (H0 + 2 * HOUR + 1)));

        assertThat(flush.<Long>get("last_finalized_bucket_end")).isEqualTo(H0 + 2 * HOUR);
        assertThat(buckets(jobId)).extracting(row -> row.get("event_count")).containsExactly(1L, 0L);
        assertThat(post(jobId, H0 + HOUR + 5).<Integer>get("out_of_order_timestamp_count"))
                .isEqualTo(1);
    }

    @Test
    void flushValidationMessages() {
        String jobId = openJob("flush-validation", null);

        Response start = api.post(path(jobId, "_flush?start=1403481600"));
        Response end = api.post(path(jobId, "_flush?end=1403481600"));
        Response endWithoutStart = api.post(path(jobId, "_flush?calc_interim=true&end=1403481600"));
        Response advanceBeforeSkip = api.post(path(jobId, "_flush?advance_time=1403481600&skip_time=1403481700"));
        Response badBoolean = api.post(path(jobId, "_flush?calc_interim=yes"));
        Response unknown = api.post(path(jobId, "_flush?calc=true"));
        Response bodyStart = api.postJson(path(jobId, "_flush"), "{\"start\":\"1403481600\"}");

        assertThat(start.status()).isEqualTo(400);
        assertThat(start.reason()).isEqualTo("Invalid flush parameters: unexpected 'start'.");
        assertThat(end.reason()).isEqualTo("Invalid flush parameters: unexpected 'end'.");
        assertThat(endWithoutStart.reason()).isEqualTo("Invalid flush parameters: 'start' has not been specified.");
        assertThat(advanceBeforeSkip.reason())
                .isEqualTo("advance_time [1403481600] must be later than skip_time [1403481700]");
        assertThat(badBoolean.status()).isEqualTo(400);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.reason()).contains("unrecognized parameter: [calc]");
        assertThat(bodyStart.reason()).isEqualTo("Invalid flush parameters: unexpected 'start'.");
    }

    @Test
    void interimResultsAreReplacedThenFinalized() {
        String jobId = openJob("flush-interim", null);
        post(jobId, H0 + 1, H0 + 2);

        api.post(path(jobId, "_flush?calc_interim=true"));
        List<Map<String, Object>> firstInterim = buckets(jobId);
        post(jobId, H0 + 3);
        api.postJson(path(jobId, "_flush"), "{\"calc_interim\":true}");
        List<Map<String, Object>> secondInterim = buckets(jobId);
        post(jobId, H0 + HOUR);
        List<Map<String, Object>> finalized = buckets(jobId);

        assertThat(firstInterim).hasSize(1);
        assertThat(firstInterim.get(0).get("is_interim")).isEqualTo(true);
        assertThat(firstInterim.get(0).get("event_count")).isEqualTo(2L);
        assertThat(secondInterim).hasSize(1);
        assertThat(secondInterim.get(0).get("event_count")).isEqualTo(3L);
        assertThat(finalized).hasSize(1);
        assertThat(finalized.get(0).get("is_interim")).isEqualTo(false);
        assertThat(finalized.get(0).get("event_count")).isEqualTo(3L);
    }

    @Test
    void noInterimResultForEmptyBucket() {
        String jobId = openJob("flush-interim-empty", "3h");
        post(jobId, H0 + 1, H0 + 2 * HOUR + 1);

        api.post(path(jobId, "_flush?calc_interim=true"));

        List<Map<String, Object>> interim = buckets(jobId);
        assertThat(interim).extracting(row -> row.get("timestamp")).containsExactly(H0, H0 + 2 * HOUR);
        assertThat(interim).allSatisfy(row -> assertThat(row.get("is_interim")).isEqualTo(true));
    }

    @Test
    void interimRangeLimitsBuckets() {
        String jobId = openJob("flush-interim-range", "3h");
        post(jobId, H0 + 1, H0 + HOUR + 1, H0 + 2 * HOUR + 1);

        api.post(path(jobId, "_flush?calc_interim=true&start=" + (H0 + HOUR) + "&end=" + (H0 + 2 * HOUR)));

        assertThat(buckets(jobId)).extracting(row -> row.get("timestamp")).containsExactly(H0 + HOUR);
    }
}
