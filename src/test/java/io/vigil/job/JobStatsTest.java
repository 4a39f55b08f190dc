package io.vigil.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.job.JobApi.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class JobStatsTest extends JobApiTest {

    @BeforeEach
    void createJobs() {
        String body = "{\"analysis_config\":{\"bucket_span\":\"1h\",\"detectors\":[{\"function\":\"metric\","
                + "\"field_name\":\"responsetime\",\"by_field_name\":\"airline\"}]},\"data_description\":{}}";
        api.putJob("job-stats-test", body);
        api.putJob("jobs-get-stats-datafeed-job", body);
    }

    /** Writes what the job processor stores after 3 records and one finished bucket. */
    private void processThreeRecords(String jobId) {
        jdbc.update(
                "insert into job_stats (job_id, data_counts, model_size_stats, timing_stats) values (?,"
                        + " '{\"processed_record_count\":3,\"processed_field_count\":6,\"input_field_count\":6,"
                        + "\"input_record_count\":3,\"bucket_count\":1,\"latest_record_timestamp\":1403481700000,"
                        + "\"earliest_record_timestamp\":1403481600000,\"malformed_record_count\":0}'::jsonb,"
                        + " '{\"model_bytes\":123456,\"memory_status\":\"ok\"}'::jsonb,"
                        + " '{\"bucket_count\":1,\"total_bucket_processing_time_ms\":2.0,"
                        + "\"minimum_bucket_processing_time_ms\":2.0,\"maximum_bucket_processing_time_ms\":2.0,"
                        + "\"average_bucket_processing_time_ms\":2.0,\"exponential_average_bucket_processing_time_ms\":2.0}'::jsonb)",
                jobId);
    }

    private void open(String jobId, long openedAgoMs) {
        jdbc.update(
                "update jobs set state = 'opened', node_id = 'node-1', open_time = ? where job_id = ?",
                System.currentTimeMillis() - openedAgoMs,
                jobId);
    }

    private JsonNode statsOf(String jobId) {
        Response response = api.get("/_ml/anomaly_detectors/" + jobId + "/_stats");
        assertThat(response.status()).isEqualTo(200);
        return response.body().at("/jobs/0");
    }

    @Test
    void openJobReportsProcessedData() {
        processThreeRecords("job-stats-test");
        open("job-stats-test", 12_000);

        JsonNode stats = statsOf("job-stats-test");

        assertThat(stats.path("job_id").asString()).isEqualTo("job-stats-test");
        assertThat(stats.at("/data_counts/job_id").asString()).isEqualTo("job-stats-test");
        assertThat(stats.at("/data_counts/processed_record_count").asLong()).isEqualTo(3);
        assertThat(stats.at("/data_counts/processed_field_count").asLong()).isEqualTo(6);
        assertThat(stats.at("/data_counts/input_field_count").asLong()).isEqualTo(6);
        assertThat(stats.at("/data_counts/invalid_date_count").asLong()).isZero();
        assertThat(stats.at("/data_counts/malformed_record_count").asLong()).isZero();
        assertThat(stats.path("state").asString()).isEqualTo("opened");
        assertThat(stats.at("/node/id").asString()).isEqualTo("node-1");
        assertThat(stats.at("/node/transport_address").asString()).startsWith("127.0.0.1:");
        assertThat(stats.at("/node/attributes").isObject()).isTrue();
        assertThat(stats.path("assignment_explanation").asString()).isEmpty();
        assertThat(stats.path("open_time").asString()).matches("1[2-9]s");
        assertThat(stats.at("/timing_stats/bucket_count").asLong()).isEqualTo(1);
        assertThat(stats.at("/timing_stats/minimum_bucket_processing_time_ms").asDouble())
                .isGreaterThanOrEqualTo(0);
        assertThat(stats.at("/timing_stats/maximum_bucket_processing_time_ms").asDouble())
                .isGreaterThanOrEqualTo(0);
        assertThat(stats.at("/timing_stats/average_bucket_processing_time_ms").asDouble())
                .isGreaterThanOrEqualTo(0);
    }

    @Test
    void fieldsFollowElasticsearchOrder() {
        processThreeRecords("job-stats-test");
        open("job-stats-test", 0);

        JsonNode stats = statsOf("job-stats-test");

        assertThat(stats.propertyNames())
                .containsExactly(
                        "job_id",
                        "data_counts",
                        "model_size_stats",
                        "forecasts_stats",
                        "state",
                        "node",
                        "assignment_explanation",
                        "open_time",
                        "timing_stats");
        assertThat(stats.path("data_counts").propertyNames())
                .containsExactly(
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
                        "latest_record_timestamp",
                        "input_record_count",
                        "malformed_record_count");
    }

    @Test
    void closedJobHasNoNodeOrOpenTime() {
        processThreeRecords("job-stats-test");

        JsonNode stats = statsOf("job-stats-test");

        assertThat(stats.path("state").asString()).isEqualTo("closed");
        assertThat(stats.has("node")).isFalse();
        assertThat(stats.has("open_time")).isFalse();
        assertThat(stats.has("assignment_explanation")).isFalse();
        assertThat(stats.at("/model_size_stats/model_bytes").asLong()).isGreaterThan(0);
    }

    @Test
    void jobWithoutDataHasZeroedStats() {
        open("job-stats-test", 0);

        JsonNode stats = statsOf("job-stats-test");

        assertThat(stats.at("/data_counts/processed_record_count").asLong()).isZero();
        assertThat(stats.at("/data_counts/processed_field_count").asLong()).isZero();
        assertThat(stats.at("/data_counts/input_bytes").asLong()).isZero();
        assertThat(stats.at("/data_counts/input_record_count").asLong()).isZero();
        assertThat(stats.at("/data_counts").has("latest_record_timestamp")).isFalse();
        assertThat(stats.at("/model_size_stats/model_bytes").asLong()).isZero();
        assertThat(stats.at("/model_size_stats/result_type").asString()).isEqualTo("model_size_stats");
        assertThat(stats.at("/model_size_stats/memory_status").asString()).isEqualTo("ok");
        assertThat(stats.at("/forecasts_stats/total").asLong()).isZero();
        assertThat(stats.at("/forecasts_stats/forecasted_jobs").asLong()).isZero();
        assertThat(stats.at("/timing_stats/bucket_count").asLong()).isZero();
        assertThat(stats.at("/timing_stats/total_bucket_processing_time_ms").asDouble())
                .isZero();
        assertThat(stats.at("/timing_stats").has("minimum_bucket_processing_time_ms"))
                .isFalse();
        assertThat(stats.at("/timing_stats").has("maximum_bucket_processing_time_ms"))
                .isFalse();
        assertThat(stats.at("/timing_stats").has("average_bucket_processing_time_ms"))
                .isFalse();
        assertThat(stats.at("/timing_stats").has("exponential_average_bucket_processing_time_ms"))
                .isFalse();
    }

    @Test
    void allJobsAreReturnedSortedById() {
        for (String path : new String[] {
            "/_ml/anomaly_detectors/_stats", "/_ml/anomaly_detectors/_all/_stats", "/_ml/anomaly_detectors/*/_stats"
        }) {
            JsonNode body = api.get(path).body();

            assertThat(body.path("count").asLong()).as(path).isEqualTo(2);
            assertThat(body.at("/jobs/0/job_id").asString()).as(path).isEqualTo("job-stats-test");
            assertThat(body.at("/jobs/1/job_id").asString()).as(path).isEqualTo("jobs-get-stats-datafeed-job");
        }
    }

    @Test
    void unmatchedExpressionsFollowAllowNoMatch() {
        Response unknown = api.get("/_ml/anomaly_detectors/unknown-job/_stats");
        Response allowed = api.get("/_ml/anomaly_detectors/missing-*/_stats?allow_no_match=true");
        Response notAllowed = api.get("/_ml/anomaly_detectors/missing-*/_stats?allow_no_match=false");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.reason()).isEqualTo("No known job with id 'unknown-job'");
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.body().path("count").asLong()).isZero();
        assertThat(notAllowed.status()).isEqualTo(404);
        assertThat(notAllowed.reason()).isEqualTo("No known job with id 'missing-*'");
    }

    @Test
    void noJobsGiveEmptyLists() {
        jdbc.update("delete from jobs");

        Response stats = api.get("/_ml/anomaly_detectors/_all/_stats");
        Response jobs = api.get("/_ml/anomaly_detectors/_all");

        assertThat(stats.body().path("count").asLong()).isZero();
        assertThat(stats.body().path("jobs").size()).isZero();
        assertThat(jobs.body().path("count").asLong()).isZero();
        assertThat(jobs.body().path("jobs").isArray()).isTrue();
    }

    @Test
    void deletingJobIsFlagged() {
        jdbc.update("update jobs set deleting = true where job_id = 'job-stats-test'");

        JsonNode stats = statsOf("job-stats-test");

        assertThat(stats.path("deleting").asBoolean()).isTrue();
        assertThat(api.get("/_ml/anomaly_detectors/job-stats-test")
                        .body()
                        .at("/jobs/0/deleting")
                        .asBoolean())
                .isTrue();
    }
}
