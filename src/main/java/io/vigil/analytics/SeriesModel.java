package io.vigil.analytics;

import java.io.DataOutput;
import java.io.IOException;

/**
 * The online model of one series of bucket values (one detector feature of one partition and by value). It learns
 * the series' level, trend, seasonality and residual distribution, and judges how unusual a new bucket value is.
 *
 * <p>Callers assess a finished bucket first and then let the model learn from it; interim results only assess.
 * Instances are confined to their job's processor thread and are not thread-safe.
 */
public interface SeriesModel {

    /**
     * Judges {@code value} observed in the bucket starting at {@code bucketStartMs} without learning from it.
     *
     * @param countWeight how many input values the bucket statistic summarizes relative to a typical bucket; a
     *     mean over fewer values than usual has a wider distribution. 1 for counts and sums.
     * @param side which deviations count as anomalous, from the detector function
     */
    Assessment assess(long bucketStartMs, double value, double countWeight, Side side);

    /** Updates the model with the value of a finished bucket; call after {@link #assess} for that bucket. */
    void learn(long bucketStartMs, double value, double countWeight);

    /** Returns the model's expected value for the bucket starting at {@code bucketStartMs}. */
    double typical(long bucketStartMs);

    /** Returns an estimate of the heap this model retains, in bytes. */
    long memoryBytes();

    /** Writes the model's whole state; the matching factory method reads it back. */
    void writeTo(DataOutput out) throws IOException;
}
