package io.vigil.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The stored buckets of the overall-buckets benchmark: jobs with 15-minute buckets, one bucket per interval over the
 * whole range, imported through {@code _import}. Scores follow a job in steady state: 97% of the buckets score 0, the
 * other 3% score {@code 100 u^4} for a uniform {@code u} (rounded to 0.1, at least 0.1), so the non-zero scores have
 * a median of about 6 and about 1 bucket in 500 scores 75 or more. The last bucket of each job is interim, as it is
 * for a job that is still running.
 */
final class OverallBenchData {

    static final long BUCKET_SPAN_MS = 15 * 60_000L;
    static final long DAY_MS = 86_400_000L;
    /** 2015-01-01T00:00:00Z, a Thursday. */
    static final long FIRST_BUCKET = 1_420_070_400_000L;

    static final String GROUP = "overall-bench";
    static final double NON_ZERO_FRACTION = 0.03;

    /** Changes whenever the generated data changes, so that a data folder of older data is not reused. */
    private static final String LAYOUT = "15m buckets, 3% non-zero 100u^4, last bucket interim, seed ";

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;
    private final int jobs;
    private final int days;
    private final long seed;

    OverallBenchData(URI base, int jobs, int days, long seed) {
        this.base = base;
        this.jobs = jobs;
        this.days = days;
        this.seed = seed;
    }

    static String jobId(int job) {
        return String.format(Locale.ROOT, "overall-bench-%03d", job);
    }

    /** Returns the text of the marker file that records which data a folder contains. */
    String description() {
        return jobs + " jobs, " + days + " days, " + LAYOUT + seed;
    }

    /**
     * Loads the buckets unless {@code marker} records that the data folder already contains them, then writes the marker.
     * Returns whether anything was loaded.
     *
     * @throws IllegalStateException when the marker describes other data, which would make the figures incomparable
     */
    boolean loadUnlessPresent(Path marker) throws IOException, InterruptedException {
        if (Files.exists(marker)) {
            String stored = Files.readString(marker).strip();
            if (!stored.equals(description())) {
                throw new IllegalStateException("The data folder " + marker.getParent() + " contains other data ("
                        + stored + "); pass another --data folder or delete this one");
            }
            return false;
        }
        for (int job = 1; job <= jobs; job++) {
            createJob(job);
            importBuckets(job, new SplittableRandom(seed + job));
        }
        Files.writeString(marker, description() + "\n");
        return true;
    }

    /**
     * Runs VACUUM ANALYZE on the results of the service's embedded PostgreSQL, so that reads see the visibility map
     * and statistics that autovacuum would leave some time after a bulk load.
     */
    static void vacuum(Path postgresFolder) throws IOException, SQLException {
        List<String> pid = Files.readAllLines(postgresFolder.resolve("postmaster.pid"));
        // The fourth line of postmaster.pid is the server's port.
        String url = "jdbc:postgresql://127.0.0.1:" + pid.get(3).strip() + "/postgres";
        try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
                Statement statement = connection.createStatement()) {
            statement.execute("VACUUM ANALYZE");
        }
    }

    private void createJob(int job) throws IOException, InterruptedException {
        String body = "{\"groups\": [\"" + GROUP + "\"], \"analysis_config\": {\"bucket_span\": \"15m\", "
                + "\"detectors\": [{\"function\": \"count\"}]}, \"data_description\": {}}";
        send(HttpRequest.newBuilder(base.resolve("/_ml/anomaly_detectors/" + jobId(job)))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    private void importBuckets(int job, SplittableRandom random) throws IOException, InterruptedException {
        StringBuilder lines = new StringBuilder();
        String jobId = jobId(job);
        long end = FIRST_BUCKET + days * DAY_MS;
        for (long timestamp = FIRST_BUCKET; timestamp < end; timestamp += BUCKET_SPAN_MS) {
            lines.append("{\"job_id\":\"")
                    .append(jobId)
                    .append("\",\"result_type\":\"bucket\",\"timestamp\":")
                    .append(timestamp)
                    .append(",\"bucket_span\":900,\"anomaly_score\":")
                    .append(score(random))
                    .append(",\"event_count\":10,\"is_interim\":")
                    .append(timestamp + BUCKET_SPAN_MS >= end)
                    .append("}\n");
        }
        send(HttpRequest.newBuilder(base.resolve("/_ml/anomaly_detectors/" + jobId + "/results/_import"))
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(lines.toString())));
    }

    static double score(SplittableRandom random) {
        if (random.nextDouble() >= NON_ZERO_FRACTION) {
            return 0.0;
        }
        return Math.max(1, Math.round(1000 * Math.pow(random.nextDouble(), 4))) / 10.0;
    }

    private void send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpRequest built = request.build();
        HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(built.method() + " " + built.uri() + " failed with " + response.statusCode()
                    + ": " + response.body());
        }
    }
}
