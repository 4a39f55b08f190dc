package io.vigil.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.job.JobApi.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class JobUpdateTest extends JobApiTest {

    private static final String JOB = "/_ml/anomaly_detectors/jobs-crud-update-job";

    @BeforeEach
    void createJob() {
        Response created = api.putJob(
                "jobs-crud-update-job",
                "{\"description\":\"Pre update description\","
                        + "\"analysis_config\":{\"detectors\":[{\"function\":\"mean\",\"field_name\":\"responsetime\","
                        + "\"by_field_name\":\"airline\"},{\"function\":\"count\",\"by_field_name\":\"mlcategory\"}],"
                        + "\"categorization_field_name\":\"some_category\",\"categorization_filters\":[\"cat1.*\",\"cat2.*\"]},"
                        + "\"data_description\":{},\"model_plot_config\":{\"enabled\":true,\"terms\":\"foo,bar\"},"
                        + "\"analysis_limits\":{\"model_memory_limit\":\"10mb\"},\"renormalization_window_days\":1,"
                        + "\"background_persist_interval\":\"2h\",\"model_snapshot_retention_days\":3,"
                        + "\"daily_model_snapshot_retention_after_days\":2,\"results_retention_days\":4,"
                        + "\"custom_settings\":{\"setting1\":\"custom1\",\"setting2\":\"custom2\"}}");
        assertThat(created.status()).isEqualTo(200);
        events.updated.clear();
    }

    private Response update(String body) {
        return api.post(JOB + "/_update", body);
    }

    private void setState(String state) {
        jdbc.update("update jobs set state = ? where job_id = 'jobs-crud-update-job'", state);
    }

    @Test
    void updateChangesTheUpdatableSettings() {
        setState("opened");

        Response response = update("{\"groups\":[\"group-1\",\"group-2\"],\"description\":\"Post update description\","
                + "\"detectors\":[{\"detector_index\":0,\"custom_rules\":[{\"conditions\":[{\"applies_to\":\"actual\","
                + "\"operator\":\"gt\",\"value\":10}]}]},{\"detector_index\":1,\"description\":\"updated description\"}],"
                + "\"model_plot_config\":{\"enabled\":false,\"terms\":\"foobar\"},\"renormalization_window_days\":10,"
                + "\"background_persist_interval\":\"3h\",\"model_snapshot_retention_days\":30,"
                + "\"results_retention_days\":40,\"custom_settings\":{\"setting3\":\"custom3\"}}");

        JsonNode job = response.body();
        assertThat(response.status()).isEqualTo(200);
        assertThat(job.path("job_id").asString()).isEqualTo("jobs-crud-update-job");
        assertThat(job.path("groups").toString()).isEqualTo("[\"group-1\",\"group-2\"]");
        assertThat(job.path("description").asString()).isEqualTo("Post update description");
        assertThat(job.at("/model_plot_config/enabled").asBoolean()).isFalse();
        assertThat(job.at("/model_plot_config/terms").asString()).isEqualTo("foobar");
        assertThat(job.at("/model_plot_config/annotations_enabled").asBoolean()).isFalse();
        assertThat(job.at("/analysis_config/detectors/0/custom_rules/0/actions").toString())
                .isEqualTo("[\"skip_result\"]");
        assertThat(job.at("/analysis_config/detectors/0/custom_rules/0/conditions")
                        .size())
                .isEqualTo(1);
        assertThat(job.at("/analysis_config/detectors/0/detector_index").asInt())
                .isZero();
        assertThat(job.at("/analysis_config/detectors/1/detector_description").asString())
                .isEqualTo("updated description");
        assertThat(job.at("/analysis_config/detectors/1/detector_index").asInt())
                .isEqualTo(1);
        assertThat(job.path("renormalization_window_days").asLong()).isEqualTo(10);
        assertThat(job.path("background_persist_interval").asString()).isEqualTo("3h");
        assertThat(job.path("model_snapshot_retention_days").asLong()).isEqualTo(30);
        assertThat(job.path("daily_model_snapshot_retention_after_days").asLong())
                .isEqualTo(2);
        assertThat(job.path("results_retention_days").asLong()).isEqualTo(40);
        assertThat(job.path("custom_settings").toString()).isEqualTo("{\"setting3\":\"custom3\"}");
        assertThat(api.get(JOB).body().at("/jobs/0")).isEqualTo(job);
    }

    @Test
    void updatePublishesTheStoredJob() {
        update("{\"description\":\"changed\"}");

        assertThat(events.updated).hasSize(1);
        assertThat(events.updated.get(0).job().jobId()).isEqualTo("jobs-crud-update-job");
        assertThat(events.updated.get(0).job().description()).isEqualTo("changed");
    }

    @Test
    void analysisLimitsChangeOnlyWhileClosed() {
        setState("opened");
        Response whileOpen = update("{\"analysis_limits\":{\"model_memory_limit\":\"20mb\"}}");
        setState("closed");
        Response increased = update("{\"analysis_limits\":{\"model_memory_limit\":\"20mb\"}}");
        Response decreased = update("{\"analysis_limits\":{\"model_memory_limit\":\"15mb\"}}");

        assertThat(whileOpen.status()).isEqualTo(400);
        assertThat(whileOpen.reason()).isEqualTo("Cannot update analysis_limits while the job is open");
        assertThat(increased.body().at("/analysis_limits/model_memory_limit").asString())
                .isEqualTo("20mb");
        assertThat(decreased.body().at("/analysis_limits/model_memory_limit").asString())
                .isEqualTo("15mb");
        assertThat(decreased
                        .body()
                        .at("/analysis_limits/categorization_examples_limit")
                        .asLong())
                .isEqualTo(4);
    }

    @Test
    void memoryLimitCannotDropBelowUsage() {
        jdbc.update("insert into job_stats (job_id, model_size_stats) values ('jobs-crud-update-job', "
                + "'{\"model_bytes\": 18874368}'::jsonb)");

        Response response = update("{\"analysis_limits\":{\"model_memory_limit\":\"15mb\"}}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.reason())
                .isEqualTo("Invalid update value for analysis_limits: model_memory_limit cannot "
                        + "be decreased below current usage; current usage [18mb], update had [15mb]");
    }

    @Test
    void retentionIsCheckedAgainstStoredValues() {
        Response dailyTooHigh = update("{\"daily_model_snapshot_retention_after_days\":31}");
        update("{\"model_snapshot_retention_days\":30}");
        Response daily = update("{\"daily_model_snapshot_retention_after_days\":31}");
        Response retention = update("{\"model_snapshot_retention_days\":1}");

        assertThat(dailyTooHigh.reason())
                .isEqualTo("The value of daily_model_snapshot_retention_after_days [31] "
                        + "cannot be greater than model_snapshot_retention_days [3]");
        assertThat(daily.reason())
                .isEqualTo("The value of daily_model_snapshot_retention_after_days [31] cannot be "
                        + "greater than model_snapshot_retention_days [30]");
        assertThat(retention.reason())
                .isEqualTo("The value of daily_model_snapshot_retention_after_days [2] cannot "
                        + "be greater than model_snapshot_retention_days [1]");
    }

    @Test
    void allJobsCannotBeUpdated() {
        Response response = api.post("/_ml/anomaly_detectors/_all/_update", "{\"description\":\"Can't update all\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.reason()).isEqualTo("Cannot update more than 1 job at a time");
    }

    @Test
    void groupNamedLikeAJobIsRejected() {
        api.putJob("job-crud-update-group-name-clash", JobBodies.countJob());

        Response response = update("{\"groups\":[\"job-crud-update-group-name-clash\"]}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorType()).isEqualTo("resource_already_exists_exception");
        assertThat(response.reason()).startsWith("job and group names must be unique");
    }

    @Test
    void invalidUpdatesAreRejected() {
        Response unknownJob = api.post("/_ml/anomaly_detectors/missing/_update", "{\"description\":\"x\"}");
        Response outOfRange = update("{\"detectors\":[{\"detector_index\":2,\"description\":\"x\"}]}");
        Response badRule = update("{\"detectors\":[{\"detector_index\":0,\"custom_rules\":[{}]}]}");
        Response notUpdatable = update("{\"bucket_span\":\"1h\"}");
        Response inconsistent = update("{\"job_id\":\"other\"}");

        assertThat(unknownJob.status()).isEqualTo(404);
        assertThat(outOfRange.reason()).isEqualTo("Supplied detector_index [2] is >= the number of detectors [2]");
        assertThat(badRule.reason()).isEqualTo("Invalid detector rule: at least scope or a condition is required");
        assertThat(notUpdatable.reason()).isEqualTo("[1:2] [job_update] unknown field [bucket_span]");
        assertThat(inconsistent.reason()).startsWith("Inconsistent job_id; 'other'");
        assertThat(events.updated).isEmpty();
    }

    @Test
    void emptyRulesRemoveTheRules() {
        update("{\"detectors\":[{\"detector_index\":0,\"custom_rules\":[{\"conditions\":[{\"applies_to\":"
                + "\"actual\",\"operator\":\"gt\",\"value\":10}]}]}]}");

        Response response = update("{\"detectors\":[{\"detector_index\":0,\"custom_rules\":[]}]}");

        assertThat(response.body().at("/analysis_config/detectors/0").has("custom_rules"))
                .isFalse();
    }
}
