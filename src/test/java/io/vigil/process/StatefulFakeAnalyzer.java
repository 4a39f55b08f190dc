package io.vigil.process;

import io.vigil.engine.BucketAnalyzer;
import io.vigil.engine.BucketAnalyzerFactory;
import io.vigil.engine.BucketResults;
import io.vigil.engine.InputRecord;
import io.vigil.engine.ModelSizeStats;
import io.vigil.job.Job;
import io.vigil.results.Bucket;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A deterministic analyzer whose scores depend on everything it saw before: the running event total and the sum
 * of the values of the job's first analysis field. A restored state that lost anything changes later scores. It
 * does not run the {@code rare} function, and after an update with custom rules it adds 50 to every score.
 */
final class StatefulFakeAnalyzer implements BucketAnalyzer {

    private final String jobId;
    private final TreeMap<Long, long[]> open = new TreeMap<>();
    private long cumulativeEvents;
    private long cumulativeValue;
    private boolean rulesApplied;

    StatefulFakeAnalyzer(String jobId) {
        this.jobId = jobId;
    }

    @TestConfiguration
    static class Factory {

        @Bean
        @Primary
        BucketAnalyzerFactory statefulFakeAnalyzerFactory() {
            return new BucketAnalyzerFactory() {
                @Override
                public BucketAnalyzer create(Job job) {
                    return new StatefulFakeAnalyzer(job.jobId());
                }

                @Override
                public Optional<String> unsupported(Job job) {
                    return job.analysisConfig().detectors().stream()
                            .filter(detector -> detector.function().equals("rare"))
                            .findFirst()
                            .map(detector -> "function [rare] is not supported; use count or metric functions");
                }
            };
        }
    }

    @Override
    public void add(long bucketStartMs, InputRecord record) {
        long[] sums = open.computeIfAbsent(bucketStartMs, start -> new long[2]);
        sums[0]++;
        String value = record.values().length == 0 ? null : record.value(0);
        sums[1] += value == null ? 0 : (long) Double.parseDouble(value);
    }

    @Override
    public BucketResults finalizeBucket(long bucketStartMs) {
        long[] sums = open.remove(bucketStartMs);
        long events = sums == null ? 0 : sums[0];
        long value = sums == null ? 0 : sums[1];
        double score = score(events, value);
        cumulativeEvents += events;
        cumulativeValue += value;
        return results(bucketStartMs, events, score, false);
    }

    @Override
    public BucketResults interimResults(long bucketStartMs) {
        long[] sums = open.get(bucketStartMs);
        return results(bucketStartMs, sums[0], score(sums[0], sums[1]), true);
    }

    @Override
    public void discardBucket(long bucketStartMs) {
        open.remove(bucketStartMs);
    }

    @Override
    public void resetBuckets(long startMs, long endMs) {
        if (startMs < endMs) {
            open.subMap(startMs, endMs).clear();
        }
    }

    @Override
    public void updateJob(Job job) {
        rulesApplied = job.analysisConfig().detectors().stream()
                .anyMatch(detector -> detector.customRules() != null
                        && !detector.customRules().isEmpty());
    }

    @Override
    public ModelSizeStats modelSizeStats() {
        return new ModelSizeStats(1000 + 16 * open.size(), 1L << 30, 0, 0, 0, 0, "ok");
    }

    @Override
    public void writeState(DataOutput out) throws IOException {
        out.writeLong(cumulativeEvents);
        out.writeLong(cumulativeValue);
        out.writeBoolean(rulesApplied);
        out.writeInt(open.size());
        for (var entry : open.entrySet()) {
            out.writeLong(entry.getKey());
            out.writeLong(entry.getValue()[0]);
            out.writeLong(entry.getValue()[1]);
        }
    }

    @Override
    public void readState(DataInput in) throws IOException {
        cumulativeEvents = in.readLong();
        cumulativeValue = in.readLong();
        rulesApplied = in.readBoolean();
        open.clear();
        int size = in.readInt();
        for (int i = 0; i < size; i++) {
            open.put(in.readLong(), new long[] {in.readLong(), in.readLong()});
        }
    }

    private double score(long events, long value) {
        double base = (cumulativeEvents * 7 + cumulativeValue * 3 + events * 13 + value) % 50;
        return rulesApplied ? base + 50 : base;
    }

    private BucketResults results(long bucketStartMs, long events, double score, boolean interim) {
        Bucket bucket =
                new Bucket(jobId, bucketStartMs, score, 3600, score, null, events, interim, List.of(), 1, null, null);
        return new BucketResults(bucket, List.of(), List.of());
    }
}
