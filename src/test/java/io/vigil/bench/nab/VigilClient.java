package io.vigil.bench.nab;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Client of the job and results endpoints of Vigil's HTTP API, which follows Elasticsearch ML's anomaly detection
 * API ({@code /_ml/anomaly_detectors/...}). Each call raises {@link IllegalStateException} with the status and the
 * response body when the service returns an error status.
 */
final class VigilClient {

    /** The largest page the results endpoints return. */
    static final int MAX_PAGE_SIZE = 10_000;

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** Closing a job finalizes its last buckets and posting a chunk analyses it, so both may take a while. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(10);

    private static final int MAX_ERROR_BODY_CHARS = 1_000;

    private final URI baseUrl;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();

    VigilClient(URI baseUrl) {
        String text = baseUrl.toString();
        this.baseUrl = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .build();
    }

    URI baseUrl() {
        return baseUrl;
    }

    JsonMapper json() {
        return json;
    }

    /** Returns whether {@code /actuator/health} reports status UP, and false while the service cannot be reached. */
    boolean isHealthy() throws InterruptedException {
        try {
            HttpResponse<String> response = http.send(
                    request("/actuator/health").GET().timeout(CONNECT_TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200
                    && json.readTree(response.body())
                            .path("status")
                            .asString("")
                            .equals("UP");
        } catch (IOException e) {
            return false;
        }
    }

    /** Returns whether a job of that id exists ({@code GET /_ml/anomaly_detectors/<job_id>}). */
    boolean jobExists(String jobId) throws IOException, InterruptedException {
        HttpResponse<String> response = send(request(jobPath(jobId)).GET().build());
        if (response.statusCode() == 404) {
            return false;
        }
        checkSuccess("GET", jobPath(jobId), response);
        return true;
    }

    /** Creates a job from its configuration in the API's JSON shape. */
    void putJob(String jobId, String configJson) throws IOException, InterruptedException {
        sendJson("PUT", jobPath(jobId), configJson);
    }

    void openJob(String jobId) throws IOException, InterruptedException {
        sendJson("POST", jobPath(jobId) + "/_open", "{}");
    }

    /** Closes a job, which finalizes and writes its last buckets. */
    void closeJob(String jobId, boolean force) throws IOException, InterruptedException {
        sendJson("POST", jobPath(jobId) + "/_close" + (force ? "?force=true" : ""), "{}");
    }

    /** Deletes a job and its results; {@code force} also deletes an open job. */
    void deleteJob(String jobId, boolean force) throws IOException, InterruptedException {
        String path = jobPath(jobId) + (force ? "?force=true" : "");
        HttpResponse<String> response = send(request(path).DELETE().build());
        checkSuccess("DELETE", path, response);
    }

    /**
     * Posts records to an open job and returns the data counts of this request.
     *
     * @param contentType {@code application/x-ndjson}, {@code application/json} or {@code text/csv}
     */
    JsonNode postData(String jobId, String contentType, byte[] body) throws IOException, InterruptedException {
        String path = jobPath(jobId) + "/_data";
        HttpRequest request = request(path)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return json.readTree(checkSuccess("POST", path, send(request)).body());
    }

    /** Returns every final bucket of a job in time order, reading pages of up to {@value #MAX_PAGE_SIZE} by time. */
    List<BucketScore> allBuckets(String jobId) throws IOException, InterruptedException {
        List<BucketScore> buckets = new ArrayList<>();
        long start = Long.MIN_VALUE;
        while (true) {
            String query =
                    "exclude_interim=true&size=" + MAX_PAGE_SIZE + (start == Long.MIN_VALUE ? "" : "&start=" + start);
            List<BucketScore> page = bucketsPage(jobId, query);
            buckets.addAll(page);
            if (page.size() < MAX_PAGE_SIZE) {
                return buckets;
            }
            start = page.get(page.size() - 1).timestampMillis() + 1;
        }
    }

    /** Returns the {@code size} buckets with the highest {@code anomaly_score}, highest first. */
    List<BucketScore> topBuckets(String jobId, int size) throws IOException, InterruptedException {
        return bucketsPage(jobId, "sort=anomaly_score&desc=true&exclude_interim=true&size=" + size);
    }

    private List<BucketScore> bucketsPage(String jobId, String query) throws IOException, InterruptedException {
        String path = jobPath(jobId) + "/results/buckets?" + query;
        JsonNode body = json.readTree(
                checkSuccess("GET", path, send(request(path).GET().build())).body());
        List<BucketScore> page = new ArrayList<>();
        for (JsonNode bucket : body.path("buckets")) {
            page.add(new BucketScore(
                    bucket.path("timestamp").asLong(),
                    bucket.path("initial_anomaly_score").asDouble(),
                    bucket.path("anomaly_score").asDouble()));
        }
        return page;
    }

    private void sendJson(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest request = request(path)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build();
        checkSuccess(method, path, send(request));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(REQUEST_TIMEOUT);
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> checkSuccess(String method, String path, HttpResponse<String> response) {
        if (response.statusCode() / 100 != 2) {
            String body = response.body();
            if (body.length() > MAX_ERROR_BODY_CHARS) {
                body = body.substring(0, MAX_ERROR_BODY_CHARS) + "...";
            }
            throw new IllegalStateException(
                    method + " " + path + " failed with HTTP " + response.statusCode() + ": " + body);
        }
        return response;
    }

    private static String jobPath(String jobId) {
        return "/_ml/anomaly_detectors/" + URLEncoder.encode(jobId, StandardCharsets.UTF_8);
    }
}
