package io.vigil.process;

import io.vigil.engine.BucketAnalyzer;
import io.vigil.job.Job;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Saves a processor's whole state as a model snapshot and restores it when the job opens. Restoring also rolls the
 * stored results and counts back to the snapshot, so a crash loses the work after the last snapshot but never
 * leaves results that the restored state does not know about.
 */
@Component
class ProcessorSnapshots {

    /** The oldest Vigil version that reads the snapshots this one writes. */
    static final String MIN_VERSION = "0.1.0";

    private static final Logger log = LoggerFactory.getLogger(ProcessorSnapshots.class);

    private final SnapshotStore store;
    private final ResultsWriter writer;

    ProcessorSnapshots(SnapshotStore store, ResultsWriter writer) {
        this.store = store;
        this.writer = writer;
    }

    /** Saves the state of {@code analysis}; its finalized results are already written. Runs on the processor thread. */
    ModelSnapshot save(JobAnalysis analysis, String description) {
        ProcessorState state = analysis.state();
        String jobId = state.job().jobId();
        byte[] serialized = state.serialize(analysis.analyzer());
        long now = System.currentTimeMillis();
        long latestRecord = state.clock().latestRecordTimeMs();
        long latestResult = state.latestResultTimestamp();
        ModelSnapshot snapshot = new ModelSnapshot(
                jobId,
                MIN_VERSION,
                now,
                description,
                null,
                1,
                analysis.statsDocuments().modelSizeStats(),
                latestRecord == BucketClock.UNSET ? null : latestRecord,
                latestResult == BucketClock.UNSET ? null : latestResult,
                false);
        ModelSnapshot saved =
                store.save(snapshot, serialized, JobSettings.of(state.job()).retention());
        log.info(
                "[{}] Saved model snapshot {} ({} bytes): {}",
                jobId,
                saved.snapshotId(),
                serialized.length,
                description);
        return saved;
    }

    /**
     * Returns the state of {@code job} from its current snapshot, loading the analyzer part into {@code analyzer},
     * after deleting the results newer than the snapshot and restoring the counts it holds. Without a snapshot the
     * state is empty, and results are deleted only when an earlier run processed data (results imported into a job
     * that never ran stay).
     */
    ProcessorState restore(Job job, BucketAnalyzer analyzer, int analysedFieldsPerRecord) {
        Optional<SnapshotStore.StoredSnapshot> stored = store.current(job.jobId(), job.modelSnapshotId());
        ProcessorState state = stored.map(snapshot -> ProcessorState.deserialize(job, snapshot.state(), analyzer))
                .orElseGet(() -> ProcessorState.empty(job));
        JobAnalysis restored = new JobAnalysis(
                job.jobId(), analyzer, state, writer, analysedFieldsPerRecord, RenormalizationTrigger.disabled());
        Long latestResult = state.latestResultTimestamp() == BucketClock.UNSET ? null : state.latestResultTimestamp();
        if (stored.isPresent() || writer.hasProcessedData(job.jobId())) {
            Long maxCategoryId = state.categorization() == null
                    ? null
                    : state.categorization().maxCategoryId();
            writer.rollBackTo(job.jobId(), latestResult, maxCategoryId, restored.statsDocuments());
        } else {
            writer.writeStats(job.jobId(), restored.statsDocuments());
        }
        stored.ifPresent(snapshot -> log.info(
                "[{}] Restored model snapshot {} with {} processed records",
                job.jobId(),
                snapshot.snapshot().snapshotId(),
                state.totals().processedRecordCount()));
        return state;
    }
}
