package io.vigil.bench;

import static io.vigil.bench.OverallBenchData.DAY_MS;
import static io.vigil.bench.OverallBenchData.FIRST_BUCKET;

import io.vigil.bench.nab.ServiceProcess;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * {@code bin/vigil-bench overall [--data DIR] [--port 18120] [--jobs 100] [--days 365] [--repeat 40] [--url URL]}:
 * response times of overall buckets with {@code top_n=5}. It loads {@link OverallBenchData} once into a data folder
 * that later runs reuse, then times three query shapes (one week at the default span, 30 days at the default span,
 * the whole range with {@code bucket_span=1d}) over the first 10, half and all of the jobs, and prints p50 and p99
 * per cell. Each cell ends with a digest of its response bodies, so two builds that print the same digest returned
 * the same overall buckets. With {@code --url} it uses a running service and loads the jobs only when they are
 * missing there.
 */
public final class OverallBench {

    private static final long SEED = 20_150_101L;

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;
    private final int jobs;
    private final int days;
    private final int repeat;

    private OverallBench(URI base, int jobs, int days, int repeat) {
        this.base = base;
        this.jobs = jobs;
        this.days = days;
        this.repeat = repeat;
    }

    /** One query shape: its range and the span requested, or null for the default span. */
    private record Shape(String name, long rangeMs, String bucketSpan) {}

    public static void main(String[] args) throws Exception {
        String url = option(args, "--url", null);
        Path data = Path.of(option(args, "--data", "target/overall-bench-data"));
        int port = Integer.parseInt(option(args, "--port", "18120"));
        int jobs = Integer.parseInt(option(args, "--jobs", "100"));
        int days = Integer.parseInt(option(args, "--days", "365"));
        int repeat = Integer.parseInt(option(args, "--repeat", "40"));
        System.out.println("overall buckets: " + jobs + " jobs, 15-minute buckets over " + days + " days ("
                + (long) jobs * days * 96 + " buckets); " + MachineInfo.describe());
        if (url != null) {
            OverallBenchData loader = new OverallBenchData(URI.create(url), jobs, days, SEED);
            loader.loadUnlessPresent(data.resolve("loaded-" + URI.create(url).getPort() + ".txt"));
            new OverallBench(URI.create(url), jobs, days, repeat).measure();
            return;
        }
        try (ServiceProcess service = ServiceProcess.startKeepingData(data, port)) {
            OverallBenchData loader = new OverallBenchData(service.baseUrl(), jobs, days, SEED);
            long loadStart = System.nanoTime();
            if (loader.loadUnlessPresent(data.resolve("loaded.txt"))) {
                System.out.printf(
                        Locale.ROOT, "loaded through _import in %.1f s%n", (System.nanoTime() - loadStart) / 1e9);
                OverallBenchData.vacuum(service.postgresFolder());
            } else {
                System.out.println("reusing the data in " + data.toAbsolutePath());
            }
            new OverallBench(service.baseUrl(), jobs, days, repeat).measure();
        }
    }

    private void measure() throws Exception {
        List<Shape> shapes = List.of(
                new Shape("7d, default span", 7 * DAY_MS, null),
                new Shape("30d, default span", Math.min(30, days) * DAY_MS, null),
                new Shape(days + "d, span 1d", days * DAY_MS, "1d"));
        System.out.println("top_n=5; p50 and p99 in ms of " + repeat + " requests per cell (" + Math.max(3, repeat / 4)
                + " for the whole range), after 3 warm-up requests; ranges start on random days");
        System.out.printf(
                Locale.ROOT,
                "%-20s %6s %9s %9s %9s %8s  %s%n",
                "shape",
                "jobs",
                "p50",
                "p99",
                "buckets",
                "load 1m",
                "digest");
        for (Shape shape : shapes) {
            for (int count : new int[] {10, jobs / 2, jobs}) {
                if (count >= 1 && count <= jobs) {
                    measureCell(shape, count);
                }
            }
        }
    }

    private void measureCell(Shape shape, int count) throws Exception {
        String expression = expressionFor(count);
        boolean whole = shape.rangeMs() >= days * DAY_MS;
        int requests = whole ? Math.max(3, repeat / 4) : repeat;
        SplittableRandom starts = new SplittableRandom(SEED + count + shape.rangeMs());
        long lastDay = Math.max(1, days - shape.rangeMs() / DAY_MS);
        for (int i = 0; i < 3; i++) {
            request(expression, FIRST_BUCKET + starts.nextLong(lastDay) * DAY_MS, shape);
        }
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        double[] millis = new double[requests];
        long buckets = 0;
        for (int i = 0; i < requests; i++) {
            long start = whole ? FIRST_BUCKET : FIRST_BUCKET + starts.nextLong(lastDay) * DAY_MS;
            long began = System.nanoTime();
            byte[] body = request(expression, start, shape);
            millis[i] = (System.nanoTime() - began) / 1e6;
            digest.update(body);
            buckets += count(body);
        }
        Arrays.sort(millis);
        System.out.printf(
                Locale.ROOT,
                "%-20s %6d %9.1f %9.1f %9d %8s  %s%n",
                shape.name(),
                count,
                percentile(millis, 0.50),
                percentile(millis, 0.99),
                buckets / requests,
                String.format(
                        Locale.ROOT,
                        "%.2f",
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()),
                HexFormat.of().formatHex(digest.digest(), 0, 6));
    }

    private String expressionFor(int count) {
        if (count == jobs) {
            return OverallBenchData.GROUP;
        }
        List<String> ids = new ArrayList<>();
        for (int job = 1; job <= count; job++) {
            ids.add(OverallBenchData.jobId(job));
        }
        return String.join(",", ids);
    }

    /**
     * Requests overall buckets with {@code top_n=5} for the shape's range from {@code start} and returns the body as
     * bytes. Decoding megabytes of JSON into a string would add client time to every figure.
     */
    private byte[] request(String expression, long start, Shape shape) throws Exception {
        String query = "top_n=5&start=" + start + "&end=" + (start + shape.rangeMs())
                + (shape.bucketSpan() == null ? "" : "&bucket_span=" + shape.bucketSpan());
        URI uri = base.resolve("/_ml/anomaly_detectors/" + expression + "/results/overall_buckets?" + query);
        HttpResponse<byte[]> response =
                http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + uri + " failed with " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return response.body();
    }

    /** Reads the {@code count} at the start of an overall-buckets response, which is {@code {"count":N,...}}. */
    private static long count(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, 64), StandardCharsets.UTF_8);
        int at = head.indexOf("\"count\":") + "\"count\":".length();
        int end = at;
        while (end < head.length() && Character.isDigit(head.charAt(end))) {
            end++;
        }
        return Long.parseLong(head.substring(at, end));
    }

    /** The nearest-rank percentile of sorted values. */
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
