package io.vigil.bench;

import io.vigil.VigilApplication;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * {@code bin/vigil-bench records-query}: loads a job with synthetic records through {@code results/_import}, then
 * has concurrent HTTP clients request the first page of 100 records by {@code record_score} with its exact
 * {@code count}, and prints the latency percentiles and throughput. Without {@code --url} it starts the service
 * in this JVM on an embedded PostgreSQL in a temporary folder, which it deletes afterwards.
 */
public final class RecordsQueryBench {

    private RecordsQueryBench() {}

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        if (options.help()) {
            System.out.println(BenchOptions.USAGE);
            return;
        }
        if (options.url() != null) {
            run(options, options.url(), null);
            return;
        }
        Path dataDirectory = Files.createTempDirectory("vigil-bench-records-");
        ConfigurableApplicationContext service = startService(dataDirectory, options.port());
        try {
            int port = ((WebServerApplicationContext) service).getWebServer().getPort();
            run(options, "http://127.0.0.1:" + port, service.getBean(JdbcTemplate.class));
        } finally {
            service.close();
            FileSystemUtils.deleteRecursively(dataDirectory);
        }
    }

    private static ConfigurableApplicationContext startService(Path dataDirectory, int port) {
        return SpringApplication.run(
                VigilApplication.class,
                "--server.port=" + port,
                "--vigil.embedded-database.data-directory=" + dataDirectory.resolve("postgres"),
                "--vigil.embedded-database.clean-on-start=true",
                "--logging.level.root=WARN",
                "--logging.level.io.vigil=INFO");
    }

    private static void run(BenchOptions options, String baseUrl, JdbcTemplate jdbc) throws Exception {
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String jobUrl = baseUrl + "/_ml/anomaly_detectors/" + options.job();
        if (options.load()) {
            createJob(client, options.job(), jobUrl);
            load(client, jobUrl, options);
            settle(jdbc);
        }
        String recordsUrl = jobUrl + "/results/records?size=100";
        long expectedCount = count(client, recordsUrl);
        System.out.printf(
                Locale.ROOT,
                "records-query: job %s holds %d records; %d clients, %d s warm-up, %d s " + "measured%n",
                options.job(),
                expectedCount,
                options.clients(),
                options.warmupSeconds(),
                options.seconds());
        measure(client, recordsUrl, expectedCount, options.clients(), options.warmupSeconds(), false);
        LatencyReport report = measure(client, recordsUrl, expectedCount, options.clients(), options.seconds(), true);
        System.out.println("GET " + recordsUrl.substring(baseUrl.length()) + " (first page of 100 by record_score, "
                + "exact count): " + report);
        System.out.println("machine: " + MachineInfo.describe());
    }

    private static void createJob(HttpClient client, String job, String jobUrl) throws Exception {
        String config = "{\"analysis_config\":{\"bucket_span\":\"15m\",\"detectors\":[{\"function\":\"mean\","
                + "\"field_name\":\"responsetime\",\"by_field_name\":\"airline\"}]},"
                + "\"data_description\":{\"time_field\":\"time\"}}";
        HttpResponse<String> created = client.send(
                HttpRequest.newBuilder(URI.create(jobUrl))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(config))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 200) {
            throw new IllegalStateException("Creating job [" + job + "] failed with HTTP " + created.statusCode() + ": "
                    + created.body() + "; delete it first or pass --no-load to query the loaded job");
        }
    }

    private static void load(HttpClient client, String jobUrl, BenchOptions options) throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> imported = client.send(
                HttpRequest.newBuilder(URI.create(jobUrl + "/results/_import"))
                        .header("Content-Type", "application/x-ndjson")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(
                                () -> new SyntheticRecords(options.records(), options.seed())))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - started) / 1e9;
        if (imported.statusCode() != 200) {
            throw new IllegalStateException(
                    "Import failed with HTTP " + imported.statusCode() + ": " + imported.body());
        }
        System.out.printf(
                Locale.ROOT,
                "import: %d records (seed %d) in %.1f s, %.0f records/s: %s%n",
                options.records(),
                options.seed(),
                seconds,
                options.records() / seconds,
                imported.body());
    }

    /**
     * Vacuums and analyzes the records table and writes a checkpoint, so that autovacuum and the flush of the
     * imported pages do not run during the measurement. A service given with --url is measured as it is.
     */
    private static void settle(JdbcTemplate jdbc) {
        if (jdbc == null) {
            System.out.println("settle: skipped with --url; autovacuum may still be processing the import");
            return;
        }
        long started = System.nanoTime();
        jdbc.execute("VACUUM (ANALYZE) records");
        jdbc.execute("CHECKPOINT");
        System.out.printf(
                Locale.ROOT,
                "settle: VACUUM (ANALYZE) records and CHECKPOINT in %.1f s%n",
                (System.nanoTime() - started) / 1e9);
    }

    private static long count(HttpClient client, String url) throws IOException, InterruptedException {
        HttpResponse<String> response =
                client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "GET " + url + " failed with HTTP " + response.statusCode() + ": " + response.body());
        }
        return countOf(response.body());
    }

    /** Reads the count from the start of a results response, {@code {"count":N,...}}. */
    private static long countOf(String body) {
        int start = body.indexOf(':') + 1;
        int end = body.indexOf(',', start);
        return Long.parseLong(body.substring(start, end));
    }

    private static LatencyReport measure(
            HttpClient client, String url, long expectedCount, int clients, int seconds, boolean report)
            throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<long[]>> futures = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                futures.add(pool.submit(() -> requestUntil(client, url, expectedCount, deadline)));
            }
            List<long[]> latencies = new ArrayList<>();
            for (Future<long[]> future : futures) {
                latencies.add(future.get());
            }
            return report ? LatencyReport.of(latencies, seconds) : null;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Sends requests one after another until the deadline and returns their latencies in nanoseconds. */
    private static long[] requestUntil(HttpClient client, String url, long expectedCount, long deadline)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).build();
        long[] latencies = new long[1024];
        int count = 0;
        while (System.nanoTime() < deadline) {
            long started = System.nanoTime();
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            long latency = System.nanoTime() - started;
            byte[] body = response.body();
            String head = new String(body, 0, Math.min(80, body.length), StandardCharsets.UTF_8);
            if (response.statusCode() != 200 || countOf(head) != expectedCount) {
                throw new IllegalStateException("GET " + url + " returned HTTP " + response.statusCode()
                        + " with an unexpected count: " + head);
            }
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = latency;
        }
        return Arrays.copyOf(latencies, count);
    }
}
