package io.vigil.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.job.JobApi.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class JobCrudTest extends JobApiTest {

    @Test
    void createGetAndDeleteJob() {
        Response created = api.putJob("job-crud-test-apis", JobBodies.responseTimeByAirline());

        assertThat(created.status()).isEqualTo(200);
        assertThat(created.body().path("job_id").asString()).isEqualTo("job-crud-test-apis");
        assertThat(created.body().at("/analysis_limits/model_memory_limit").asString())
                .isEqualTo("1024mb");
        assertThat(created.body()
                        .at("/analysis_limits/categorization_examples_limit")
                        .asLong())
                .isEqualTo(4);

        Response got = api.get("/_ml/anomaly_detectors/job-crud-test-apis");
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.body().path("count").asLong()).isEqualTo(1);
        assertThat(got.body().at("/jobs/0/job_id").asString()).isEqualTo("job-crud-test-apis");
        assertThat(got.body().at("/jobs/0/analysis_limits/model_memory_limit").asString())
                .isEqualTo("1024mb");
        assertThat(got.body().at("/jobs/0")).isEqualTo(created.body());

        Response deleted = api.delete("/_ml/anomaly_detectors/job-crud-test-apis");
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body().path("acknowledged").asBoolean()).isTrue();
        assertThat(api.get("/_ml/anomaly_detectors/job-crud-test-apis").status())
                .isEqualTo(404);
    }

    @Test
    void createAppliesDefaults() {
        long before = System.currentTimeMillis();

        JsonNode job = api.putJob("defaults", JobBodies.countJob()).body();

        assertThat(job.path("job_type").asString()).isEqualTo("anomaly_detector");
        assertThat(job.path("job_version").asString()).isNotBlank();
        assertThat(job.path("create_time").asLong()).isBetween(before, System.currentTimeMillis());
        assertThat(job.has("finished_time")).isFalse();
        assertThat(job.has("groups")).isFalse();
        assertThat(job.at("/analysis_config/bucket_span").asString()).isEqualTo("5m");
        assertThat(job.at("/analysis_config/influencers").isArray()).isTrue();
        assertThat(job.at("/analysis_config/influencers").size()).isZero();
        assertThat(job.at("/analysis_config/detectors/0/detector_description").asString())
                .isEqualTo("count");
        assertThat(job.at("/analysis_config/detectors/0/detector_index").asInt())
                .isZero();
        assertThat(job.at("/data_description/time_field").asString()).isEqualTo("time");
        assertThat(job.at("/data_description/time_format").asString()).isEqualTo("epoch_ms");
        assertThat(job.at("/data_description").has("format")).isFalse();
        assertThat(job.path("model_snapshot_retention_days").asLong()).isEqualTo(10);
        assertThat(job.path("daily_model_snapshot_retention_after_days").asLong())
                .isEqualTo(1);
        assertThat(job.path("results_index_name").asString()).isEqualTo("shared");
        assertThat(job.path("allow_lazy_open").asBoolean()).isFalse();
    }

    @Test
    void modelMemoryLimitIsNormalizedToMegabytes() {
        Response number =
                api.putJob("mml-number", JobBodies.countJobWith("\"analysis_limits\":{\"model_memory_limit\":2048}"));
        Response gigabytes = api.putJob(
                "mml-string", JobBodies.countJobWith("\"analysis_limits\":{\"model_memory_limit\":\"3000g\"}"));
        Response kilobytes = api.putJob(
                "mml-kb", JobBodies.countJobWith("\"analysis_limits\":{\"model_memory_limit\":\"20480KB\"}"));

        assertThat(number.body().at("/analysis_limits/model_memory_limit").asString())
                .isEqualTo("2048mb");
        assertThat(gigabytes.body().at("/analysis_limits/model_memory_limit").asString())
                .isEqualTo("3072000mb");
        assertThat(kilobytes.body().at("/analysis_limits/model_memory_limit").asString())
                .isEqualTo("20mb");
    }

    @Test
    void modelMemoryLimitBelowOneMegabyteIsRejected() {
        Response zero =
                api.putJob("mml-zero", JobBodies.countJobWith("\"analysis_limits\":{\"model_memory_limit\":0}"));
        Response tiny = api.putJob(
                "mml-tiny", JobBodies.countJobWith("\"analysis_limits\":{\"model_memory_limit\":\"1000kb\"}"));
        Response noUnit =
                api.putJob("mml-unit", JobBodies.countJobWith("\"analysis_limits\":{\"model_memory_limit\":\"100\"}"));

        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.reason()).isEqualTo("model_memory_limit must be at least 1 MiB. Value = 0");
        assertThat(tiny.reason()).isEqualTo("model_memory_limit must be at least 1 MiB. Value = 0");
        assertThat(noUnit.status()).isEqualTo(400);
        assertThat(noUnit.reason())
                .startsWith("failed to parse setting [model_memory_limit] with value [100] as a "
                        + "size in bytes: unit is missing or unrecognized");
    }

    @Test
    void categorizationExamplesLimitCannotBeNegative() {
        Response response = api.putJob(
                "examples", JobBodies.countJobWith("\"analysis_limits\":{\"categorization_examples_limit\":-1}"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.reason()).isEqualTo("categorization_examples_limit cannot be less than 0. Value = -1");
    }

    @Test
    void unknownJobIsNotFound() {
        Response response = api.get("/_ml/anomaly_detectors/non-existing");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.errorType()).isEqualTo("resource_not_found_exception");
        assertThat(response.reason()).isEqualTo("No known job with id 'non-existing'");
    }

    @Test
    void inconsistentBodyIdIsRejected() {
        String body = JobBodies.responseTimeByAirline().replaceFirst("\\{", "{\"job_id\":\"a_different_id\",");

        Response response = api.putJob("an_id", body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorType()).isEqualTo("illegal_argument_exception");
        assertThat(response.reason())
                .isEqualTo("Inconsistent job_id; 'a_different_id' specified in the body differs "
                        + "from 'an_id' specified as a URL argument");
    }

    @Test
    void duplicateIdIsRejected() {
        String body =
                JobBodies.responseTimeByAirline().replaceFirst("\\{", "{\"job_id\":\"jobs-crud-id-already-taken\",");
        assertThat(api.putJob("jobs-crud-id-already-taken", body).status()).isEqualTo(200);

        Response again = api.putJob("jobs-crud-id-already-taken", body);

        assertThat(again.status()).isEqualTo(400);
        assertThat(again.errorType()).isEqualTo("resource_already_exists_exception");
        assertThat(again.reason())
                .isEqualTo(
                        "The job cannot be created with the Id 'jobs-crud-id-already-taken'. The Id is already used.");
    }

    @Test
    void unknownFieldIsRejectedWithItsPosition() {
        Response topLevel = api.putJob("unknown", "{\"foo\":1,\"analysis_config\":{}}");
        Response nested = api.putJob(
                "unknown",
                "{\"analysis_config\":{\n  \"detectors\":[{\"function\":\"count\","
                        + " \"bogus\":true}]},\"data_description\":{}}");

        assertThat(topLevel.status()).isEqualTo(400);
        assertThat(topLevel.errorType()).isEqualTo("x_content_parse_exception");
        assertThat(topLevel.reason()).isEqualTo("[1:2] [job_details] unknown field [foo]");
        assertThat(nested.reason()).isEqualTo("[2:37] [detector] unknown field [bogus]");
    }

    @Test
    void misspelledFieldGetsSuggestion() {
        Response response = api.putJob(
                "misspelled",
                "{\"analysis_config\":{\"bucket_spam\":\"5m\",\"detectors\":[{\"function\":\"count\"}]}}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.reason())
                .isEqualTo("[1:21] [analysis_config] unknown field [bucket_spam] did you mean [bucket_span]?");
    }

    @Test
    void malformedBodiesAreRejected() {
        Response syntax = api.putJob("bad", "{\"analysis_config\": ");
        Response wrongType = api.putJob("bad", JobBodies.countJobWith("\"renormalization_window_days\":\"ten\""));
        Response empty = api.putJob("bad", "");
        Response array = api.putJob("bad", "[]");
        Response stringForList = api.putJob("bad", JobBodies.countJobWith("\"groups\":\"x\""));

        assertThat(syntax.status()).isEqualTo(400);
        assertThat(syntax.errorType()).isEqualTo("x_content_parse_exception");
        assertThat(wrongType.reason())
                .endsWith("[job_details] failed to parse field [renormalization_window_days]: expected a number, got "
                        + "[ten]");
        assertThat(stringForList.reason()).endsWith("failed to parse field [groups]: expected an array, got [x]");
        assertThat(empty.errorType()).isEqualTo("parse_exception");
        assertThat(empty.reason()).isEqualTo("request body is required");
        assertThat(array.reason()).isEqualTo("[1:1] [job_details] request body must be a JSON object");
    }

    @Test
    void unknownQueryParameterIsRejected() {
        api.putJob("params", JobBodies.countJob());

        Response response = api.get("/_ml/anomaly_detectors/params?allow_no_jobs=true");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.reason())
                .isEqualTo("request [/_ml/anomaly_detectors/params] contains unrecognized parameter: [allow_no_jobs]");
    }

    @Test
    void excludeGeneratedLeavesOutGeneratedFields() {
        api.putJob("generated", JobBodies.countJobWith("\"custom_settings\":{\"created_by\":\"ui\",\"team\":\"a\"}"));

        JsonNode job = api.get("/_ml/anomaly_detectors/generated?exclude_generated=true")
                .body()
                .at("/jobs/0");

        assertThat(job.has("create_time")).isFalse();
        assertThat(job.has("job_version")).isFalse();
        assertThat(job.has("job_type")).isFalse();
        assertThat(job.at("/custom_settings").has("created_by")).isFalse();
        assertThat(job.at("/custom_settings/team").asString()).isEqualTo("a");
        api.delete("/_ml/anomaly_detectors/generated");
        assertThat(api.putJob("generated", job.toString()).status()).isEqualTo(200);
    }
}
