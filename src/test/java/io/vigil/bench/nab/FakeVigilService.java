package io.vigil.bench.nab;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * In-process stand-in for the job, data and bucket endpoints on 127.0.0.1, for testing the benchmark driver before
 * the real engine exists. It records what it receives and, on close, writes one bucket per bucket span that has
 * data, with {@code initial_anomaly_score} = (bucket number mod 101) and {@code anomaly_score} 0.
 */
final class FakeVigilService implements AutoCloseable {

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpServer server;
    final Map<String, JsonNode> configs = new HashMap<>();
    final List<String> dataContentTypes = new ArrayList<>();
    final List<String> bucketQueries = new ArrayList<>();
    final Map<String, List<Long>> recordTimes = new HashMap<>();
    private final Map<String, TreeMap<Long, Double>> buckets = new HashMap<>();

    FakeVigilService() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/_ml/anomaly_detectors/", this::handle);
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String[] parts = exchange.getRequestURI().getPath().split("/");
            String jobId = parts[3];
            String action = parts.length > 4 ? parts[4] : "";
            String method = exchange.getRequestMethod();
            byte[] body = exchange.getRequestBody().readAllBytes();
            switch (method + " " + action) {
                case "GET " -> respond(exchange, configs.containsKey(jobId) ? 200 : 404, "{}");
                case "PUT " -> {
                    configs.put(jobId, json.readTree(body));
                    respond(exchange, 200, "{}");
                }
                case "DELETE " -> {
                    configs.remove(jobId);
                    recordTimes.remove(jobId);
                    buckets.remove(jobId);
                    respond(exchange, 200, "{\"acknowledged\":true}");
                }
                case "POST _open" -> respond(exchange, 200, "{\"opened\":true}");
                case "POST _data" -> respond(exchange, 200, receiveData(exchange, jobId, body));
                case "POST _close" -> {
                    writeBuckets(jobId);
                    respond(exchange, 200, "{\"closed\":true}");
                }
                case "GET results" -> respond(exchange, 200, bucketsPage(jobId, exchange.getRequestURI()));
                default -> respond(exchange, 400, "{\"error\":\"unexpected " + method + " " + action + "\"}");
            }
        }
    }

    private String receiveData(HttpExchange exchange, String jobId, byte[] body) {
        dataContentTypes.add(exchange.getRequestHeaders().getFirst("Content-Type"));
        String[] lines = new String(body, StandardCharsets.UTF_8).split("\n");
        List<Long> times = recordTimes.computeIfAbsent(jobId, id -> new ArrayList<>());
        for (String line : lines) {
            times.add(NabTimestamps.parseMillis(
                    json.readTree(line).path("timestamp").asString()));
        }
        return "{\"processed_record_count\":" + lines.length + "}";
    }

    private void writeBuckets(String jobId) {
        String span = configs.get(jobId).at("/analysis_config/bucket_span").asString();
        long spanMillis = Long.parseLong(span.substring(0, span.length() - 1)) * 1000;
        TreeMap<Long, Double> written = new TreeMap<>();
        for (long time : recordTimes.get(jobId)) {
            long start = RowScores.bucketStart(time, spanMillis);
            written.put(start, (double) (start / spanMillis % 101));
        }
        buckets.put(jobId, written);
    }

    private String bucketsPage(String jobId, URI uri) {
        bucketQueries.add(uri.getQuery());
        Map<String, String> query = new HashMap<>();
        for (String pair : uri.getQuery().split("&")) {
            String[] keyValue = pair.split("=", 2);
            query.put(keyValue[0], keyValue[1]);
        }
        long start = Long.parseLong(query.getOrDefault("start", String.valueOf(Long.MIN_VALUE)));
        int size = Integer.parseInt(query.getOrDefault("size", "100"));
        ObjectNode page = json.createObjectNode();
        ArrayNode array = page.putArray("buckets");
        for (Map.Entry<Long, Double> bucket :
                buckets.get(jobId).tailMap(start, true).entrySet()) {
            if (array.size() == size) {
                break;
            }
            array.addObject()
                    .put("timestamp", bucket.getKey())
                    .put("anomaly_score", 0.0)
                    .put("initial_anomaly_score", bucket.getValue());
        }
        page.put("count", buckets.get(jobId).tailMap(start, true).size());
        return json.writeValueAsString(page);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
