package io.vigil.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.process.EventCountingAnalyzerFactory;
import io.vigil.process.JobFixtures;
import io.vigil.process.ServiceTest;
import io.vigil.process.TestApi.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;

/** The post-data examples of Elasticsearch's REST tests, run against the HTTP API. */
@Import(EventCountingAnalyzerFactory.Beans.class)
class PostDataExamplesTest extends ServiceTest {

    private static final String TWO_RECORDS = """
            {"airline":"AAL","responsetime":"132.2046","sourcetype":"farequote","time":"1403481600"}
            {"airline":"JZA","responsetime":"990.4628","sourcetype":"farequote","time":"1403481700"}
            """;

    private String openJob(String jobId) {
        jobs.create(JobFixtures.metricJob(jobId, "1h", "epoch"));
        assertThat(api.post(path(jobId, "_open")).status()).isEqualTo(200);
        return jobId;
    }

    @Test
    void postTwoRecordsCountsThem() {
        String jobId = openJob("post-data-counts");

        Response response = api.post(path(jobId, "_data"), "application/x-ndjson", TWO_RECORDS);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.<Object>get("job_id")).isEqualTo(jobId);
        assertThat(response.<Integer>get("processed_record_count")).isEqualTo(2);
        assertThat(response.<Integer>get("processed_field_count")).isEqualTo(4);
        assertThat(response.<Integer>get("input_field_count")).isEqualTo(6);
        assertThat(response.<Integer>get("input_bytes")).isBetween(140, 180);
        assertThat(response.<Integer>get("invalid_date_count")).isZero();
        assertThat(response.<Integer>get("missing_field_count")).isZero();
        assertThat(response.<Integer>get("out_of_order_timestamp_count")).isZero();
        assertThat(response.<Long>get("earliest_record_timestamp")).isEqualTo(1403481600000L);
        assertThat(response.<Long>get("latest_record_timestamp")).isEqualTo(1403481700000L);
        assertThat(response.<Integer>get("input_record_count")).isEqualTo(2);
        assertThat(response.<Integer>get("malformed_record_count")).isZero();
        assertThat(List.copyOf(response.body().keySet()))
                .startsWith(
                        "job_id",
                        "processed_record_count",
                        "processed_field_count",
                        "input_bytes",
                        "input_field_count",
                        "invalid_date_count",
                        "missing_field_count",
                        "out_of_order_timestamp_count",
                        "empty_bucket_count",
                        "sparse_bucket_count",
                        "bucket_count",
                        "earliest_record_timestamp",
                        "latest_record_timestamp");

        Response flush = api.post(path(jobId, "_flush"));
        assertThat(flush.<Boolean>get("flushed")).isTrue();
        assertThat(flush.<Long>get("last_finalized_bucket_end")).isEqualTo(1403481600000L);

        assertThat(api.post(path(jobId, "_close")).<Boolean>get("closed")).isTrue();
        assertThat(jdbc.queryForObject("select state from jobs where job_id = ?", String.class, jobId))
                .isEqualTo("closed");
        Map<String, Object> stored = dataCounts(jobId);
        assertThat(stored.get("processed_record_count")).isEqualTo(2);
        assertThat(stored.get("processed_field_count")).isEqualTo(4);
        assertThat(stored.get("input_field_count")).isEqualTo(6);
        assertThat(stored.get("earliest_record_timestamp")).isEqualTo(1403481600000L);
    }

    @Test
    void secondPostCountsOnlyItsOwnRecords() {
        String jobId = openJob("post-data-incremental");
        api.post(path(jobId, "_data"), "application/x-ndjson", TWO_RECORDS);

        Response second = api.post(
                path(jobId, "_data"),
                "application/x-ndjson",
                "{\"airline\":\"AAL\",\"responsetime\":\"1\",\"time\":\"1403481800\"}\n");

        assertThat(second.<Integer>get("processed_record_count")).isEqualTo(1);
        api.post(path(jobId, "_flush"));
        assertThat(dataCounts(jobId).get("processed_record_count")).isEqualTo(3);
    }

    @Test
    void flushAndCloseWithoutData() {
        String jobId = openJob("post-data-no-data");

        Response flush = api.post(path(jobId, "_flush"));

        assertThat(flush.status()).isEqualTo(200);
        assertThat(flush.<Boolean>get("flushed")).isTrue();
        assertThat(flush.body()).doesNotContainKey("last_finalized_bucket_end");
        assertThat(api.post(path(jobId, "_close")).<Boolean>get("closed")).isTrue();
        assertThat(jdbc.queryForObject("select state from jobs where job_id = ?", String.class, jobId))
                .isEqualTo("closed");
    }

    @Test
    void skipTimeDropsTheSkippedBucket() {
        String jobId = openJob("post-data-skip-time");
        api.post(path(jobId, "_data"), "application/x-ndjson", """
                {"airline":"AAL","responsetime":"132.2046","time":"1403481600"}
                {"airline":"AAL","responsetime":"990.4628","time":"1403485200"}
                """);

        Response flush = api.post(path(jobId, "_flush?skip_time=1403488700"));
        Response skipped = api.post(
                path(jobId, "_data"),
                "application/x-ndjson",
                "{\"airline\":\"AAL\",\"responsetime\":\"1\",\"time\":\"1403488600\"}\n");
        api.post(
                path(jobId, "_data"),
                "application/x-ndjson",
                "{\"airline\":\"AAL\",\"responsetime\":\"1\",\"time\":\"1403488800\"}\n");
        api.post(path(jobId, "_close"));

        assertThat(flush.<Long>get("last_finalized_bucket_end")).isEqualTo(1403488800000L);
        assertThat(skipped.<Integer>get("out_of_order_timestamp_count")).isEqualTo(1);
        List<Map<String, Object>> buckets = buckets(jobId);
        assertThat(buckets).hasSize(2);
        assertThat(buckets.get(0).get("timestamp")).isEqualTo(1403481600000L);
        assertThat(buckets.get(0).get("event_count")).isEqualTo(1L);
        assertThat(buckets.get(1).get("timestamp")).isEqualTo(1403488800000L);
        assertThat(buckets.get(1).get("event_count")).isEqualTo(1L);
    }

    @Test
    void invalidParametersAreRejected() {
        String jobId = openJob("post-data-invalid-params");

        Response unknownJob = api.post(path("no-such-job", "_data"), "application/x-ndjson", TWO_RECORDS);
        Response resetStart =
                api.post(path(jobId, "_data?reset_start=not%20a%20date"), "application/x-ndjson", TWO_RECORDS);
        Response resetEnd =
                api.post(path(jobId, "_data?reset_end=not%20a%20date"), "application/x-ndjson", TWO_RECORDS);
        Response flushUnknown = api.post(path("no-such-job", "_flush"));
        Response flushStart = api.post(path(jobId, "_flush?calc_interim=true&start=not%20a%20date"));
        Response flushEnd = api.post(path(jobId, "_flush?calc_interim=true&start=1&end=not%20a%20date"));
        Response flushAdvance = api.post(path(jobId, "_flush?advance_time=not%20a%20date"));

        assertThat(unknownJob.status()).isEqualTo(404);
        assertThat(unknownJob.errorType()).isEqualTo("resource_not_found_exception");
        assertThat(resetStart.errorType()).isEqualTo("parse_exception");
        assertThat(resetStart.reason())
                .isEqualTo("Query param [reset_start] with value [not a date] cannot be parsed as a date or "
                        + "converted to a number (epoch).");
        assertThat(resetEnd.errorType()).isEqualTo("parse_exception");
        assertThat(flushUnknown.status()).isEqualTo(404);
        assertThat(flushStart.errorType()).isEqualTo("parse_exception");
        assertThat(flushEnd.errorType()).isEqualTo("parse_exception");
        assertThat(flushAdvance.errorType()).isEqualTo("parse_exception");
        assertThat(flushAdvance.status()).isEqualTo(400);
    }

    @Test
    void openOrCloseMissingJobIsNotFound() {
        assertThat(api.post(path("no-such-job", "_open")).status()).isEqualTo(404);
        assertThat(api.post(path("no-such-job", "_close")).status()).isEqualTo(404);
        assertThat(api.post(path("no-such-job", "_close")).reason()).isEqualTo("No known job with id 'no-such-job'");
    }

    @Test
    void flushOrPostToClosedJobIsConflict() {
        String jobId = openJob("post-data-closed");
        api.post(path(jobId, "_close"));

        Response post = api.post(path(jobId, "_data"), "application/x-ndjson", TWO_RECORDS);
        Response flush = api.post(path(jobId, "_flush"));

        assertThat(post.status()).isEqualTo(409);
        assertThat(post.errorType()).isEqualTo("status_exception");
        assertThat(post.reason()).isEqualTo("Cannot perform requested action because job [" + jobId + "] is not open");
        assertThat(flush.status()).isEqualTo(409);
        assertThat(flush.errorType()).isEqualTo("status_exception");
    }
}
