package io.vigil.process;

import io.vigil.engine.BucketAnalyzer;
import io.vigil.job.Job;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Everything a job's processor keeps between requests apart from the analyzer: the bucket clock, the job's data
 * counts, timing stats, the sparse-bucket average, the message categorizer and the time of the latest finalized
 * bucket. A snapshot stores it with the analyzer's state.
 */
final class ProcessorState {

    /** The first bytes of a serialized state: "VGLP" and the format version. */
    private static final int MAGIC = 0x56474c50;

    private static final int FORMAT_VERSION = 1;

    private final Job job;
    private final BucketClock clock;
    private final DataCounts totals;
    private final TimingStats timing;
    private final SparseBuckets sparseBuckets;
    private final Categorization categorization;
    private long latestResultTimestamp;

    private ProcessorState(
            Job job,
            BucketClock clock,
            DataCounts totals,
            TimingStats timing,
            SparseBuckets sparseBuckets,
            Categorization categorization,
            long latestResultTimestamp) {
        this.job = job;
        this.clock = clock;
        this.totals = totals;
        this.timing = timing;
        this.sparseBuckets = sparseBuckets;
        this.categorization = categorization;
        this.latestResultTimestamp = latestResultTimestamp;
    }

    static ProcessorState empty(Job job) {
        JobSettings settings = JobSettings.of(job);
        return new ProcessorState(
                job,
                new BucketClock(settings.bucketSpanMs(), settings.latencyMs()),
                new DataCounts(),
                new TimingStats(),
                new SparseBuckets(),
                Categorization.of(job).orElse(null),
                BucketClock.UNSET);
    }

    ProcessorState withJob(Job updated) {
        return new ProcessorState(updated, clock, totals, timing, sparseBuckets, categorization, latestResultTimestamp);
    }

    Job job() {
        return job;
    }

    BucketClock clock() {
        return clock;
    }

    DataCounts totals() {
        return totals;
    }

    TimingStats timing() {
        return timing;
    }

    SparseBuckets sparseBuckets() {
        return sparseBuckets;
    }

    /** Returns the job's message categorization, null when the job does not categorize. */
    Categorization categorization() {
        return categorization;
    }

    long latestResultTimestamp() {
        return latestResultTimestamp;
    }

    void setLatestResultTimestamp(long bucketStartMs) {
        latestResultTimestamp = bucketStartMs;
    }

    /** Serializes this state followed by the analyzer's state. */
    // NOTE: the whole state is built in memory before it is stored, so a snapshot briefly needs heap for a second
    // copy of the models; streaming it into the bytea column would remove that peak.
    byte[] serialize(BucketAnalyzer analyzer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT_VERSION);
            clock.write(out);
            totals.write(out);
            timing.write(out);
            sparseBuckets.write(out);
            out.writeLong(latestResultTimestamp);
            out.writeBoolean(categorization != null);
            if (categorization != null) {
                categorization.writeState(out);
            }
            analyzer.writeState(out);
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to serialize the state of job [" + job.jobId() + "]", e);
        }
        return bytes.toByteArray();
    }

    /** Restores a state written by {@link #serialize} and loads the analyzer's part into {@code analyzer}. */
    static ProcessorState deserialize(Job job, byte[] serialized, BucketAnalyzer analyzer) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
            int magic = in.readInt();
            int version = in.readInt();
            if (magic != MAGIC || version != FORMAT_VERSION) {
                throw new IOException("unknown snapshot format " + Integer.toHexString(magic) + " version " + version);
            }
            BucketClock clock = BucketClock.read(in, JobSettings.of(job).latencyMs());
            DataCounts totals = DataCounts.read(in);
            TimingStats timing = TimingStats.read(in);
            SparseBuckets sparse = SparseBuckets.read(in);
            long latestResult = in.readLong();
            Categorization categorization = Categorization.of(job).orElse(null);
            if (in.readBoolean()) {
                if (categorization == null) {
                    throw new IOException("the snapshot has categorization state but the job does not categorize");
                }
                categorization.readState(in);
            }
            analyzer.readState(in);
            return new ProcessorState(job, clock, totals, timing, sparse, categorization, latestResult);
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to restore the model snapshot of job [" + job.jobId() + "]", e);
        }
    }
}
