package io.vigil.bench;

import io.vigil.VigilApplication;
import io.vigil.analytics.DefaultSeriesModelFactory;
import io.vigil.engine.AnalysisFields;
import io.vigil.engine.BucketAnalyzer;
import io.vigil.engine.BucketResults;
import io.vigil.engine.DefaultBucketAnalyzerFactory;
import io.vigil.engine.InputRecord;
import io.vigil.engine.ModelSizeStats;
import io.vigil.job.Detector;
import io.vigil.job.Job;
import io.vigil.process.JobFixtures;
import io.vigil.process.TestApi;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bin/vigil-bench population}: throughput and heap of a high-cardinality population job,
 * {@code count by action over user} with 5-minute buckets. Each bucket contains {@code --per-bucket} records whose users
 * cycle through {@code --users} distinct values and whose actions through {@code --actions}. In the last bucket the
 * first 2,000 records go to user-42, a planted anomaly that the run reports. By default it starts the
 * service in this JVM on a temporary embedded PostgreSQL and posts NDJSON over HTTP to 127.0.0.1. It then closes
 * the job so every bucket is written, and reports records per second from the first request to the closed job. With
 * {@code --engine-only} it feeds the same records to the detection engine directly. It samples the heap every 20 ms
 * and reports the largest used and committed heap; run it with {@code VIGIL_BENCH_JAVA_OPTS=-Xmx1g} to hold the
 * service to 1 GB.
 */
public final class PopulationBench {

    private static final long BUCKET_SPAN_MS = 300_000;
    private static final long START_MS = 1_700_000_000_000L / BUCKET_SPAN_MS * BUCKET_SPAN_MS;

    record Options(int users, int actions, long records, int perBucket, int perRequest, boolean engineOnly) {

        static Options parse(String[] args) {
            int users = 100_000;
            int actions = 10;
            long records = 4_000_000;
            int perBucket = 200_000;
            int perRequest = 10_000;
            boolean engineOnly = false;
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--users" -> users = Integer.parseInt(value);
                    case "--actions" -> actions = Integer.parseInt(value);
                    case "--records" -> records = Long.parseLong(value);
                    case "--per-bucket" -> perBucket = Integer.parseInt(value);
                    case "--per-request" -> perRequest = Integer.parseInt(value);
                    case "--engine-only" -> {
                        engineOnly = true;
                        i--;
                    }
                    default ->
                        throw new IllegalArgumentException("unknown option " + args[i] + "\nUsage: "
                                + "bin/vigil-bench population [--users 100000] [--actions 10] [--records 4000000] "
                                + "[--per-bucket 200000] [--per-request 10000] [--engine-only]");
                }
                i++;
            }
            return new Options(users, actions, records, perBucket, perRequest, engineOnly);
        }
    }

    private PopulationBench() {}

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        HeapSampler heap = new HeapSampler();
        if (options.engineOnly()) {
            runEngine(options, heap);
        } else {
            runService(options, heap);
        }
        System.out.println("machine: " + MachineInfo.describe());
    }

    static Detector detector() {
        return new Detector(null, "count", null, "action", "user", null, false, null, null, 0);
    }

    /** Records of the last bucket that go to one planted member, so a run shows the detector finding it. */
    static final int PLANTED_RECORDS = 2_000;

    static final String PLANTED_USER = "user-42";

    private static String user(Options options, long index) {
        long lastBucket = (options.records() - 1) / options.perBucket();
        if (index / options.perBucket() == lastBucket && index % options.perBucket() < PLANTED_RECORDS) {
            return PLANTED_USER;
        }
        return "user-" + (index * 7919L % options.users());
    }

    private static String action(Options options, long index) {
        return "action-" + (index * 31L / 7 % options.actions());
    }

    private static long time(Options options, long index) {
        long bucket = index / options.perBucket();
        long offset = (index % options.perBucket()) * BUCKET_SPAN_MS / options.perBucket();
        return START_MS + bucket * BUCKET_SPAN_MS + offset;
    }

    private static void runEngine(Options options, HeapSampler heap) throws InterruptedException {
        Job job = JobFixtures.job("bench-population", "5m", null, "epoch_ms", List.of(detector()), null);
        BucketAnalyzer analyzer = DefaultBucketAnalyzerFactory.withModels(DefaultSeriesModelFactory::new)
                .create(job);
        AnalysisFields fields = AnalysisFields.of(job.analysisConfig());
        int userIndex = fields.indexOf("user");
        int actionIndex = fields.indexOf("action");

        heap.start();
        long started = System.nanoTime();
        long openBucket = START_MS;
        long records = 0;
        for (long i = 0; i < options.records(); i++) {
            long time = time(options, i);
            long bucket = time / BUCKET_SPAN_MS * BUCKET_SPAN_MS;
            if (bucket != openBucket) {
                records += analyzer.finalizeBucket(openBucket).records().size();
                openBucket = bucket;
            }
            String[] values = new String[fields.size()];
            values[userIndex] = user(options, i);
            values[actionIndex] = action(options, i);
            analyzer.add(bucket, new InputRecord(time, values));
        }

        BucketResults last = analyzer.finalizeBucket(openBucket);
        records += last.records().size();
        String top = last.records().isEmpty() ? "none" : last.records().get(0).overFieldValue();
        double seconds = (System.nanoTime() - started) / 1e9;
        heap.stop();

        ModelSizeStats stats = analyzer.modelSizeStats();
        System.out.printf(
                "population engine: %,d records (%,d users, %,d actions, %,d per 5-minute bucket) in %.2f s: "
                        + "%,.0f records/s, %,d anomaly records, top of the last bucket %s%n",
                options.records(),
                options.users(),
                options.actions(),
                options.perBucket(),
                seconds,
                options.records() / seconds,
                records,
                top);
        System.out.printf(
                "model: %,d bytes, %,d over values, %,d by values, status %s%n",
                stats.modelBytes(), stats.totalOverFieldCount(), stats.totalByFieldCount(), stats.memoryStatus());
        heap.report();
    }

    private static void runService(Options options, HeapSampler heap) throws Exception {
        Path dataDirectory = Files.createTempDirectory("vigil-bench-population");
        SpringApplication application = new SpringApplication(VigilApplication.class);
        application.setDefaultProperties(Map.of("logging.level.root", "WARN"));
        // On the command line, because application.yml sets them and overrides default properties.
        String[] arguments = {
            "--server.address=127.0.0.1",
            "--server.port=0",
            "--vigil.embedded-database.data-directory=" + dataDirectory.resolve("postgres"),
            "--vigil.embedded-database.clean-on-start=true",
            "--vigil.node.id-file=" + dataDirectory.resolve("node-id")
        };
        try (ConfigurableApplicationContext context = application.run(arguments)) {
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            String baseUrl = "http://127.0.0.1:" + port;
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            JsonMapper json = context.getBean(JsonMapper.class);
            String jobId = "bench-population";
            new JobFixtures(jdbc, json, new TestApi(json, port))
                    .create(JobFixtures.job(jobId, "5m", null, "epoch_ms", List.of(detector()), null));
            HttpClient http = HttpClient.newHttpClient();
            String jobPath = baseUrl + "/_ml/anomaly_detectors/" + jobId;
            post(http, jobPath + "/_open", new byte[0], "application/json");
            heap.start();
            long started = System.nanoTime();
            for (long first = 0; first < options.records(); first += options.perRequest()) {
                long last = Math.min(options.records(), first + options.perRequest());
                post(http, jobPath + "/_data", body(options, first, last), "application/x-ndjson");
            }
            post(http, jobPath + "/_close", new byte[0], "application/json");
            double seconds = (System.nanoTime() - started) / 1e9;
            heap.stop();
            System.out.printf(
                    "population end to end: %,d records (%,d users, %,d actions, %,d per 5-minute bucket, %,d per "
                            + "request) in %.2f s: %,.0f records/s%n",
                    options.records(),
                    options.users(),
                    options.actions(),
                    options.perBucket(),
                    options.perRequest(),
                    seconds,
                    options.records() / seconds);
            Long buckets = jdbc.queryForObject("select count(*) from buckets where job_id = ?", Long.class, jobId);
            Long records = jdbc.queryForObject("select count(*) from records where job_id = ?", Long.class, jobId);
            List<String> top = jdbc.queryForList(
                    "select over_field_value from records where job_id = ? order by record_score desc limit 1",
                    String.class,
                    jobId);
            System.out.printf(
                    "results: %,d buckets and %,d records in PostgreSQL, top record %s%n",
                    buckets, records, top.isEmpty() ? "none" : top.get(0));
            heap.report();
        }
    }

    private static byte[] body(Options options, long first, long last) {
        StringBuilder body = new StringBuilder((int) (last - first) * 64);
        for (long i = first; i < last; i++) {
            body.append("{\"time\":")
                    .append(time(options, i))
                    .append(",\"user\":\"")
                    .append(user(options, i))
                    .append("\",\"action\":\"")
                    .append(action(options, i))
                    .append("\"}\n");
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void post(HttpClient http, String url, byte[] body, String contentType)
            throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " failed with " + response.statusCode() + ": " + response.body());
        }
    }

    /** Samples the used and committed heap every 20 ms and keeps the largest of each. */
    static final class HeapSampler {
        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private final AtomicLong maxUsed = new AtomicLong();
        private final AtomicLong maxCommitted = new AtomicLong();
        private volatile boolean running;
        private Thread thread;

        void start() {
            running = true;
            thread = new Thread(() -> {
                while (running) {
                    sample();
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        private void sample() {
            maxUsed.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
            maxCommitted.accumulateAndGet(memory.getHeapMemoryUsage().getCommitted(), Math::max);
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
            sample();
        }

        void report() {
            System.out.printf(
                    "heap: peak used %,d MB, peak committed %,d MB, max %,d MB (sampled every 20 ms)%n",
                    maxUsed.get() >> 20,
                    maxCommitted.get() >> 20,
                    memory.getHeapMemoryUsage().getMax() >> 20);
        }
    }
}
