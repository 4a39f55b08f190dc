package io.vigil.bench;

import io.vigil.VigilApplication;
import io.vigil.engine.GaussianSeriesModelFactory;
import io.vigil.engine.SeriesModelFactoryProvider;
import io.vigil.process.EventCountingAnalyzerFactory;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * {@code bin/vigil-bench ingest}: measures end-to-end ingest throughput. It posts generated NDJSON records (one
 * record per host per 5-minute bucket, fields {@code time}, {@code host} and {@code bytes}) over HTTP into a job
 * with the detectors {@code mean(bytes) by host} and {@code count}, closes the job so every bucket is written, and
 * reports records per second from the first request to the closed job with its results in PostgreSQL. An untimed
 * warm-up through a second job of the same shape comes first. By default
 * the job runs an event-counting analyzer, which measures the ingest path alone; {@code --analyzer engine} runs the
 * detection engine with the service's series models, and {@code --analyzer gaussian} with the engine tests' simple
 * Gaussian model.
 */
public final class IngestBench {

    private static final long BUCKET_SPAN_MS = 300_000;
    private static final long START_MS = 1_700_000_000_000L / BUCKET_SPAN_MS * BUCKET_SPAN_MS;

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;
    private final Options options;

    private IngestBench(String baseUrl, Options options) {
        this.baseUrl = baseUrl;
        this.options = options;
    }

    record Options(
            String url,
            int hosts,
            long records,
            int recordsPerRequest,
            String jobId,
            String analyzer,
            long warmUpRecords) {

        static Options parse(String[] args) {
            String url = null;
            int hosts = 1000;
            long records = 2_000_000;
            int perRequest = 10_000;
            String jobId = "bench-ingest-" + System.currentTimeMillis();
            String analyzer = "counting";
            long warmUpRecords = 500_000;
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--url" -> url = value;
                    case "--hosts" -> hosts = Integer.parseInt(value);
                    case "--records" -> records = Long.parseLong(value);
                    case "--per-request" -> perRequest = Integer.parseInt(value);
                    case "--job" -> jobId = value;
                    case "--analyzer" -> analyzer = value;
                    case "--warm-up-records" -> warmUpRecords = Long.parseLong(value);
                    default -> throw new IllegalArgumentException(usage("unknown option " + args[i]));
                }
                i++;
            }
            if (!List.of("counting", "engine", "gaussian").contains(analyzer)) {
                throw new IllegalArgumentException(
                        usage("--analyzer must be counting, engine or gaussian, not " + analyzer));
            }
            return new Options(url, hosts, records, perRequest, jobId, analyzer, warmUpRecords);
        }

        static String usage(String problem) {
            return problem + "\nUsage: bin/vigil-bench ingest [--url http://127.0.0.1:PORT] [--hosts 1000] "
                    + "[--records 2000000] [--per-request 10000] [--job JOB_ID] [--analyzer counting|engine|gaussian] [--warm-up-records 500000]\n"
                    + "Without --url it starts its own service on a temporary embedded PostgreSQL, analysing with "
                    + "an event-counting analyzer (counting, the default), the detection engine with the service's "
                    + "series models (engine) or with the engine tests' Gaussian series model (gaussian). With "
                    + "--url the server's analyzer runs. Either way the job is created with PUT.";
        }
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        if (options.url() != null) {
            IngestBench bench = new IngestBench(options.url(), options);
            bench.warmUp();
            bench.createJobOverHttp(options.jobId());
            bench.run(null);
            return;
        }
        Path dataDirectory = Files.createTempDirectory("vigil-bench-ingest");
        SpringApplication application = switch (options.analyzer()) {
            case "counting" -> new SpringApplication(VigilApplication.class, EventCountingAnalyzerFactory.Beans.class);
            case "gaussian" -> new SpringApplication(VigilApplication.class, GaussianModels.class);
            default -> new SpringApplication(VigilApplication.class);
        };
        // Command-line properties, because application.yml sets server.port and would override defaults.
        try (ConfigurableApplicationContext context = application.run(
                "--server.port=0",
                "--vigil.embedded-database.data-directory=" + dataDirectory.resolve("postgres"),
                "--vigil.embedded-database.clean-on-start=true",
                "--vigil.node.id-file=" + dataDirectory.resolve("node-id"),
                "--logging.level.root=WARN")) {
            String port = context.getEnvironment().getProperty("local.server.port");
            IngestBench bench = new IngestBench("http://127.0.0.1:" + port, options);
            bench.warmUp();
            bench.createJobOverHttp(options.jobId());
            bench.run(context.getBean(JdbcTemplate.class));
        } finally {
            FileSystemUtils.deleteRecursively(dataDirectory);
        }
    }

    /** Series models for the detection engine: the simple Gaussian model of the engine's tests. */
    static class GaussianModels {

        @Bean
        @Primary
        SeriesModelFactoryProvider gaussianSeriesModels() {
            return bucketSpanSeconds -> new GaussianSeriesModelFactory();
        }
    }

    /**
     * Sends {@code --warm-up-records} records through a job of the same shape before the measured run, untimed, so
     * the measured figure is the running service's and not the JIT compiler's warm-up.
     */
    private void warmUp() throws IOException, InterruptedException {
        if (options.warmUpRecords() <= 0) {
            return;
        }
        String jobId = options.jobId() + "-warm-up";
        createJobOverHttp(jobId);
        String jobPath = "/_ml/anomaly_detectors/" + jobId;
        expectOk(send(HttpRequest.newBuilder(uri(jobPath + "/_open")).POST(HttpRequest.BodyPublishers.noBody())));
        for (long first = 0; first < options.warmUpRecords(); first += options.recordsPerRequest()) {
            byte[] body = records(first, Math.min(options.warmUpRecords(), first + options.recordsPerRequest()));
            expectOk(send(HttpRequest.newBuilder(uri(jobPath + "/_data"))
                    .header("Content-Type", "application/x-ndjson")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))));
        }
        expectOk(send(HttpRequest.newBuilder(uri(jobPath + "/_close")).POST(HttpRequest.BodyPublishers.noBody())));
    }

    private void createJobOverHttp(String jobId) throws IOException, InterruptedException {
        String body = """
                {"analysis_config":{"bucket_span":"5m","detectors":[
                  {"function":"mean","field_name":"bytes","by_field_name":"host"},{"function":"count"}]},
                 "data_description":{"time_field":"time","time_format":"epoch_ms"}}""";
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/_ml/anomaly_detectors/" + jobId))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "Creating the job failed with " + response.statusCode() + ": " + response.body());
        }
    }

    private void run(JdbcTemplate jdbc) throws IOException, InterruptedException {
        String jobPath = "/_ml/anomaly_detectors/" + options.jobId();
        expectOk(send(HttpRequest.newBuilder(uri(jobPath + "/_open")).POST(HttpRequest.BodyPublishers.noBody())));

        // The bodies are generated before the clock starts, so the figure measures the service and the HTTP
        // client, not the generator.
        List<byte[]> bodies = new ArrayList<>();
        long bytesSent = 0;
        for (long first = 0; first < options.records(); first += options.recordsPerRequest()) {
            byte[] body = records(first, Math.min(options.records(), first + options.recordsPerRequest()));
            bodies.add(body);
            bytesSent += body.length;
        }
        long started = System.nanoTime();
        long processCpuStarted = processCpuNanos();
        for (byte[] body : bodies) {
            expectOk(send(HttpRequest.newBuilder(uri(jobPath + "/_data"))
                    .header("Content-Type", "application/x-ndjson")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))));
        }
        long processorCpuNanos = processorCpuNanos();
        expectOk(send(HttpRequest.newBuilder(uri(jobPath + "/_close")).POST(HttpRequest.BodyPublishers.noBody())));
        double seconds = (System.nanoTime() - started) / 1e9;
        double processCpuSeconds = (processCpuNanos() - processCpuStarted) / 1e9;

        System.out.printf(
                "ingest (%s analyzer): %,d records (%,d hosts, %,d per request, %.1f MB) in %.2f s: %,.0f records/s end to end%n",
                options.url() == null ? options.analyzer() : "server's",
                options.records(),
                options.hosts(),
                options.recordsPerRequest(),
                bytesSent / 1e6,
                seconds,
                options.records() / seconds);
        System.out.printf(
                "this JVM (service and HTTP client): %.2f CPU-s (%.2f cores busy on average); load average: %.1f%n",
                processCpuSeconds,
                processCpuSeconds / seconds,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        if (processorCpuNanos > 0) {
            System.out.printf(
                    "job processor thread: %.2f CPU-s for the data requests, %,.0f records per CPU-second%n",
                    processorCpuNanos / 1e9, options.records() / (processorCpuNanos / 1e9));
        }
        if (jdbc != null) {
            Long buckets =
                    jdbc.queryForObject("select count(*) from buckets where job_id = ?", Long.class, options.jobId());
            Long records =
                    jdbc.queryForObject("select count(*) from records where job_id = ?", Long.class, options.jobId());
            Long influencers = jdbc.queryForObject(
                    "select count(*) from influencers where job_id = ?", Long.class, options.jobId());
            System.out.printf(
                    "results: %,d buckets, %,d records, %,d influencers in PostgreSQL%n",
                    buckets, records, influencers);
        }
        System.out.println("machine: " + MachineInfo.describe());
    }

    /** Returns the CPU time of this JVM: the service when it runs here, and the load driver. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /**
     * Returns the CPU time of the job's processor thread when the service runs in this JVM, else 0. It bounds the
     * throughput of one job, because one thread owns each job's analysis, whatever other load the machine has.
     */
    private long processorCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().equals("vigil-job-" + options.jobId())) {
                return threads.getThreadCpuTime(info.getThreadId());
            }
        }
        return 0;
    }

    /** Returns NDJSON for records [first, last): one record per host per bucket, hosts spread over the bucket. */
    private byte[] records(long first, long last) {
        StringBuilder body = new StringBuilder((int) (last - first) * 64);
        long spacing = BUCKET_SPAN_MS / options.hosts();
        for (long i = first; i < last; i++) {
            long host = i % options.hosts();
            long time = START_MS + (i / options.hosts()) * BUCKET_SPAN_MS + host * spacing;
            long bytes = (i * 7919) % 10_000;
            body.append("{\"time\":")
                    .append(time)
                    .append(",\"host\":\"host-")
                    .append(host)
                    .append("\",\"bytes\":")
                    .append(bytes)
                    .append("}\n");
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void expectOk(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    response.request().uri() + " failed with " + response.statusCode() + ": " + response.body());
        }
    }
}
