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
 *
 * <p>After a level shift, a bucket back near the level before it is a return, not news, for {@link #RETURN_BUCKETS}:
 * it gets {@link #CONTINUING_PROBABILITY} and leaves the run as it is. A temporary shift is learned as a level shift
 * after 8 buckets, so its end was far from the new prediction. A value doubled for two hours in 10-minute buckets
 * scored 92 at its start and 63 to 74 at its end. A burst of five times a count for two hours was learned at its
 * eighth bucket, and 45 minutes after it the multi-bucket view made a bucket less probable than the onset, which
 * scored 75 to 91. Both ends now score 0. A bucket beyond the earlier level, such as a drop to zero after a
 * doubling, is not a return.
 *
 * <p>The return of a burst is itself learned as a level shift, whose earlier level is the burst's. When
 * {@link Bursts} takes that shift for a burst's shift back, the returns end, so that a second burst is news again.
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

    /**
     * Largest distance of a return from the earlier level, as a share of its distance from the current typical value.
     */
    static final double RETURN_SHARE = 0.5;

    /**
     * Buckets after a level shift during which a return counts as one: about a day of 5-minute buckets. Through the
     * engine, windows of 12 to 150 buckets, 300, 600 and 2,000, and no limit scored 75.27, 75.37, 75.58 and 75.54 on
     * the standard NAB score of the benchmark subset (74.67 without returns). Without a limit, a drop back to the old
     * level weeks after a permanent shift would not be news either.
     */
    static final int RETURN_BUCKETS = 300;

    private double residualMinimum = 1;
    private double levelMinimum = 1;
    /** The earlier level minus the current one after the last level shift, in value units; NaN before any. */
    private double returnOffset = Double.NaN;
    /** Buckets learned since the last level shift, {@link Integer#MAX_VALUE} before any. */
    private int sinceShift = Integer.MAX_VALUE;

    /**
     * Returns {@code probability} of a bucket's single- and multi-bucket views, raised to
     * {@link #CONTINUING_PROBABILITY} when the bucket only continues the current run of those views or is a return.
     * {@code value} and {@code typical} are the bucket's actual and typical values.
     */
    double residual(double probability, double value, double typical) {
        if (returns(probability, value, typical)) {
            return CONTINUING_PROBABILITY;
        }
        return continues(residualMinimum, probability) ? CONTINUING_PROBABILITY : probability;
    }

    /** Returns whether an unusual bucket lies near the level before a recent level shift. */
    private boolean returns(double probability, double value, double typical) {
        return sinceShift < RETURN_BUCKETS
                && probability < RUN_PROBABILITY
                && Math.abs(value - (typical + returnOffset)) < RETURN_SHARE * Math.abs(value - typical);
    }

    /** Records a level shift that moved the typical value by {@code change}. */
    void shifted(double change) {
        returnOffset = -change;
        sinceShift = 0;
    }

    /** Ends the returns to the level before the last shift, which a burst's shift back has restored. */
    void endReturns() {
        sinceShift = Integer.MAX_VALUE;
    }

    /** Returns {@code probability} of a bucket's long-run level view, raised likewise within the level run. */
    double level(double probability) {
        return continues(levelMinimum, probability) ? CONTINUING_PROBABILITY : probability;
    }

    private static boolean continues(double minimum, double probability) {
        return minimum < RUN_PROBABILITY && !(probability < minimum) && probability < RUN_PROBABILITY;
    }

    /**
     * Extends or ends both runs with the two-sided probabilities and the actual and typical values of a finished
     * bucket. A return leaves the residual run as it is.
     */
    void learn(double residualProbability, double levelProbability, double value, double typical) {
        if (!returns(residualProbability, value, typical)) {
            residualMinimum = extend(residualMinimum, residualProbability);
        }
        levelMinimum = extend(levelMinimum, levelProbability);
        if (sinceShift < Integer.MAX_VALUE) {
            sinceShift++;
        }
    }

    private static double extend(double minimum, double probability) {
        return probability < RUN_PROBABILITY ? Math.min(minimum, probability) : 1;
    }

    long memoryBytes() {
        return 16 + 3 * 8 + 4;
    }

    void writeTo(DataOutput out) throws IOException {
        out.writeDouble(residualMinimum);
        out.writeDouble(levelMinimum);
    }

    /** Writes the last level shift's return offset and age, which states before them lack. */
    void writeReturnTo(DataOutput out) throws IOException {
        out.writeDouble(returnOffset);
        out.writeInt(sinceShift);
    }

    /** Reads what {@link #writeReturnTo} wrote. */
    void readReturn(DataInput in) throws IOException {
        returnOffset = in.readDouble();
        sinceShift = in.readInt();
    }

    static AnomalyRuns read(DataInput in) throws IOException {
        AnomalyRuns runs = new AnomalyRuns();
        runs.residualMinimum = in.readDouble();
        runs.levelMinimum = in.readDouble();
        return runs;
    }
}
