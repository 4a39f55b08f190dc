package io.vigil.bench;

import io.vigil.VigilApplication;
import io.vigil.engine.BucketResults;
import io.vigil.process.ResultsWrites;
import io.vigil.results.AnomalyRecord;
import io.vigil.results.Bucket;
import io.vigil.results.BucketInfluencer;
import io.vigil.results.Influence;
import io.vigil.results.Influencer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * {@code bin/vigil-bench results-write}: measures the per-request write path of ingestion alone. It starts the
 * service on a temporary embedded PostgreSQL, creates a job with {@code PUT}, and times the job processor's writes
 * of finalized buckets (each with its bucket influencer, records and influencers) in one transaction per write, as
 * a {@code _data} request that finalizes that many buckets does.
 */
public final class ResultsWriteBench {

    private static final String USAGE = "Usage: bin/vigil-bench results-write [--writes 300] [--buckets-per-write 10] "
            + "[--records-per-bucket 100] [--influencers-per-bucket 20]\n"
            + "The first third of the writes warms up and is not timed.";

    private static final long BUCKET_SPAN_SECONDS = 300;
    private static final long START_MS = 1_700_000_100_000L / 300_000 * 300_000;

    private ResultsWriteBench() {}

    record Options(int writes, int bucketsPerWrite, int recordsPerBucket, int influencersPerBucket) {

        static Options parse(String[] args) {
            int[] values = {300, 10, 100, 20};
            List<String> names =
                    List.of("--writes", "--buckets-per-write", "--records-per-bucket", "--influencers-per-bucket");
            for (int i = 0; i < args.length; i += 2) {
                int index = names.indexOf(args[i]);
                if (index < 0 || i + 1 >= args.length) {
                    throw new IllegalArgumentException("Invalid option " + args[i] + "\n" + USAGE);
                }
                values[index] = Integer.parseInt(args[i + 1]);
            }
            return new Options(values[0], values[1], values[2], values[3]);
        }
    }

    public static void main(String[] args) throws Exception {
        if (Arrays.asList(args).contains("--help")) {
            System.out.println(USAGE);
            return;
        }
        Options options = Options.parse(args);
        Path dataDirectory = Files.createTempDirectory("vigil-bench-results-write-");
        ConfigurableApplicationContext service = SpringApplication.run(
                VigilApplication.class,
                "--server.port=0",
                "--vigil.embedded-database.data-directory=" + dataDirectory.resolve("postgres"),
                "--vigil.embedded-database.clean-on-start=true",
                "--vigil.node.id-file=" + dataDirectory.resolve("node-id"),
                "--logging.level.root=WARN");
        try {
            int port = ((WebServerApplicationContext) service).getWebServer().getPort();
            String jobId = "bench-results-write";
            createJob("http://127.0.0.1:" + port + "/_ml/anomaly_detectors/" + jobId);
            run(new ResultsWrites(service), jobId, options);
        } finally {
            service.close();
            FileSystemUtils.deleteRecursively(dataDirectory);
        }
    }

    private static void createJob(String jobUrl) throws Exception {
        String body = """
                {"analysis_config":{"bucket_span":"5m","detectors":[
                  {"function":"mean","field_name":"bytes","by_field_name":"host"}],"influencers":["host"]},
                 "data_description":{"time_field":"time","time_format":"epoch_ms"}}""";
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(jobUrl))
                                .header("Content-Type", "application/json")
                                .PUT(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Creating the job failed: " + response.body());
        }
    }

    private static void run(ResultsWrites writes, String jobId, Options options) {
        SplittableRandom random = new SplittableRandom(42);
        int warmUp = options.writes() / 3;
        long bucket = 0;
        long started = 0;
        for (int write = 0; write < options.writes(); write++) {
            if (write == warmUp) {
                started = System.nanoTime();
            }
            List<BucketResults> results = new ArrayList<>(options.bucketsPerWrite());
            for (int i = 0; i < options.bucketsPerWrite(); i++) {
                results.add(bucketResults(jobId, START_MS + bucket++ * BUCKET_SPAN_SECONDS * 1000, options, random));
            }
            writes.writeFinal(jobId, results);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        int timed = options.writes() - warmUp;
        long buckets = (long) timed * options.bucketsPerWrite();
        System.out.printf(
                Locale.ROOT,
                "results-write: %d writes of %d buckets (%d records, %d influencers each) in %.2f s: "
                        + "%.2f ms per write, %,.0f buckets/s, %,.0f records/s%n",
                timed,
                options.bucketsPerWrite(),
                options.recordsPerBucket(),
                options.influencersPerBucket(),
                seconds,
                seconds * 1000 / timed,
                buckets / seconds,
                buckets * options.recordsPerBucket() / seconds);
        System.out.println("machine: " + MachineInfo.describe());
    }

    private static BucketResults bucketResults(String jobId, long timestamp, Options options, SplittableRandom random) {
        List<AnomalyRecord> records = new ArrayList<>(options.recordsPerBucket());
        for (int i = 0; i < options.recordsPerBucket(); i++) {
            String host = "host-" + i;
            double probability = random.nextDouble() * 0.01;
            double score = random.nextDouble() * 100;
            records.add(new AnomalyRecord(
                    jobId,
                    probability,
                    0.0,
                    score,
                    score,
                    BUCKET_SPAN_SECONDS,
                    0,
                    false,
                    timestamp,
                    "host",
                    host,
                    null,
                    null,
                    null,
                    "mean",
                    "mean",
                    List.of(1000.0),
                    List.of(1000.0 + score * 10),
                    "bytes",
                    null,
                    null,
                    null,
                    List.of(new Influence("host", List.of(host))),
                    null,
                    null,
                    null,
                    null));
        }
        List<Influencer> influencers = new ArrayList<>(options.influencersPerBucket());
        for (int i = 0; i < options.influencersPerBucket(); i++) {
            double score = random.nextDouble() * 100;
            influencers.add(new Influencer(
                    jobId,
                    "host",
                    "host-" + i,
                    score,
                    score,
                    random.nextDouble() * 0.01,
                    BUCKET_SPAN_SECONDS,
                    false,
                    timestamp,
                    null));
        }
        BucketInfluencer overall = new BucketInfluencer(
                jobId, "bucket_time", 50, 50, 1.5, 0.001, timestamp, BUCKET_SPAN_SECONDS, false, null);
        Bucket bucket = new Bucket(
                jobId, timestamp, 50, BUCKET_SPAN_SECONDS, 50, List.of(), 1000, false, List.of(overall), 3, null, null);
        return new BucketResults(bucket, records, influencers);
    }
}
