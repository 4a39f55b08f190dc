package io.vigil.job;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the job API of a service started on a random local port. */
final class JobApi {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    /** A response with its JSON body parsed. */
    record Response(int status, JsonNode body, List<String> warnings) {

        /** Returns {@code error.reason} of an error response. */
        String reason() {
            return body.path("error").path("reason").asString();
        }

        /** Returns {@code error.type} of an error response. */
        String errorType() {
            return body.path("error").path("type").asString();
        }
    }

    private final HttpClient client = HttpClient.newHttpClient();
    private final String baseUrl;

    JobApi(int port) {
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    Response put(String path, String json) {
        return send(withJson(path).PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    Response post(String path, String json) {
        return send(withJson(path).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Response delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    /** Creates a job and returns the response, which the caller checks. */
    Response putJob(String jobId, String json) {
        return put("/_ml/anomaly_detectors/" + jobId, json);
    }

    private HttpRequest.Builder withJson(String path) {
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json");
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), BodyHandlers.ofString());
            JsonNode body = response.body().isEmpty() ? MAPPER.nullNode() : MAPPER.readTree(response.body());
            return new Response(response.statusCode(), body, response.headers().allValues("Warning"));
        } catch (IOException e) {
            throw new IllegalStateException("Request to the test service failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the test service", e);
        }
    }
}
