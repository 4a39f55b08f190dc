package io.vigil.scoring;

/**
 * The result of aggregating a group of probabilities.
 *
 * @param rawScore the raw anomaly score in [0, 100], 0 when the group is not anomalous
 * @param probability the group's probability in (0, 1]: {@code s⁻¹(rawScore / 0.8)} when the raw score is positive
 */
public record AggregatedScore(double rawScore, double probability) {

    /** The score of an empty group. */
    public static final AggregatedScore NONE = new AggregatedScore(0.0, 1.0);
}
