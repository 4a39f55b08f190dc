package io.vigil.bench;

import io.vigil.VigilApplication;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code bin/vigil-bench categorize-ingest [FOLDER] [--passes N]}: streams the messages of every system of a
 * LogHub-style folder through {@code _data} into a {@code count by mlcategory} job, in passes over the messages
 * with 100 messages per 5-minute bucket, and prints messages per second end to end. Near the end it adds a burst
 * of one message, 1,000 copies in one bucket, then checks that categories are served with grok patterns and that
 * the highest-scoring record names the burst's category as its {@code by_field_value}. It starts its own service
 * on a temporary embedded PostgreSQL, and first sends two passes through a second job, untimed, to warm it up. The
 * request bodies are generated before the clock starts.
 */
public final class CategorizeIngestBench {

    private static final String USAGE = "Usage: bin/vigil-bench categorize-ingest [FOLDER] [--passes 5]\n"
            + "FOLDER is laid out like loghub2k (default: loghub2k under the benchmark data folder).";
    private static final String JOB_ID = "bench-categorize";
    private static final long BUCKET_SPAN_MS = 300_000;
    private static final int MESSAGES_PER_BUCKET = 100;
    private static final int BURST_COPIES = 1_000;
    private static final int MESSAGES_PER_REQUEST = 10_000;
    private static final int WARM_UP_PASSES = 2;
    private static final long START_MS = 1_700_000_100_000L / BUCKET_SPAN_MS * BUCKET_SPAN_MS;
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;
    private String jobUrl;

    private CategorizeIngestBench(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public static void main(String[] args) throws Exception {
        Path folder = null;
        int passes = 5;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--help" -> {
                    System.out.println(USAGE);
                    return;
                }
                case "--passes" -> passes = Integer.parseInt(args[++i]);
                default -> folder = Path.of(args[i]);
            }
        }
        if (folder == null) {
            folder = BenchData.find("loghub2k").orElse(null);
            if (folder == null) {
                System.out.println(BenchData.missingMessage("loghub2k"));
                return;
            }
        }
        List<String> messages = messages(folder);
        Path dataDirectory = Files.createTempDirectory("vigil-bench-categorize-");
        ConfigurableApplicationContext service = SpringApplication.run(
                VigilApplication.class,
                "--server.port=0",
                "--vigil.embedded-database.data-directory=" + dataDirectory.resolve("postgres"),
                "--vigil.embedded-database.clean-on-start=true",
                "--vigil.node.id-file=" + dataDirectory.resolve("node-id"),
                "--logging.level.root=WARN");
        try {
            int port = ((WebServerApplicationContext) service).getWebServer().getPort();
            new CategorizeIngestBench("http://127.0.0.1:" + port + "/_ml/anomaly_detectors/").run(messages, passes);
        } finally {
            service.close();
            FileSystemUtils.deleteRecursively(dataDirectory);
        }
    }

    private static List<String> messages(Path folder) throws Exception {
        List<String> messages = new ArrayList<>();
        for (String system : LoghubData.systems(folder)) {
            for (LoghubData.Line line : LoghubData.read(LoghubData.structuredLog(folder, system))) {
                messages.add(line.content());
            }
        }
        return messages;
    }

    private void run(List<String> messages, int passes) throws Exception {
        stream(JOB_ID + "-warm-up", bodies(messages, WARM_UP_PASSES, null));
        String burstMessage = messages.get(messages.size() / 3);
        List<String> bodies = bodies(messages, passes, burstMessage);
        long total = (long) messages.size() * passes;
        long burstBucket = total / MESSAGES_PER_BUCKET - 5;
        jobUrl = baseUrl + JOB_ID;
        long started = System.nanoTime();
        long processorCpuNanos = stream(JOB_ID, bodies);
        double seconds = (System.nanoTime() - started) / 1e9;
        long sent = total + BURST_COPIES;

        JsonNode categories = expect(200, send("GET", "/results/categories?size=10000", null));
        long withGrok = 0;
        long burstCategory = -1;
        for (JsonNode category : categories.path("categories")) {
            if (!category.path("grok_pattern").asString("").isEmpty()) {
                withGrok++;
            }
            for (JsonNode example : category.path("examples")) {
                if (example.asString().equals(burstMessage)) {
                    burstCategory = category.path("category_id").asLong();
                }
            }
        }
        JsonNode top = expect(200, send("GET", "/results/records?size=1", null))
                .path("records")
                .path(0);

        System.out.printf(
                Locale.ROOT,
                "categorize-ingest: %,d messages (%d passes over %,d LogHub lines, %,d per request) through _data "
                        + "in %.2f s: %,.0f messages/s end to end%n",
                sent,
                passes,
                messages.size(),
                MESSAGES_PER_REQUEST,
                seconds,
                sent / seconds);
        System.out.printf(
                Locale.ROOT,
                "job processor thread: %.2f CPU-s for the data requests, %,.0f messages per CPU-second%n",
                processorCpuNanos / 1e9,
                sent / (processorCpuNanos / 1e9));
        System.out.printf(
                Locale.ROOT,
                "categories: %d, %d of them with a grok pattern%n",
                categories.path("count").asLong(),
                withGrok);
        System.out.printf(
                Locale.ROOT,
                "burst of %,d copies of category %d at %d: top record by_field_value=%s, record_score=%.1f, "
                        + "timestamp=%d%n",
                BURST_COPIES,
                burstCategory,
                START_MS + burstBucket * BUCKET_SPAN_MS,
                top.path("by_field_value").asString(),
                top.path("record_score").asDouble(),
                top.path("timestamp").asLong());
        System.out.println("machine: " + MachineInfo.describe());
    }

    /**
     * Returns the NDJSON request bodies of {@code passes} passes over the messages, 100 messages per bucket, with
     * {@code BURST_COPIES} copies of {@code burstMessage} five buckets before the end unless it is null.
     */
    private static List<String> bodies(List<String> messages, int passes, String burstMessage) {
        long total = (long) messages.size() * passes;
        long burstBucket = total / MESSAGES_PER_BUCKET - 5;
        List<String> bodies = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        int inBody = 0;
        for (long i = 0; i < total; i++) {
            long bucket = i / MESSAGES_PER_BUCKET;
            long time = START_MS + bucket * BUCKET_SPAN_MS + (i % MESSAGES_PER_BUCKET) * 1000;
            append(body, time, messages.get((int) (i % messages.size())));
            if (burstMessage != null && bucket == burstBucket && i % MESSAGES_PER_BUCKET == MESSAGES_PER_BUCKET - 1) {
                for (int copy = 0; copy < BURST_COPIES; copy++) {
                    append(body, time, burstMessage);
                }
                inBody += BURST_COPIES;
            }
            if (++inBody >= MESSAGES_PER_REQUEST) {
                bodies.add(body.toString());
                body.setLength(0);
                inBody = 0;
            }
        }
        if (!body.isEmpty()) {
            bodies.add(body.toString());
        }
        return bodies;
    }

    /**
     * Creates and opens a job, posts the bodies and closes it. Returns the CPU time that the job's processor thread
     * used for the data requests.
     */
    private long stream(String jobId, List<String> bodies) throws Exception {
        jobUrl = baseUrl + jobId;
        expect(200, send("PUT", "", """
                {"analysis_config":{"bucket_span":"5m","categorization_field_name":"message",
                  "detectors":[{"function":"count","by_field_name":"mlcategory"}]},
                 "data_description":{"time_field":"time","time_format":"epoch_ms"}}"""));
        expect(200, send("POST", "/_open", null));
        for (String body : bodies) {
            postData(body);
        }
        long processorCpuNanos = processorCpuNanos("vigil-job-" + jobId);
        expect(200, send("POST", "/_close", null));
        return processorCpuNanos;
    }

    private static long processorCpuNanos(String threadName) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().equals(threadName)) {
                return threads.getThreadCpuTime(info.getThreadId());
            }
        }
        return 0;
    }

    private static void append(StringBuilder body, long time, String message) {
        ObjectNode record = MAPPER.createObjectNode();
        record.put("time", time);
        record.put("message", message);
        body.append(MAPPER.writeValueAsString(record)).append('\n');
    }

    private void postData(String body) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(jobUrl + "/_data"))
                        .header("Content-Type", "application/x-ndjson")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        expect(200, response);
    }

    private HttpResponse<String> send(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(jobUrl + path))
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " "
                    + response.request().uri() + " returned " + response.statusCode() + ": " + response.body());
        }
        return MAPPER.readTree(response.body());
    }
}
