package io.vigil.engine;

import io.vigil.analytics.SeriesModelFactory;
import io.vigil.job.Job;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Feeds named field values to an analyzer, as the job processor does, and collects its results. */
final class AnalyzerDriver {

    static final long HOUR_MS = 3_600_000L;

    final DetectionBucketAnalyzer analyzer;
    private final AnalysisFields fields;
    final List<BucketResults> results = new ArrayList<>();

    AnalyzerDriver(Job job, SeriesModelFactory models) {
        this.analyzer = new DetectionBucketAnalyzer(job, models);
        this.fields = AnalysisFields.of(job.analysisConfig());
    }

    /** Adds a record to the bucket starting at {@code bucketStartMs}; absent fields are null. */
    void add(long bucketStartMs, Map<String, String> values) {
        add(bucketStartMs, bucketStartMs, values);
    }

    /** Adds a record with time {@code timestampMs} to the bucket starting at {@code bucketStartMs}. */
    void add(long bucketStartMs, long timestampMs, Map<String, String> values) {
        String[] row = new String[fields.size()];
        values.forEach((name, value) -> {
            int index = fields.indexOf(name);
            if (index >= 0) {
                row[index] = value;
            }
        });
        analyzer.add(bucketStartMs, new InputRecord(timestampMs, row));
    }

    BucketResults finalizeBucket(long bucketStartMs) {
        BucketResults bucket = analyzer.finalizeBucket(bucketStartMs);
        results.add(bucket);
        return bucket;
    }

    byte[] state() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            analyzer.writeState(new DataOutputStream(bytes));
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void restore(byte[] state) {
        try {
            analyzer.readState(new DataInputStream(new ByteArrayInputStream(state)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
