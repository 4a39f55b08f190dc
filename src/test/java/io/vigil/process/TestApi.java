package io.vigil.process;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for tests against the service on 127.0.0.1. */
public final class TestApi {

    private final HttpClient client = HttpClient.newHttpClient();
    private final JsonMapper json;
    private final int port;

    public TestApi(JsonMapper json, int port) {
        this.json = json;
        this.port = port;
    }

    /** A status code and the parsed JSON body. */
    public record Response(int status, Map<String, Object> body) {

        @SuppressWarnings("unchecked")
        public <T> T get(String path) {
            Object current = body;
            for (String part : path.split("\\.")) {
                if (current instanceof Map<?, ?> map) {
                    current = map.get(part);
                } else if (current instanceof java.util.List<?> list) {
                    current = list.get(Integer.parseInt(part));
                } else {
                    return null;
                }
            }
            return (T) current;
        }

        public String errorType() {
            return get("error.type");
        }

        public String reason() {
            return get("error.reason");
        }
    }

    public Response post(String path) {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    public Response post(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response postJson(String path, String body) {
        return post(path, "application/json", body);
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    public Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, Object> body = response.body().isEmpty()
                    ? Map.of()
                    : json.readValue(response.body(), new TypeReference<Map<String, Object>>() {});
            return new Response(response.statusCode(), body);
        } catch (IOException e) {
            throw new IllegalStateException("Request to " + request.build().uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
