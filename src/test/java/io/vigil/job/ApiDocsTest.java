package io.vigil.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ApiDocsTest extends JobApiTest {

    /** The parameters that every endpoint accepts, documented once for all. */
    private static final List<String> GLOBAL = List.of("pretty", "filter_path", "format", "error_trace");

    private static List<String> parameters(JsonNode operation) {
        List<String> names = new ArrayList<>();
        operation
                .path("parameters")
                .forEach(parameter -> names.add(parameter.path("name").asString()));
        return names;
    }

    @Test
    void everyEndpointIsDocumentedWithItsParameters() {
        JsonNode paths = api.get("/v3/api-docs").body().path("paths");
        Map<String, List<String>> expected = Map.ofEntries(
                Map.entry("put /_ml/anomaly_detectors/{job_id}", List.of("job_id")),
                Map.entry("get /_ml/anomaly_detectors", List.of("allow_no_match", "exclude_generated")),
                Map.entry(
                        "get /_ml/anomaly_detectors/{job_id}",
                        List.of("job_id", "allow_no_match", "exclude_generated")),
                Map.entry(
                        "delete /_ml/anomaly_detectors/{job_id}",
                        List.of("job_id", "force", "wait_for_completion", "delete_user_annotations")),
                Map.entry("post /_ml/anomaly_detectors/{job_id}/_update", List.of("job_id")),
                Map.entry("get /_ml/anomaly_detectors/_stats", List.of("allow_no_match")),
                Map.entry("get /_ml/anomaly_detectors/{job_id}/_stats", List.of("job_id", "allow_no_match")),
                Map.entry("get /_ml/info", List.of()),
                Map.entry("put /_ml/filters/{filter_id}", List.of("filter_id")),
                Map.entry("get /_ml/filters", List.of("from", "size")),
                Map.entry("get /_ml/filters/{filter_id}", List.of("filter_id")),
                Map.entry("delete /_ml/filters/{filter_id}", List.of("filter_id")),
                Map.entry("post /_ml/filters/{filter_id}/_update", List.of("filter_id")));

        expected.forEach((endpoint, names) -> {
            String[] methodAndPath = endpoint.split(" ");
            JsonNode operation = paths.path(methodAndPath[1]).path(methodAndPath[0]);
            assertThat(operation.isObject()).as(endpoint).isTrue();
            List<String> withGlobal = new ArrayList<>(names);
            withGlobal.addAll(GLOBAL);
            assertThat(parameters(operation)).as(endpoint).containsExactlyInAnyOrderElementsOf(withGlobal);
            assertThat(operation
                            .at("/responses/200/content/application~1json/schema")
                            .isObject())
                    .as(endpoint)
                    .isTrue();
        });
    }

    @Test
    void schemasUseTheWireNames() {
        JsonNode schemas = api.get("/v3/api-docs").body().at("/components/schemas");

        assertThat(schemas.at("/Job/properties").has("analysis_config")).isTrue();
        assertThat(schemas.at("/Job/properties").has("analysisConfig")).isFalse();
        assertThat(schemas.at("/Detector/properties").has("detector_description"))
                .isTrue();
        assertThat(schemas.at("/JobStats/properties").has("timing_stats")).isTrue();
        assertThat(schemas.at("/JobUpdate/properties").has("model_snapshot_retention_days"))
                .isTrue();
        assertThat(schemas.at("/ErrorResponse/properties").has("error")).isTrue();
        assertThat(schemas.at("/Error/properties").has("root_cause")).isTrue();
        assertThat(schemas.at("/JobStats/properties/state/enum").toString())
                .isEqualTo("[\"opening\",\"opened\",\"closing\",\"closed\",\"failed\"]");
    }
}
