package io.vigil.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The query parameters every endpoint accepts, and the error envelope of requests no endpoint takes. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GlobalParametersTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final String JOB = """
            {"analysis_config":{"bucket_span":"1h","detectors":[{"function":"count"}]},
             "data_description":{"time_field":"time","time_format":"epoch_ms"}}""";

    private final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @BeforeEach
    void createJob() throws Exception {
        send("DELETE", "/_ml/anomaly_detectors/global-params?force=true", null, null);
        HttpResponse<String> created = send("PUT", "/_ml/anomaly_detectors/global-params", JOB, "application/json");
        assertThat(created.statusCode()).isEqualTo(200);
    }

    @Test
    void everyEndpointAcceptsGlobalParameters() throws Exception {
        String global = "pretty=true&human=true&error_trace=true&format=json";
        List<String[]> requests = List.of(
                new String[] {"GET", "/_ml/anomaly_detectors/global-params"},
                new String[] {"GET", "/_ml/anomaly_detectors/global-params/_stats"},
                new String[] {"POST", "/_ml/anomaly_detectors/global-params/_open"},
                new String[] {"POST", "/_ml/anomaly_detectors/global-params/_flush"},
                new String[] {"GET", "/_ml/anomaly_detectors/global-params/model_snapshots"},
                new String[] {"GET", "/_ml/anomaly_detectors/global-params/results/buckets"},
                new String[] {"GET", "/_ml/anomaly_detectors/global-params/results/records"},
                new String[] {"GET", "/_ml/anomaly_detectors/global-params/results/influencers"},
                new String[] {"GET", "/_ml/anomaly_detectors/global-params/results/categories"},
                new String[] {"GET", "/_ml/anomaly_detectors/global-params/results/overall_buckets"},
                new String[] {"POST", "/_ml/anomaly_detectors/global-params/_close"},
                new String[] {"GET", "/_ml/info"},
                new String[] {"GET", "/_ml/filters"});

        for (String[] request : requests) {
            HttpResponse<String> response = send(request[0], request[1] + "?" + global, null, null);

            assertThat(response.statusCode())
                    .as(request[1] + ": " + response.body())
                    .isEqualTo(200);
            assertThat(response.body()).as(request[1]).startsWith("{\n");
        }
    }

    @Test
    void dataAcceptsGlobalParameters() throws Exception {
        send("POST", "/_ml/anomaly_detectors/global-params/_open", null, null);

        HttpResponse<String> response = send(
                "POST",
                "/_ml/anomaly_detectors/global-params/_data?pretty&error_trace=false",
                "{\"time\":1700000000000}\n",
                "application/x-ndjson");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response).path("processed_record_count").asLong()).isEqualTo(1);
    }

    @Test
    void filterPathKeepsListedFields() throws Exception {
        HttpResponse<String> response = send(
                "GET", "/_ml/anomaly_detectors/global-params/_stats?filter_path=jobs.job_id,jobs.state", null, null);

        JsonNode body = json(response);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body.propertyNames()).containsExactly("jobs");
        assertThat(body.path("jobs").get(0).propertyNames()).containsExactly("job_id", "state");
        assertThat(body.path("jobs").get(0).path("state").asString()).isEqualTo("closed");
    }

    @Test
    void filterPathWildcardsMatchNamesAndLevels() throws Exception {
        HttpResponse<String> oneName = send(
                "GET", "/_ml/anomaly_detectors/global-params?filter_path=jobs.analysis_config.bucket_*", null, null);
        HttpResponse<String> anyLevel =
                send("GET", "/_ml/anomaly_detectors/global-params?filter_path=**.function", null, null);

        assertThat(json(oneName).path("jobs").get(0).path("analysis_config").propertyNames())
                .containsExactly("bucket_span");
        assertThat(json(anyLevel)
                        .path("jobs")
                        .get(0)
                        .path("analysis_config")
                        .path("detectors")
                        .get(0)
                        .propertyNames())
                .containsExactly("function");
    }

    @Test
    void invalidGlobalParametersAreRejected() throws Exception {
        HttpResponse<String> exclusion =
                send("GET", "/_ml/anomaly_detectors/global-params?filter_path=-jobs", null, null);
        HttpResponse<String> yaml = send("GET", "/_ml/anomaly_detectors/global-params?format=yaml", null, null);
        HttpResponse<String> badFlag = send("GET", "/_ml/anomaly_detectors/global-params?pretty=yes", null, null);

        assertThat(exclusion.statusCode()).isEqualTo(400);
        assertThat(reason(exclusion)).contains("[filter_path]", "[-jobs]");
        assertThat(yaml.statusCode()).isEqualTo(406);
        assertThat(reason(yaml)).contains("[format]", "[yaml]");
        assertThat(badFlag.statusCode()).isEqualTo(400);
        assertThat(reason(badFlag)).contains("[pretty]", "[yes]");
    }

    @Test
    void unknownParameterIsStillRejected() throws Exception {
        HttpResponse<String> response = send("GET", "/_ml/anomaly_detectors/global-params?prety=true", null, null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(reason(response)).contains("unrecognized parameter", "[prety]");
    }

    @Test
    void badRequestsGetErrorEnvelopes() throws Exception {
        HttpResponse<String> unknownPath = send("GET", "/_ml/anomaly_detectors/global-params/nothing-here", null, null);
        HttpResponse<String> wrongMethod = send("DELETE", "/_ml/anomaly_detectors/global-params/_open", null, null);
        HttpResponse<String> badJson =
                send("PUT", "/_ml/anomaly_detectors/bad-json", "{\"analysis_config\":", "application/json");
        HttpResponse<String> wrongType =
                send("PUT", "/_ml/anomaly_detectors/wrong-type", "analysis_config=1", "text/plain");

        assertThat(unknownPath.statusCode()).isEqualTo(404);
        assertThat(json(unknownPath).path("status").asInt()).isEqualTo(404);
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(json(wrongMethod).path("error").path("type").asString()).isNotEmpty();
        assertThat(reason(unknownPath)).startsWith("no handler found for uri [");
        assertThat(badJson.statusCode()).isEqualTo(400);
        assertThat(json(badJson).path("error").path("root_cause").isArray()).isTrue();
        assertThat(reason(badJson)).startsWith("[1:20] Failed to parse the request body as JSON: ");
        assertThat(reason(badJson)).doesNotContain("Source");
        assertThat(wrongType.statusCode()).isEqualTo(406);
        assertThat(json(wrongType).path("status").asInt()).isEqualTo(406);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return MAPPER.readTree(response.body());
    }

    private static String reason(HttpResponse<String> response) {
        return json(response).path("error").path("reason").asString();
    }

    private HttpResponse<String> send(String method, String path, String body, String contentType)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return client.send(request.build(), BodyHandlers.ofString());
    }
}
