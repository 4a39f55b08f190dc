package io.vigil.engine;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;

/**
 * A detector whose values are judged against a distribution rather than a series' own history: population analysis
 * (each member against the population), {@code rare} and {@code freq_rare} (how often by values occur) and
 * {@code lat_long} (where a series usually is). The analyzer drives it through the same bucket steps as the series
 * detectors.
 */
interface DistributionAnalysis extends AnalysedDetector {

    /**
     * Adds a record standing for {@code weight} events to bucket {@code bucketStartMs}; new members and series are
     * created only while {@code memory} allows it.
     */
    void add(long bucketStartMs, InputRecord record, double weight, ModelMemory memory);

    /**
     * Assesses bucket {@code bucketStartMs} and adds its leaves to {@code leaves}. A final bucket's data is kept for
     * {@link #learn} and removed; an interim bucket's is only read, and growing values are corrected for the missing
     * share {@code 1 - completeness}.
     */
    void collectLeaves(long bucketStartMs, boolean interim, double completeness, List<Leaf> leaves);

    /**
     * Lets the models learn the final bucket last collected, except from leaves a {@code skip_model_update} rule
     * marked.
     */
    void learn(long bucketStartMs);

    /** Returns the detector's custom rules. */
    DetectorRules rules();

    /** Replaces the detector's custom rules; they apply from the next bucket assessed. */
    void useRules(DetectorRules rules);

    /**
     * Drops the data of the open buckets that start in {@code [startMs, endMs)}, as when time is skipped past them or
     * a request resets them. What the models and distributions learned stays.
     */
    void resetBuckets(long startMs, long endMs);

    /** Removes members and series without records since {@code oldestKeptMs}. */
    void prune(long oldestKeptMs);

    long memoryBytes();

    long byValueCount();

    long overValueCount();

    long partitionValueCount();

    void writeState(DataOutput out) throws IOException;

    /** Replaces the detector's state with one written by {@link #writeState}, dropping any open bucket. */
    void readState(DataInput in) throws IOException;
}
