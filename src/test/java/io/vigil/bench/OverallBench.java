package io.vigil.bench;

import io.vigil.bench.nab.ServiceProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * {@code bin/vigil-bench overall [--url URL] [--jobs 100] [--days 365]}: response times of overall buckets over many
 * jobs. It creates jobs with 15-minute buckets, imports a year of buckets into each (about 5% non-zero scores, seeded),
 * then times {@code top_n=5} requests over every job: one week at the default span, the whole year with
 * {@code bucket_span=1d}, and a table of how the time grows with the number of jobs and the time range. Without
 * {@code --url} it starts its own service on a temporary data folder and uses {@code _all}; with {@code --url} it uses
 * the group of the jobs it created, so other jobs on that service do not take part.
 */
public final class OverallBench {

    private static final long BUCKET_SPAN_MS = 15 * 60_000L;
    private static final long DAY_MS = 86_400_000L;
    /** 2015-01-01T00:00:00Z, a Thursday. */
    private static final long FIRST_BUCKET = 1_420_070_400_000L;

    private static final String GROUP = "overall-bench";
    private static final long SEED = 20_150_101L;

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;

    private OverallBench(URI base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        String url = option(args, "--url", null);
        int jobs = Integer.parseInt(option(args, "--jobs", "100"));
        int days = Integer.parseInt(option(args, "--days", "365"));
        System.out.println("overall buckets: " + jobs + " jobs, 15-minute buckets over " + days + " days ("
                + (long) jobs * days * 96 + " buckets); " + MachineInfo.describe());
        if (url != null) {
            new OverallBench(URI.create(url)).run(jobs, days, GROUP);
            return;
        }
        Path work = Files.createTempDirectory("vigil-overall-bench-");
        try (ServiceProcess service = ServiceProcess.start(work)) {
            new OverallBench(service.baseUrl()).run(jobs, days, "_all");
        }
    }

    private void run(int jobs, int days, String allJobs) throws IOException, InterruptedException {
        long loadStart = System.nanoTime();
        for (int job = 1; job <= jobs; job++) {
            createJob(job);
            importBuckets(job, days, new Random(SEED + job));
        }
        System.out.printf("loaded through _import in %.1f s%n", (System.nanoTime() - loadStart) / 1e9);

        long yearEnd = FIRST_BUCKET + days * DAY_MS;
        Random offsets = new Random(SEED);
        for (int warmUp = 0; warmUp < 10; warmUp++) {
            time(allJobs, weekStart(offsets, days), 7 * DAY_MS, null);
        }
        double[] week = new double[50];
        for (int i = 0; i < week.length; i++) {
            week[i] = time(allJobs, weekStart(offsets, days), 7 * DAY_MS, null);
        }
        double[] year = new double[5];
        for (int i = 0; i < year.length; i++) {
            year[i] = time(allJobs, FIRST_BUCKET, yearEnd - FIRST_BUCKET, "1d");
        }
        System.out.println(
                allJobs + ", top_n=5, one week at the default span (50 requests, random weeks): " + summary(week));
        System.out.println(allJobs + ", top_n=5, " + days + " days with bucket_span=1d (5 requests): " + summary(year));
        printGrowth(jobs, days);
    }

    private void printGrowth(int jobs, int days) throws IOException, InterruptedException {
        System.out.println();
        System.out.println("median of 5 requests in ms, top_n=5; rows: jobs; columns: range (span)");
        System.out.printf(
                "%6s %10s %10s %10s %10s %12s%n",
                "jobs", "1d (15m)", "7d (15m)", "30d (15m)", "90d (15m)", days + "d (1d)");
        for (int count : new int[] {10, jobs / 2, jobs}) {
            if (count < 1 || count > jobs) {
                continue;
            }
            String expression = expressionFor(count, jobs);
            double[] row = {
                median(expression, DAY_MS, null),
                median(expression, 7 * DAY_MS, null),
                median(expression, Math.min(30, days) * DAY_MS, null),
                median(expression, Math.min(90, days) * DAY_MS, null),
                median(expression, days * DAY_MS, "1d")
            };
            System.out.printf(
                    "%6d %10.1f %10.1f %10.1f %10.1f %12.1f%n", count, row[0], row[1], row[2], row[3], row[4]);
        }
    }

    private static String expressionFor(int count, int jobs) {
        if (count == jobs) {
            return GROUP;
        }
        List<String> ids = new ArrayList<>();
        for (int job = 1; job <= count; job++) {
            ids.add(jobId(job));
        }
        return String.join(",", ids);
    }

    private double median(String expression, long rangeMs, String bucketSpan) throws IOException, InterruptedException {
        double[] times = new double[5];
        for (int i = 0; i < times.length; i++) {
            times[i] = time(expression, FIRST_BUCKET + DAY_MS, rangeMs, bucketSpan);
        }
        Arrays.sort(times);
        return times[times.length / 2];
    }

    /** Requests overall buckets for {@code [start, start + rangeMs)} and returns the response time in ms. */
    private double time(String expression, long start, long rangeMs, String bucketSpan)
            throws IOException, InterruptedException {
        String query = "top_n=5&start=" + start + "&end=" + (start + rangeMs)
                + (bucketSpan == null ? "" : "&bucket_span=" + bucketSpan);
        URI uri = base.resolve("/_ml/anomaly_detectors/" + expression + "/results/overall_buckets?" + query);
        long began = System.nanoTime();
        HttpResponse<String> response =
                http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
        double millis = (System.nanoTime() - began) / 1e6;
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "GET " + uri + " failed with " + response.statusCode() + ": " + response.body());
        }
        return millis;
    }

    private static long weekStart(Random offsets, int days) {
        return FIRST_BUCKET + offsets.nextInt(Math.max(1, days - 7)) * DAY_MS;
    }

    private void createJob(int job) throws IOException, InterruptedException {
        String body = "{\"groups\": [\"" + GROUP + "\"], \"analysis_config\": {\"bucket_span\": \"15m\", "
                + "\"detectors\": [{\"function\": \"count\"}]}, \"data_description\": {}}";
        send(HttpRequest.newBuilder(base.resolve("/_ml/anomaly_detectors/" + jobId(job)))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Imports one bucket per 15 minutes; about 5% score above 0, mostly low, as in a real job. */
    private void importBuckets(int job, int days, Random random) throws IOException, InterruptedException {
        StringBuilder lines = new StringBuilder();
        String jobId = jobId(job);
        for (long timestamp = FIRST_BUCKET; timestamp < FIRST_BUCKET + days * DAY_MS; timestamp += BUCKET_SPAN_MS) {
            double score = random.nextDouble() < 0.95 ? 0 : Math.round(1000 * Math.pow(random.nextDouble(), 3)) / 10.0;
            lines.append("{\"job_id\":\"")
                    .append(jobId)
                    .append("\",\"result_type\":\"bucket\",\"timestamp\":")
                    .append(timestamp)
                    .append(",\"bucket_span\":900,\"anomaly_score\":")
                    .append(score)
                    .append(",\"event_count\":10}\n");
        }
        send(HttpRequest.newBuilder(base.resolve("/_ml/anomaly_detectors/" + jobId + "/results/_import"))
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(lines.toString())));
    }

    private void send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpRequest built = request.build();
        HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(built.method() + " " + built.uri() + " failed with " + response.statusCode()
                    + ": " + response.body());
        }
    }

    private static String jobId(int job) {
        return String.format("overall-bench-%03d", job);
    }

    private static String summary(double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        return String.format(
                "p50 %.1f ms, p95 %.1f ms, max %.1f ms",
                percentile(sorted, 0.50), percentile(sorted, 0.95), sorted[sorted.length - 1]);
    }

    private static double percentile(double[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)];
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
