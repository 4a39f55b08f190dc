package io.vigil.bench.nab;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Streams one NAB series through the HTTP API with the benchmark's single configuration rule: a job with one
 * {@code mean(value)} detector, {@code bucket_span} the series' median positive step, and time field {@code
 * timestamp} in the data files' format.
 */
final class NabSeriesJob {

    /** Rows per {@code _data} request: about 0.5 MB of NDJSON. */
    static final int ROWS_PER_REQUEST = 10_000;

    private static final int MAX_JOB_ID_LENGTH = 64;

    /** Counts of one series' run. */
    record Outcome(
            String jobId,
            long bucketSpanSeconds,
            int bucketCount,
            int rowsWithoutBucket,
            long processedRecords,
            long outOfOrderRecords,
            long invalidDateRecords,
            double[] scores) {}

    private final VigilClient client;

    NabSeriesJob(VigilClient client) {
        this.client = client;
    }

    /**
     * Runs the series: replaces any job of the same id left by an earlier run, creates, opens, posts every row,
     * closes, and reads back all buckets.
     */
    Outcome run(NabSeries series) throws IOException, InterruptedException {
        String jobId = jobIdOf(series.name());
        long[] timestamps = series.timestampsMillis();
        long bucketSpanSeconds = BucketSpans.medianPositiveStepSeconds(series.name(), timestamps);
        if (client.jobExists(jobId)) {
            client.closeJob(jobId, true);
            client.deleteJob(jobId, true);
        }
        client.putJob(jobId, jobConfig(client.json(), series.name(), bucketSpanSeconds));
        client.openJob(jobId);

        long processed = 0;
        long outOfOrder = 0;
        long invalidDates = 0;
        for (byte[] chunk : ndjsonChunks(client.json(), series, ROWS_PER_REQUEST)) {
            JsonNode counts = client.postData(jobId, "application/x-ndjson", chunk);
            processed += counts.path("processed_record_count").asLong();
            outOfOrder += counts.path("out_of_order_timestamp_count").asLong();
            invalidDates += counts.path("invalid_date_count").asLong();
        }
        client.closeJob(jobId, false);

        List<BucketScore> buckets = client.allBuckets(jobId);
        RowScores.Result rows = RowScores.of(timestamps, bucketSpanSeconds, buckets);
        return new Outcome(
                jobId,
                bucketSpanSeconds,
                buckets.size(),
                rows.rowsWithoutBucket(),
                processed,
                outOfOrder,
                invalidDates,
                rows.scores());
    }

    /**
     * Returns the job id of a series: {@code nab-} and its name in lowercase, with every character other than a
     * letter or digit replaced by {@code -} and {@code .csv} dropped, cut to the 64 characters a job id allows.
     */
    static String jobIdOf(String seriesName) {
        String base = seriesName.endsWith(".csv") ? seriesName.substring(0, seriesName.length() - 4) : seriesName;
        String id = "nab-" + base.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        if (id.length() > MAX_JOB_ID_LENGTH) {
            id = id.substring(0, MAX_JOB_ID_LENGTH);
        }
        return id.replaceAll("-+$", "");
    }

    /** Returns the job configuration of a series in the create-job API's JSON shape. */
    static String jobConfig(JsonMapper json, String seriesName, long bucketSpanSeconds) {
        ObjectNode config = json.createObjectNode();
        config.put("description", "NAB series " + seriesName);
        ObjectNode analysis = config.putObject("analysis_config");
        analysis.put("bucket_span", bucketSpanSeconds + "s");
        analysis.putArray("detectors").addObject().put("function", "mean").put("field_name", "value");
        ObjectNode dataDescription = config.putObject("data_description");
        dataDescription.put("time_field", "timestamp");
        dataDescription.put("time_format", NabTimestamps.PATTERN);
        return json.writeValueAsString(config);
    }

    /** Returns the series' rows as NDJSON ({@code {"timestamp":"2014-07-01 00:00:00","value":10844}}) in chunks. */
    static List<byte[]> ndjsonChunks(JsonMapper json, NabSeries series, int rowsPerChunk) {
        long[] timestamps = series.timestampsMillis();
        double[] values = series.values();
        List<byte[]> chunks = new ArrayList<>();
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        for (int row = 0; row < values.length; row++) {
            ObjectNode record = json.createObjectNode();
            record.put("timestamp", NabTimestamps.format(timestamps[row]));
            record.put("value", values[row]);
            chunk.writeBytes(json.writeValueAsString(record).getBytes(StandardCharsets.UTF_8));
            chunk.write('\n');
            if ((row + 1) % rowsPerChunk == 0 || row == values.length - 1) {
                chunks.add(chunk.toByteArray());
                chunk.reset();
            }
        }
        return chunks;
    }
}
