package io.vigil.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.job.JobApi.Response;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = "vigil.max-model-memory-limit=9g")
class MaxModelMemoryLimitTest extends JobApiTest {

    @Test
    void limitBelowTheMaximumIsAccepted() {
        Response response =
                api.putJob("below-max", JobBodies.countJobWith("\"analysis_limits\":{\"model_memory_limit\":\"8g\"}"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().at("/analysis_limits/model_memory_limit").asString())
                .isEqualTo("8192mb");
    }

    @Test
    void limitAboveTheMaximumIsRejected() {
        Response response =
                api.putJob("above-max", JobBodies.countJobWith("\"analysis_limits\":{\"model_memory_limit\":\"10g\"}"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.reason())
                .isEqualTo(
                        "model_memory_limit [10gb] must be less than the value of the vigil.max-model-memory-limit setting [9gb]");
    }

    @Test
    void defaultLimitStaysAtOneGigabyte() {
        Response job = api.putJob("default-limit", JobBodies.countJob());
        Response info = api.get("/_ml/info");

        assertThat(job.body().at("/analysis_limits/model_memory_limit").asString())
                .isEqualTo("1024mb");
        assertThat(info.body().at("/limits/max_model_memory_limit").asString()).isEqualTo("9gb");
        assertThat(info.body().at("/limits/effective_max_model_memory_limit").asString())
                .isEqualTo("9gb");
    }
}
