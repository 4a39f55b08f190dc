package io.vigil.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Streams records into a new job over HTTP on a thread of its own until closed: 100 hosts with a {@code bytes}
 * value each per 5-minute bucket, 2,000 records per request, into {@code mean(bytes) by host} and {@code count}.
 * It counts the records the service acknowledged, so that callers can measure the ingestion rate over a period.
 */
final class BenchIngestion implements AutoCloseable {

    private static final int HOSTS = 100;
    private static final int RECORDS_PER_REQUEST = 2_000;
    private static final long BUCKET_SPAN_MS = 300_000;
    private static final long START_MS = 1_700_000_000_000L / BUCKET_SPAN_MS * BUCKET_SPAN_MS;

    /** The acknowledged record count at a moment. */
    record Mark(long records, long nanos) {

        double rateSince(Mark earlier) {
            return (records - earlier.records) / ((nanos - earlier.nanos) / 1e9);
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final String jobUrl;
    private final AtomicLong acknowledged = new AtomicLong();
    private final Thread thread;
    private final Mark first;
    private volatile boolean stopped;
    private volatile RuntimeException failure;

    private BenchIngestion(String baseUrl, String jobId) {
        this.jobUrl = baseUrl + "/_ml/anomaly_detectors/" + jobId;
        this.thread = new Thread(this::stream, "bench-ingestion");
        send(HttpRequest.newBuilder(URI.create(jobUrl))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("""
                        {"analysis_config":{"bucket_span":"5m","detectors":[
                          {"function":"mean","field_name":"bytes","by_field_name":"host"},{"function":"count"}]},
                         "data_description":{"time_field":"time","time_format":"epoch_ms"}}""")));
        send(HttpRequest.newBuilder(URI.create(jobUrl + "/_open")).POST(HttpRequest.BodyPublishers.noBody()));
        this.first = mark();
    }

    static BenchIngestion start(String baseUrl, String jobId) {
        BenchIngestion ingestion = new BenchIngestion(baseUrl, jobId);
        ingestion.thread.start();
        return ingestion;
    }

    Mark firstMark() {
        return first;
    }

    Mark mark() {
        if (failure != null) {
            throw failure;
        }
        return new Mark(acknowledged.get(), System.nanoTime());
    }

    private void stream() {
        try {
            for (long next = 0; !stopped; next += RECORDS_PER_REQUEST) {
                send(HttpRequest.newBuilder(URI.create(jobUrl + "/_data"))
                        .header("Content-Type", "application/x-ndjson")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(records(next))));
                acknowledged.addAndGet(RECORDS_PER_REQUEST);
            }
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    private static byte[] records(long first) {
        StringBuilder body = new StringBuilder(RECORDS_PER_REQUEST * 64);
        for (long i = first; i < first + RECORDS_PER_REQUEST; i++) {
            long host = i % HOSTS;
            long time = START_MS + (i / HOSTS) * BUCKET_SPAN_MS + host * (BUCKET_SPAN_MS / HOSTS);
            long bytes = 1000 + (i * 7919) % 200;
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

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        request.build().uri() + " failed with " + response.statusCode() + ": " + response.body());
            }
            return response;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(request.build().uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(request.build().uri() + " was interrupted", e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        thread.join();
        if (failure != null) {
            throw failure;
        }
    }
}
