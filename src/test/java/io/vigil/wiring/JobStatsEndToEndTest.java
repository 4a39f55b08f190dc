package io.vigil.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Job statistics written by the job processor with the real detection engine and read by the job API, checked only
 * through HTTP, after the job statistics examples of Elasticsearch's REST tests. The third record falls in the
 * second bucket, so data finalizes the first.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JobStatsEndToEndTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final String JOB_BODY = """
            {"analysis_config":{"bucket_span":"1h","detectors":[{"function":"mean","field_name":"responsetime",
              "by_field_name":"airline"}]},
             "data_description":{"time_field":"time","time_format":"epoch"}}""";
    private static final String THREE_RECORDS = """
            {"airline":"AAL","responsetime":"132.2046","time":"1403481600"}
            {"airline":"JZA","responsetime":"990.4628","time":"1403481600"}
            {"airline":"JBU","responsetime":"877.5927","time":"1403485300"}
            """;

    private final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void openJobReportsCountsNodeAndTiming() throws Exception {
        String job = "/_ml/anomaly_detectors/stats-end-to-end";
        assertThat(send("PUT", job, JOB_BODY, "application/json").statusCode()).isEqualTo(200);
        JsonNode opened = json(send("POST", job + "/_open", null, null));
        assertThat(send("POST", job + "/_data", THREE_RECORDS, "application/x-ndjson")
                        .statusCode())
                .isEqualTo(200);
        assertThat(send("POST", job + "/_flush", null, null).statusCode()).isEqualTo(200);

        JsonNode stats = stats(job);

        assertThat(stats.at("/data_counts/processed_record_count").asLong()).isEqualTo(3);
        assertThat(stats.at("/data_counts/processed_field_count").asLong()).isEqualTo(6);
        assertThat(stats.at("/data_counts/input_field_count").asLong()).isEqualTo(6);
        assertThat(stats.at("/data_counts/earliest_record_timestamp").asLong()).isEqualTo(1403481600000L);
        assertThat(stats.at("/data_counts/latest_record_timestamp").asLong()).isEqualTo(1403485300000L);
        assertThat(stats.path("state").asString()).isEqualTo("opened");
        assertThat(stats.at("/node/id").asString())
                .isEqualTo(opened.path("node").asString());
        assertThat(stats.at("/node/transport_address").asString()).isEqualTo("127.0.0.1:" + port);
        assertThat(stats.path("open_time").asString()).matches("\\d+s");
        assertThat(stats.at("/timing_stats/bucket_count").asLong()).isEqualTo(1);
        assertThat(stats.at("/timing_stats/minimum_bucket_processing_time_ms").asDouble())
                .isGreaterThanOrEqualTo(0);
        assertThat(stats.at("/timing_stats/maximum_bucket_processing_time_ms").asDouble())
                .isGreaterThanOrEqualTo(0);
        assertThat(stats.at("/timing_stats/average_bucket_processing_time_ms").asDouble())
                .isGreaterThanOrEqualTo(0);
        assertThat(stats.at("/timing_stats/exponential_average_bucket_processing_time_ms")
                        .isNumber())
                .isTrue();
        assertThat(stats.at("/model_size_stats/total_by_field_count").asLong()).isEqualTo(3);
    }

    @Test
    void closedJobHasModelBytesAndNoNode() throws Exception {
        String job = "/_ml/anomaly_detectors/stats-end-to-end-closed";
        assertThat(send("PUT", job, JOB_BODY, "application/json").statusCode()).isEqualTo(200);
        assertThat(send("POST", job + "/_open", null, null).statusCode()).isEqualTo(200);
        assertThat(send("POST", job + "/_data", THREE_RECORDS, "application/x-ndjson")
                        .statusCode())
                .isEqualTo(200);
        assertThat(send("POST", job + "/_close", null, null).statusCode()).isEqualTo(200);

        JsonNode stats = stats(job);

        assertThat(stats.path("state").asString()).isEqualTo("closed");
        assertThat(stats.has("node")).isFalse();
        assertThat(stats.has("open_time")).isFalse();
        assertThat(stats.at("/model_size_stats/model_bytes").asLong()).isGreaterThan(0);
        assertThat(stats.at("/timing_stats/bucket_count").asLong()).isEqualTo(2);
        assertThat(stats.at("/data_counts/bucket_count").asLong()).isEqualTo(2);
    }

    @Test
    void openJobWithoutDataHasZeroCounts() throws Exception {
        String job = "/_ml/anomaly_detectors/stats-end-to-end-empty";
        assertThat(send("PUT", job, JOB_BODY, "application/json").statusCode()).isEqualTo(200);
        assertThat(send("POST", job + "/_open", null, null).statusCode()).isEqualTo(200);

        JsonNode stats = stats(job);

        assertThat(stats.path("state").asString()).isEqualTo("opened");
        assertThat(stats.at("/data_counts/processed_record_count").asLong()).isZero();
        assertThat(stats.at("/timing_stats/bucket_count").asLong()).isZero();
        assertThat(stats.at("/timing_stats/total_bucket_processing_time_ms").asDouble())
                .isZero();
        assertThat(stats.path("timing_stats").has("minimum_bucket_processing_time_ms"))
                .isFalse();
        assertThat(stats.path("timing_stats").has("maximum_bucket_processing_time_ms"))
                .isFalse();
        assertThat(stats.path("timing_stats").has("average_bucket_processing_time_ms"))
                .isFalse();
        assertThat(send("POST", job + "/_close", null, null).statusCode()).isEqualTo(200);
    }

    private JsonNode stats(String job) throws Exception {
        JsonNode response = json(send("GET", job + "/_stats", null, null));
        assertThat(response.path("count").asLong()).isEqualTo(1);
        return response.path("jobs").path(0);
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
