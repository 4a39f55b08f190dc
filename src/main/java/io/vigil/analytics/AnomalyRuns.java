package io.vigil.analytics;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The current runs of unusual buckets of one series, which let an anomaly score high at its onset and when it
 * escalates rather than on every bucket it lasts. A run is a sequence of consecutive buckets whose probability is
 * below {@link #RUN_PROBABILITY}; it remembers the smallest probability so far. A bucket inside a run whose probability
 * is not below that smallest one adds no news, so the model reports {@link #CONTINUING_PROBABILITY} for it, which
 * is not unusual.
 *
 * <p>Two runs are kept, because the views they follow settle at different speeds: one for the combined single- and
 * multi-bucket probability, which settles once the prediction has adapted to a change, and one for the long-run level
 * probability, which stays small long after a level shift.
 */
final class AnomalyRuns {

    /**
     * Probability below which buckets form a run, and the minimum probability a continuing bucket gets. Chosen by the
     * standard NAB score of the 31-series subset through the engine: 1e-3 and 0.05 scored the same, and no run
     * tracking 3.5 points lower.
     */
    static final double RUN_PROBABILITY = 0.01;

    /**
     * The probability a bucket that only continues a run gets: 0.05, above the 0.035 below which records are written,
     * so a long anomaly does not leave a trail of records whose actual value is already typical. It scored the same
     * standard NAB score as 0.01.
     */
    static final double CONTINUING_PROBABILITY = 0.05;

    private double residualMinimum = 1;
    private double levelMinimum = 1;

    /**
     * Returns {@code probability} of a bucket's single- and multi-bucket views, raised to
     * {@link #CONTINUING_PROBABILITY} when the bucket only continues the current run of those views.
     */
    double residual(double probability) {
        return continues(residualMinimum, probability) ? CONTINUING_PROBABILITY : probability;
    }

    /** Returns {@code probability} of a bucket's long-run level view, raised likewise within the level run. */
    double level(double probability) {
        return continues(levelMinimum, probability) ? CONTINUING_PROBABILITY : probability;
    }

    private static boolean continues(double minimum, double probability) {
        return minimum < RUN_PROBABILITY && !(probability < minimum) && probability < RUN_PROBABILITY;
    }

    /** Extends or ends both runs with the two-sided probabilities of a finished bucket. */
    void learn(double residualProbability, double levelProbability) {
        residualMinimum = extend(residualMinimum, residualProbability);
        levelMinimum = extend(levelMinimum, levelProbability);
    }

    private static double extend(double minimum, double probability) {
        return probability < RUN_PROBABILITY ? Math.min(minimum, probability) : 1;
    }

    long memoryBytes() {
        return 16 + 2 * 8;
    }

    void writeTo(DataOutput out) throws IOException {
        out.writeDouble(residualMinimum);
        out.writeDouble(levelMinimum);
    }

    static AnomalyRuns read(DataInput in) throws IOException {
        AnomalyRuns runs = new AnomalyRuns();
        runs.residualMinimum = in.readDouble();
        runs.levelMinimum = in.readDouble();
        return runs;
    }
}
