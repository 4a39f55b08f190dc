package io.vigil.results;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client of the results API for tests, on the service's random port. */
public final class ResultsApi {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;

    public ResultsApi(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** A response: its status, its body as JSON and as text. */
    public record Response(int status, JsonNode json, String text) {

        /** Returns {@code error.type} of an error response. */
        public String errorType() {
            return json.path("error").path("type").asString();
        }

        /** Returns {@code error.reason} of an error response. */
        public String errorReason() {
            return json.path("error").path("reason").asString();
        }
    }

    public Response get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET());
    }

    /** Sends a GET with a JSON body, which Elasticsearch clients do. */
    public Response get(String pathAndQuery, String body) {
        return send(request(pathAndQuery, body).method("GET", HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response post(String pathAndQuery, String body) {
        return send(request(pathAndQuery, body).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response put(String pathAndQuery, String body) {
        return send(request(pathAndQuery, body).PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response postNoBody(String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** Imports newline-delimited documents into {@code jobId}. */
    public Response importResults(String jobId, List<String> lines) {
        String body = String.join("\n", lines) + "\n";
        return send(HttpRequest.newBuilder(URI.create(base + "/_ml/anomaly_detectors/" + jobId + "/results/_import"))
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Imports a fixture file from the test resources folder {@code results/}. */
    public Response importFixture(String jobId, String fixture) {
        try (InputStream in = ResultsApi.class.getResourceAsStream("/results/" + fixture)) {
            if (in == null) {
                throw new IllegalArgumentException("No test resource results/" + fixture);
            }
            return importResults(jobId, List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpRequest.Builder request(String pathAndQuery, String body) {
        return HttpRequest.newBuilder(URI.create(base + pathAndQuery)).header("Content-Type", "application/json");
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            JsonNode json = text.isEmpty() ? MAPPER.missingNode() : MAPPER.readTree(text);
            return new Response(response.statusCode(), json, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
