package io.vigil.scoring;

/**
 * The deviation function {@code s(p)} that maps a probability to a raw anomaly score, and its inverse. Raw scores
 * grow with {@code -ln p} in four linear pieces: 0 for {@code p >= 0.05}, (0, 1] down to {@code p = 1e-4}, (1, 50]
 * down to {@code p = 1e-50} and (50, 100] down to the smallest normal double. Raw scores are not 0–100 scores: the
 * normalizers map them to those.
 *
 * <p>The breakpoints and pieces follow Elastic ml-cpp's {@code CTools::anomalyScore} and {@code inverseAnomalyScore}
 * (lib/maths/common/CTools.cc), with the constants of include/maths/common/Constants.h. Thread-safe.
 */
public final class DeviationFunction {

    /** Probabilities at or above this are not anomalous at all (ml-cpp {@code LARGEST_SIGNIFICANT_PROBABILITY}). */
    public static final double LARGEST_SIGNIFICANT_PROBABILITY = 0.05;

    /** Below this probability a result is clearly anomalous (ml-cpp {@code SMALL_PROBABILITY}). */
    public static final double SMALL_PROBABILITY = 1e-4;

    /** ml-cpp {@code MINUSCULE_PROBABILITY}: raw score 50. */
    public static final double MINUSCULE_PROBABILITY = 1e-50;

    /** The smallest probability that scores below 100; smaller ones score 100 too. */
    public static final double SMALLEST_PROBABILITY = Double.MIN_NORMAL;

    /** The raw score of the smallest probability. */
    public static final double MAX_RAW_SCORE = 100.0;

    /** The probability {@link #probability} returns for a raw score of 0, midway between 1 and 0.05 by convention. */
    public static final double PROBABILITY_OF_ZERO_SCORE = (1.0 + LARGEST_SIGNIFICANT_PROBABILITY) / 2.0;

    private static final double MINUS_LOG_SMALL = -Math.log(SMALL_PROBABILITY);
    private static final double MINUS_LOG_MINUSCULE = -Math.log(MINUSCULE_PROBABILITY);
    private static final double MINUS_LOG_SMALLEST = -Math.log(SMALLEST_PROBABILITY);
    private static final double INVERSE_LARGEST = 1.0 / LARGEST_SIGNIFICANT_PROBABILITY;
    private static final double INVERSE_SMALL = 1.0 / SMALL_PROBABILITY;

    private DeviationFunction() {}

    /**
     * Returns the raw score {@code s(p)} in [0, 100] of probability {@code p}. Probabilities below the smallest normal
     * double score 100; NaN scores 0.
     */
    public static double score(double p) {
        if (!(p < LARGEST_SIGNIFICANT_PROBABILITY)) {
            return 0.0;
        }
        double probability = Math.max(p, SMALLEST_PROBABILITY);
        if (probability >= SMALL_PROBABILITY) {
            return (1.0 / probability - INVERSE_LARGEST) / (INVERSE_SMALL - INVERSE_LARGEST);
        }
        double minusLog = -Math.log(probability);
        if (probability >= MINUSCULE_PROBABILITY) {
            return 1.0 + 49.0 * (minusLog - MINUS_LOG_SMALL) / (MINUS_LOG_MINUSCULE - MINUS_LOG_SMALL);
        }
        return 50.0 + 50.0 * (minusLog - MINUS_LOG_MINUSCULE) / (MINUS_LOG_SMALLEST - MINUS_LOG_MINUSCULE);
    }

    /**
     * Returns the probability whose raw score is {@code score}, the inverse of {@link #score} on (0, 100]. A score at
     * or below 0 returns {@link #PROBABILITY_OF_ZERO_SCORE}; a score above 100 returns the smallest probability.
     */
    public static double probability(double score) {
        if (!(score > 0.0)) {
            return PROBABILITY_OF_ZERO_SCORE;
        }
        if (score <= 1.0) {
            return 1.0 / (INVERSE_LARGEST + score * (INVERSE_SMALL - INVERSE_LARGEST));
        }
        if (score <= 50.0) {
            double minusLog = MINUS_LOG_SMALL + (score - 1.0) * (MINUS_LOG_MINUSCULE - MINUS_LOG_SMALL) / 49.0;
            return Math.exp(-minusLog);
        }
        if (score < MAX_RAW_SCORE) {
            double minusLog = MINUS_LOG_MINUSCULE + (score - 50.0) * (MINUS_LOG_SMALLEST - MINUS_LOG_MINUSCULE) / 50.0;
            return Math.max(Math.exp(-minusLog), SMALLEST_PROBABILITY);
        }
        return SMALLEST_PROBABILITY;
    }
}
