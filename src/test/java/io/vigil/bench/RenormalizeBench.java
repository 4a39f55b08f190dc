package io.vigil.bench;

import io.vigil.VigilApplication;
import io.vigil.renormalization.RenormalizationRequest;
import io.vigil.renormalization.Renormalizers;
import io.vigil.scoring.Normalizers;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * {@code bin/vigil-bench renormalize}: times the renormalization of a job's stored results while another job
 * ingests data over HTTP. It starts the service on a temporary embedded PostgreSQL, stores 500,000 final results
 * for one job with SQL (20,000 buckets, 400,000 records, 80,000 influencers; see {@link StoredResultsSeed}), and
 * starts streaming records into a second job that runs the detection engine. After a baseline period it requests a
 * renormalization of the whole first job, with normalizers under which most stored scores change, and waits until
 * the renormalizer is idle. It prints the elapsed time, how many results were written back, the ingestion rate
 * before and during the renormalization, the load average, and the CPU time the service used meanwhile.
 */
public final class RenormalizeBench {

    private static final String USAGE = "Usage: bin/vigil-bench renormalize [--buckets 20000] [--baseline-seconds 10]"
            + " [--seed 42]\n  --buckets sets the stored results: 25 per bucket (a bucket, 20 records, 4 influencers)";
    private static final String STORED_JOB = "bench-renormalize-stored";
    private static final String INGEST_JOB = "bench-renormalize-ingest";

    private RenormalizeBench() {}

    public static void main(String[] args) throws Exception {
        int buckets = 20_000;
        int baselineSeconds = 10;
        long seed = 42;
        for (int i = 0; i < args.length; i += 2) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--buckets" -> buckets = Integer.parseInt(value);
                case "--baseline-seconds" -> baselineSeconds = Integer.parseInt(value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--help" -> {
                    System.out.println(USAGE);
                    return;
                }
                default -> throw new IllegalArgumentException("Unknown option " + args[i] + "\n" + USAGE);
            }
        }
        Path dataDirectory = Files.createTempDirectory("vigil-bench-renormalize-");
        try (ConfigurableApplicationContext context = startService(dataDirectory)) {
            String baseUrl = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
            run(context, baseUrl, new StoredResultsSeed(STORED_JOB, buckets), baselineSeconds, seed);
        } finally {
            FileSystemUtils.deleteRecursively(dataDirectory);
        }
    }

    private static ConfigurableApplicationContext startService(Path dataDirectory) {
        SpringApplication application = new SpringApplication(VigilApplication.class);
        application.setDefaultProperties(
                Map.of("logging.level.root", "WARN", "logging.level.io.vigil.renormalization", "INFO"));
        // On the command line, because application.yml sets them and overrides default properties.
        return application.run(
                "--server.port=0",
                "--vigil.embedded-database.data-directory=" + dataDirectory.resolve("postgres"),
                "--vigil.embedded-database.clean-on-start=true",
                "--vigil.node.id-file=" + dataDirectory.resolve("node-id"));
    }

    private static void run(
            ConfigurableApplicationContext context,
            String baseUrl,
            StoredResultsSeed seed,
            int baselineSeconds,
            long randomSeed)
            throws Exception {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        long seeding = System.nanoTime();
        seed.write(jdbc);
        System.out.printf(
                Locale.ROOT,
                "stored: %,d results of job %s in %.1f s%n",
                seed.resultCount(),
                STORED_JOB,
                (System.nanoTime() - seeding) / 1e9);
        Normalizers normalizers = StoredResultsSeed.normalizers(randomSeed);

        try (BenchIngestion ingestion = BenchIngestion.start(baseUrl, INGEST_JOB)) {
            Thread.sleep(Duration.ofSeconds(baselineSeconds).toMillis());
            BenchIngestion.Mark baselineEnd = ingestion.mark();
            double baselineRate = baselineEnd.rateSince(ingestion.firstMark());

            double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            long cpuBefore = serviceCpuNanos(jdbc);
            long requested = System.currentTimeMillis();
            long started = System.nanoTime();
            Renormalizers renormalizers = context.getBean(Renormalizers.class);
            renormalizers.request(
                    STORED_JOB,
                    new RenormalizationRequest(
                            normalizers, StoredResultsSeed.START_MS, seed.endMs(), StoredResultsSeed.BUCKET_SPAN_MS));
            boolean finished = renormalizers.awaitIdle(STORED_JOB, Duration.ofMinutes(10));
            double seconds = (System.nanoTime() - started) / 1e9;
            BenchIngestion.Mark renormalizedEnd = ingestion.mark();
            double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            double cpuSeconds = (serviceCpuNanos(jdbc) - cpuBefore) / 1e9;

            System.out.printf(
                    Locale.ROOT,
                    "renormalize: %,d stored results (%,d written back) in %.2f s%s%n",
                    seed.resultCount(),
                    writtenSince(jdbc, requested),
                    seconds,
                    finished ? "" : " (timed out)");
            System.out.printf(
                    Locale.ROOT,
                    "ingestion into job %s (detection engine, HTTP _data): %,.0f records/s before, "
                            + "%,.0f records/s during the renormalization%n",
                    INGEST_JOB,
                    baselineRate,
                    renormalizedEnd.rateSince(baselineEnd));
            // Other processes on the machine move these figures, so the load average goes with them.
            System.out.printf(
                    Locale.ROOT,
                    "load average (1 minute): %.2f before, %.2f after the renormalization%n",
                    loadBefore,
                    loadAfter);
            System.out.printf(
                    Locale.ROOT,
                    "CPU time of the service (JVM and PostgreSQL) during the renormalization: %.1f s, ingestion's "
                            + "included%n",
                    cpuSeconds);
        }
        System.out.println("machine: " + MachineInfo.describe());
    }

    /**
     * Returns the CPU time used so far by this JVM and by the PostgreSQL server with its backends, in nanoseconds. A
     * backend that exited takes its CPU time with it, but the pool keeps its connections open.
     */
    private static long serviceCpuNanos(JdbcTemplate jdbc) {
        long nanos = 0;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            nanos += os.getProcessCpuTime();
        }
        // Backends are children of the server process.
        Long backendPid = jdbc.queryForObject("select pg_backend_pid()", Long.class);
        Optional<ProcessHandle> server = ProcessHandle.of(backendPid).flatMap(ProcessHandle::parent);
        if (server.isPresent()) {
            nanos += cpuNanos(server.get());
            nanos += server.get()
                    .descendants()
                    .mapToLong(RenormalizeBench::cpuNanos)
                    .sum();
        }
        return nanos;
    }

    private static long cpuNanos(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    private static long writtenSince(JdbcTemplate jdbc, long since) {
        long written = 0;
        for (String table : new String[] {"buckets", "records", "influencers"}) {
            Long count = jdbc.queryForObject(
                    "select count(*) from " + table + " where job_id = ? and scored_at >= ?",
                    Long.class,
                    STORED_JOB,
                    since);
            written += count == null ? 0 : count;
        }
        return written;
    }
}
