package io.vigil.process;

import io.vigil.engine.BucketAnalyzer;
import io.vigil.renormalization.RenormalizationRequest;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Decides, after each batch of final buckets is stored, whether the job's stored results need renormalizing, and
 * hands a copy of the normalizers to the job's renormalizer. It requests one when a normalizer changed a lot (a
 * scope's maximum grew by more than 10%), and otherwise at least every six hours of data, so that slow drift of the
 * normalizers reaches old results too. Only the processor thread calls it.
 */
final class RenormalizationTrigger {

    /**
     * The longest stretch of data between two requests. Elastic's engine persists its normalizer state at least
     * every 6 hours of wall-clock time (ml-cpp {@code CAnomalyJobConfig}); data time is used here, so that replaying
     * history renormalizes as live data would.
     */
    static final long MAX_DATA_INTERVAL_MS = Duration.ofHours(6).toMillis();

    private static final long NONE = Long.MIN_VALUE;

    private final Consumer<RenormalizationRequest> renormalizer;
    private long lastRequestEndMs = NONE;

    RenormalizationTrigger(Consumer<RenormalizationRequest> renormalizer) {
        this.renormalizer = renormalizer;
    }

    /** A trigger that never requests anything, for analyses that only compute statistics. */
    static RenormalizationTrigger disabled() {
        return new RenormalizationTrigger(request -> {});
    }

    /**
     * Called once the final results up to {@code lastFinalizedBucketEnd} are stored. A window of 0 (the job's
     * {@code renormalization_window_days} set to 0) turns renormalization off.
     */
    void afterFinalResults(BucketAnalyzer analyzer, long lastFinalizedBucketEnd, JobSettings settings) {
        boolean bigChange = analyzer.takeBigChange();
        if (settings.renormalizationWindowMs() <= 0) {
            return;
        }
        if (lastRequestEndMs == NONE && !bigChange) {
            lastRequestEndMs = lastFinalizedBucketEnd;
            return;
        }
        boolean due = lastFinalizedBucketEnd - lastRequestEndMs >= MAX_DATA_INTERVAL_MS;
        if (!bigChange && !due) {
            return;
        }
        lastRequestEndMs = lastFinalizedBucketEnd;
        analyzer.normalizersCopy()
                .ifPresent(normalizers -> renormalizer.accept(new RenormalizationRequest(
                        normalizers,
                        lastFinalizedBucketEnd - settings.renormalizationWindowMs(),
                        lastFinalizedBucketEnd,
                        settings.bucketSpanMs())));
    }
}
