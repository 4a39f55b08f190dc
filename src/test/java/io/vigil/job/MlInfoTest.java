package io.vigil.job;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class MlInfoTest extends JobApiTest {

    @Test
    void infoReportsTheDefaultsNewJobsGet() {
        JsonNode info = api.get("/_ml/info").body();
        String categorizing = "{\"analysis_config\":{\"categorization_field_name\":\"message\","
                + "\"detectors\":[{\"function\":\"count\",\"by_field_name\":\"mlcategory\"}]},\"data_description\":{}}";
        JsonNode job = api.putJob("categorizing", categorizing).body();

        JsonNode defaults = info.at("/defaults/anomaly_detectors");
        assertThat(defaults.path("model_memory_limit").asString()).isEqualTo("1gb");
        assertThat(defaults.path("model_snapshot_retention_days").asLong())
                .isEqualTo(job.path("model_snapshot_retention_days").asLong());
        assertThat(defaults.path("daily_model_snapshot_retention_after_days").asLong())
                .isEqualTo(job.path("daily_model_snapshot_retention_after_days").asLong());
        assertThat(defaults.path("categorization_examples_limit").asLong())
                .isEqualTo(
                        job.at("/analysis_limits/categorization_examples_limit").asLong());
        assertThat(defaults.path("categorization_analyzer"))
                .isEqualTo(job.at("/analysis_config/categorization_analyzer"));
        assertThat(defaults.at("/categorization_analyzer/tokenizer").asString()).isEqualTo("ml_standard");
        assertThat(info.path("upgrade_mode").asBoolean()).isFalse();
        assertThat(info.path("limits").isObject()).isTrue();
        assertThat(info.path("limits").size()).isZero();
        assertThat(info.path("version").asString())
                .isEqualTo(job.path("job_version").asString());
    }
}
