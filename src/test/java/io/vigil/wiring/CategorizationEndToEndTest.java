package io.vigil.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@code count by mlcategory} job with the real detection engine, driven only through the HTTP API: messages are
 * categorized as they arrive, categories are served with grok patterns, and a burst of one category becomes the
 * top record with the category id as its {@code by_field_value}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CategorizationEndToEndTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final String JOB = "/_ml/anomaly_detectors/categorize-end-to-end";
    private static final long HOUR = 3_600_000;
    private static final long H0 = 1_700_002_800_000L / HOUR * HOUR;
    private static final int HOURS = 120;
    private static final int BURST_HOUR = 110;

    private final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void burstOfOneCategoryBecomesTopRecord() throws Exception {
        HttpResponse<String> created = send("PUT", JOB, """
                {"analysis_config":{"bucket_span":"1h","categorization_field_name":"message",
                  "detectors":[{"function":"count","by_field_name":"mlcategory"}]},
                 "data_description":{"time_field":"time","time_format":"epoch_ms"}}""", "application/json");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        HttpResponse<String> opened = send("POST", JOB + "/_open", null, null);
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);

        long messages = 0;
        for (int hour = 0; hour < HOURS; hour++) {
            StringBuilder body = new StringBuilder();
            long time = H0 + hour * HOUR;
            for (int i = 0; i < 6; i++) {
                messages += append(body, time + i * 1000, "Node node-" + (hour * 6 + i) + " started in 35 ms");
            }
            for (int i = 0; i < 4; i++) {
                messages +=
                        append(body, time + 10_000 + i * 1000, "User u" + i + " logged in from 10.0.0." + (hour % 250));
            }
            int disk = hour == BURST_HOUR ? 300 : 1;
            for (int i = 0; i < disk; i++) {
                messages += append(body, time + 30_000 + i, "Disk full on volume sda");
            }
            HttpResponse<String> posted = send("POST", JOB + "/_data", body.toString(), "application/x-ndjson");
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
        }
        assertThat(send("POST", JOB + "/_close", null, null).statusCode()).isEqualTo(200);

        JsonNode categories = json(send("GET", JOB + "/results/categories", null, null));
        Map<String, Long> idByFirstTerm = new HashMap<>();
        for (JsonNode category : categories.path("categories")) {
            assertThat(category.path("grok_pattern").asString())
                    .as(category.toString())
                    .isNotEmpty();
            idByFirstTerm.put(
                    category.path("terms").asString().split(" ")[0],
                    category.path("category_id").asLong());
        }
        long categoryCount = categories.path("count").asLong();
        assertThat(categoryCount).isGreaterThanOrEqualTo(3);
        assertThat(idByFirstTerm).containsKeys("Node", "User", "Disk");

        JsonNode top = json(send("GET", JOB + "/results/records?size=1", null, null))
                .path("records")
                .path(0);
        assertThat(top.path("by_field_name").asString()).isEqualTo("mlcategory");
        assertThat(top.path("by_field_value").asString())
                .as(categories.toString())
                .isEqualTo(String.valueOf(idByFirstTerm.get("Disk")));
        assertThat(top.path("timestamp").asLong()).isEqualTo(H0 + BURST_HOUR * HOUR);
        assertThat(top.path("record_score").asDouble()).isGreaterThan(50);

        JsonNode modelSizeStats = json(send("GET", JOB + "/_stats", null, null))
                .path("jobs")
                .path(0)
                .path("model_size_stats");
        assertThat(modelSizeStats.path("categorized_doc_count").asLong()).isEqualTo(messages);
        assertThat(modelSizeStats.path("total_category_count").asLong()).isEqualTo(categoryCount);
        assertThat(modelSizeStats.path("categorization_status").asString()).isEqualTo("ok");
    }

    private static int append(StringBuilder body, long time, String message) {
        body.append("{\"time\":")
                .append(time)
                .append(",\"message\":\"")
                .append(message)
                .append("\"}\n");
        return 1;
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return MAPPER.readTree(response.body());
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
