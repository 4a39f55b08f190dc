package io.vigil.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Results that ingestion wrote with the real engine, read back and imported into a second job, read the same, and
 * the exact {@code count} that the results endpoints keep per job agrees with counting the rows, after interim
 * results were replaced by final ones.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IngestedAndImportedResultsTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final String INGESTED = "/_ml/anomaly_detectors/ingested-results";
    private static final String IMPORTED = "/_ml/anomaly_detectors/imported-results";
    private static final String JOB_BODY = """
            {"analysis_config":{"bucket_span":"15m","detectors":[{"function":"mean","field_name":"bytes",
              "by_field_name":"host"}],"influencers":["host"]},
             "data_description":{"time_field":"time","time_format":"epoch_ms"}}""";
    private static final long START_MS = 1_700_000_100_000L / 900_000 * 900_000;
    private static final int STEPS = 2016;
    private static final int SPIKE_STEP = 1900;

    private final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @BeforeAll
    void ingestWithInterimResults() throws Exception {
        expectOk(send("PUT", INGESTED, JOB_BODY, "application/json"));
        expectOk(send("POST", INGESTED + "/_open", null, null));
        expectOk(send("POST", INGESTED + "/_data", traffic(0, SPIKE_STEP + 1), "application/x-ndjson"));
        expectOk(send("POST", INGESTED + "/_flush?calc_interim=true", null, null));
        expectOk(send("POST", INGESTED + "/_data", traffic(SPIKE_STEP + 1, STEPS), "application/x-ndjson"));
        expectOk(send("POST", INGESTED + "/_close", null, null));
    }

    @Test
    void countsMatchCountedRows() throws Exception {
        for (String type : List.of("buckets", "records", "influencers")) {
            long kept = json(send("GET", INGESTED + "/results/" + type + "?size=1", null, null))
                    .path("count")
                    .asLong();
            long counted = json(send("GET", INGESTED + "/results/" + type + "?size=1&start=0", null, null))
                    .path("count")
                    .asLong();
            long finalOnly = json(send(
                            "GET", INGESTED + "/results/" + type + "?size=1&exclude_interim=true", null, null))
                    .path("count")
                    .asLong();

            assertThat(kept).as(type).isPositive();
            assertThat(kept).as(type).isEqualTo(counted);
            assertThat(finalOnly).as(type).isEqualTo(kept);
        }
    }

    @Test
    void importedResultsReadLikeIngestedOnes() throws Exception {
        expectOk(send("PUT", IMPORTED, JOB_BODY, "application/json"));
        List<String> types = List.of("buckets", "records", "influencers");
        StringBuilder ndjson = new StringBuilder();
        for (String type : types) {
            for (JsonNode result : json(send("GET", INGESTED + "/results/" + type + "?size=10000", null, null))
                    .path(type)) {
                ndjson.append(MAPPER.writeValueAsString(strip(result.deepCopy())))
                        .append('\n');
            }
        }

        JsonNode stored = json(send("POST", IMPORTED + "/results/_import", ndjson.toString(), "application/x-ndjson"));

        assertThat(stored.path("records").asLong()).isPositive();
        for (String type : types) {
            List<JsonNode> ingested = withoutJobAndScoringTime(INGESTED, type);
            List<JsonNode> imported = withoutJobAndScoringTime(IMPORTED, type);
            assertThat(imported).as(type).hasSize(ingested.size());
            assertThat(imported).as(type).isEqualTo(ingested);
        }
    }

    private List<JsonNode> withoutJobAndScoringTime(String job, String type) throws Exception {
        List<JsonNode> results = new ArrayList<>();
        String query = "?size=10000&sort=timestamp&desc=false" + (type.equals("buckets") ? "&expand=true" : "");
        for (JsonNode result :
                json(send("GET", job + "/results/" + type + query, null, null)).path(type)) {
            results.add(strip(result.deepCopy()));
        }
        return results;
    }

    private static JsonNode strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove("job_id");
            object.remove("scored_at");
            object.properties().forEach(field -> strip(field.getValue()));
        } else if (node.isArray()) {
            node.forEach(IngestedAndImportedResultsTest::strip);
        }
        return node;
    }

    /** Returns NDJSON for steps [from, to): three hosts every 5 minutes, one spike of host-1 at the spike step. */
    private static String traffic(int from, int to) {
        StringBuilder body = new StringBuilder();
        for (int step = from; step < to; step++) {
            for (int host = 0; host < 3; host++) {
                long bytes = step == SPIKE_STEP && host == 1 ? 900 : 100 + (step * 7L + host * 13L) % 20;
                body.append("{\"time\":")
                        .append(START_MS + step * 300_000L)
                        .append(",\"host\":\"host-")
                        .append(host)
                        .append("\",\"bytes\":")
                        .append(bytes)
                        .append("}\n");
            }
        }
        return body.toString();
    }

    private static JsonNode json(HttpResponse<String> response) {
        expectOk(response);
        return MAPPER.readTree(response.body());
    }

    private static void expectOk(HttpResponse<String> response) {
        assertThat(response.statusCode())
                .as(response.request().uri() + ": " + response.body())
                .isEqualTo(200);
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
