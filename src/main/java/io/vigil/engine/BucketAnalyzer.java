package io.vigil.engine;

import io.vigil.job.Job;
import io.vigil.scoring.Normalizers;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The analysis of one open job: it receives the records of the current bucket and turns each finished bucket into
 * scored results. A job's processor thread is its only caller, so implementations need no synchronization.
 */
public interface BucketAnalyzer {

    /** Adds a record that falls into the bucket starting at {@code bucketStartMs}. */
    void add(long bucketStartMs, InputRecord record);

    /**
     * Finalizes the bucket starting at {@code bucketStartMs}: computes its results, then lets models and normalizers
     * learn from it. Buckets are finalized in time order; a bucket without records is finalized too.
     */
    BucketResults finalizeBucket(long bucketStartMs);

    /**
     * Computes interim results for the open bucket starting at {@code bucketStartMs} from the records added so far,
     * without changing any model or normalizer.
     */
    BucketResults interimResults(long bucketStartMs);

    /** Drops the partial state of the open bucket, as when time is skipped past it. */
    void discardBucket(long bucketStartMs);

    /**
     * Drops the statistics gathered for the open buckets that start in {@code [startMs, endMs)}, so that records
     * added again for those buckets replace the dropped ones. Models, normalizers and finalized buckets are unchanged.
     */
    void resetBuckets(long startMs, long endMs);

    /**
     * Applies an updated job configuration (custom rules, model plot settings). The processor calls it between
     * buckets, so the new settings apply from the next bucket on. The default ignores the update.
     */
    default void updateJob(Job job) {}

    /**
     * Replaces the items of the filters that custom rule scopes refer to, by filter id. Like {@link #updateJob}, the
     * processor calls it between buckets, so the new items apply from the next bucket on. The default ignores them.
     */
    default void updateFilters(Map<String, Set<String>> itemsByFilterId) {}

    /** Returns the memory statistics of the models. */
    ModelSizeStats modelSizeStats();

    /** Writes the whole analysis state, so that {@link #readState} restores an equivalent analyzer. */
    void writeState(DataOutput out) throws IOException;

    /** Replaces the analysis state with one written by {@link #writeState}. */
    void readState(DataInput in) throws IOException;

    /**
     * Returns true, once, when a final bucket since the last call changed a normalizer enough (a scope's maximum grew
     * by more than 10%) that stored results may now score differently and are worth renormalizing.
     */
    default boolean takeBigChange() {
        return false;
    }

    /**
     * Returns an independent copy of the current normalizers, which rescore stored results from their stored
     * probability or raw score; empty when the analysis has none.
     */
    default Optional<Normalizers> normalizersCopy() {
        return Optional.empty();
    }
}
