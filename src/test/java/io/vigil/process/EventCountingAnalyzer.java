package io.vigil.process;

import io.vigil.common.TimeValues;
import io.vigil.engine.BucketAnalyzer;
import io.vigil.engine.BucketResults;
import io.vigil.engine.InputRecord;
import io.vigil.engine.ModelSizeStats;
import io.vigil.job.Job;
import io.vigil.results.Bucket;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Counts the events of each open bucket and returns each finalized bucket with its count and a zero score. */
final class EventCountingAnalyzer implements BucketAnalyzer {

    // Rough heap estimate of the open-bucket map: the map itself plus one entry per open bucket.
    private static final long MAP_BYTES = 64;
    private static final long ENTRY_BYTES = 80;

    private final String jobId;
    private final long bucketSpanSeconds;
    private final long memoryLimitBytes;
    private final TreeMap<Long, long[]> eventCounts = new TreeMap<>();
    private long[] latestCount;
    private long latestBucketStart = Long.MIN_VALUE;

    EventCountingAnalyzer(Job job) {
        this.jobId = job.jobId();
        String span = job.analysisConfig().bucketSpan() == null
                ? "5m"
                : job.analysisConfig().bucketSpan();
        this.bucketSpanSeconds =
                TimeValues.parse(span, "analysis_config.bucket_span").toSeconds();
        this.memoryLimitBytes = ModelMemoryLimit.bytes(job);
    }

    @Override
    public void add(long bucketStartMs, InputRecord record) {
        if (bucketStartMs != latestBucketStart) {
            latestCount = eventCounts.computeIfAbsent(bucketStartMs, start -> new long[1]);
            latestBucketStart = bucketStartMs;
        }
        latestCount[0]++;
    }

    @Override
    public BucketResults finalizeBucket(long bucketStartMs) {
        long started = System.nanoTime();
        long eventCount = removeCount(bucketStartMs);
        long processingTimeMs = (System.nanoTime() - started) / 1_000_000;
        return results(bucketStartMs, eventCount, false, processingTimeMs);
    }

    @Override
    public BucketResults interimResults(long bucketStartMs) {
        long[] count = eventCounts.get(bucketStartMs);
        return results(bucketStartMs, count == null ? 0 : count[0], true, 0);
    }

    @Override
    public void discardBucket(long bucketStartMs) {
        removeCount(bucketStartMs);
    }

    @Override
    public void resetBuckets(long startMs, long endMs) {
        if (startMs < endMs) {
            eventCounts.subMap(startMs, endMs).clear();
        }
        if (latestBucketStart >= startMs && latestBucketStart < endMs) {
            latestBucketStart = Long.MIN_VALUE;
        }
    }

    @Override
    public ModelSizeStats modelSizeStats() {
        long bytes = MAP_BYTES + ENTRY_BYTES * eventCounts.size();
        return new ModelSizeStats(bytes, memoryLimitBytes, 0, 0, 0, 0, "ok");
    }

    @Override
    public void writeState(DataOutput out) throws IOException {
        out.writeInt(eventCounts.size());
        for (Map.Entry<Long, long[]> entry : eventCounts.entrySet()) {
            out.writeLong(entry.getKey());
            out.writeLong(entry.getValue()[0]);
        }
    }

    @Override
    public void readState(DataInput in) throws IOException {
        eventCounts.clear();
        latestBucketStart = Long.MIN_VALUE;
        int size = in.readInt();
        for (int i = 0; i < size; i++) {
            eventCounts.put(in.readLong(), new long[] {in.readLong()});
        }
    }

    private long removeCount(long bucketStartMs) {
        long[] count = eventCounts.remove(bucketStartMs);
        if (bucketStartMs == latestBucketStart) {
            latestBucketStart = Long.MIN_VALUE;
        }
        return count == null ? 0 : count[0];
    }

    private BucketResults results(long bucketStartMs, long eventCount, boolean interim, long processingTimeMs) {
        Bucket bucket = new Bucket(
                jobId,
                bucketStartMs,
                0,
                bucketSpanSeconds,
                0,
                null,
                eventCount,
                interim,
                List.of(),
                processingTimeMs,
                null,
                null);
        return new BucketResults(bucket, List.of(), List.of());
    }
}
