package io.vigil.scoring;

import org.hipparchus.distribution.continuous.BetaDistribution;

/**
 * The four ceilings that bound a normalized score; the score is the smallest of them, capped at 100. Each is a pure
 * function documented with its source. Thread-safe.
 */
final class ScoreCeilings {

    /**
     * Percentiles of past scores and the normalized scores they map to, linearly interpolated in between (Elastic
     * ml-cpp's {@code DEFAULT_NORMALIZED_SCORE_KNOT_POINTS}, lib/model/CAnomalyDetectorModelConfig.cc).
     */
    private static final double[] KNOT_PERCENTILES = {0, 70, 85, 90, 95, 97, 99, 99.9, 100};

    private static final double[] KNOT_SCORES = {0, 1, 1.2, 1.5, 3, 20, 50, 90, 100};

    /** The normalized score of the median, the first knot at or above the 50th percentile. */
    private static final double NOISE_KNOT_SCORE = 1.0;

    private static final double NOISE_PERCENTILE = 50.0;
    private static final double NOISE_MULTIPLIER = 1.0;

    /** Confidence of the rank interval: the 15% and 85% quantiles of the rank's Beta posterior (ml-cpp CQDigest). */
    private static final double LOWER_RANK_QUANTILE = 0.15;

    private static final double UPPER_RANK_QUANTILE = 0.85;
    private static final double BETA_PRIOR = 1.0 / 3.0;

    /**
     * Smallest probability whose size the maximum ceiling compares for a result that is significant on its own. No
     * series history checks a model's tail this far out. By an estimate of a very large job, 30 days of 1-second
     * buckets are 2.6 million buckets, and 100,000 such series give about 2.6e11 results, so a frequency below about
     * 4e-12 cannot be measured. A smaller probability comes from the shape the model assumes, not from data, so as a
     * maximum p = 1e-300 is no stronger evidence than p = 1e-12.
     */
    static final double TRUSTED_TAIL_PROBABILITY = 1e-12;

    private static final double LOG_TRUSTED_TAIL = Math.log(TRUSTED_TAIL_PROBABILITY);
    private static final double LOG_SMALLEST = Math.log(DeviationFunction.SMALLEST_PROBABILITY);

    /** Probability ceilings between which the trusted tail bound phases in: the lower ends of minor and major. */
    private static final double TRUST_START_CEILING = 25.0;

    private static final double TRUST_FULL_CEILING = 50.0;

    private static final double LOG_LARGEST_SIGNIFICANT = Math.log(DeviationFunction.LARGEST_SIGNIFICANT_PROBABILITY);

    /** {@code 1 / (ln 1e-4 - ln 0.05)}: the slope of the probability ceiling per unit of {@code ln p}. */
    private static final double PROBABILITY_SLOPE =
            1.0 / (Math.log(DeviationFunction.SMALL_PROBABILITY) - LOG_LARGEST_SIGNIFICANT);

    private ScoreCeilings() {}

    /**
     * Returns the noise ceiling {@code c0 = 1 · max(1 + 10 · (score - medianScore), 0) + 100 · clamp(2 ·
     * min(fractionAtZero / 0.5, 1) - 1, 0, 1)}: it binds only for noisy scopes where fewer than half of past raw scores
     * are 0, and then keeps scores near the median raw score low (ml-cpp {@code CAnomalyScore::CNormalizer::normalize}).
     */
    static double noise(double score, double medianScore, double fractionAtZero) {
        double signal = NOISE_MULTIPLIER * 10.0 * (score - medianScore);
        double atZero = Math.min(fractionAtZero / (NOISE_PERCENTILE / 100.0), 1.0);
        double quiet = Math.min(Math.max(2.0 * atZero - 1.0, 0.0), 1.0);
        return NOISE_KNOT_SCORE * Math.max(1.0 + signal, 0.0) + 100.0 * quiet;
    }

    /**
     * Returns the rank ceiling c1 of a score among {@code total} past scores: the lower end of its percentile is the
     * 15% quantile of the Beta posterior {@code Beta(n·f + 1/3, n·(1 - f) + 1/3)} of the fraction f strictly below
     * the score, the upper end the 85% quantile of the posterior of the fraction at or below it, both ends are mapped
     * through the knot points, and c1 is their mean (the lower and upper empirical cdf and the Beta widening of
     * Elastic ml-cpp's {@code CNormalizer::normalize} and {@code CQDigest::cdfQuantile}). The widening keeps a young
     * normalizer from claiming a high percentile. Because the upper end counts the score itself, the largest of 300
     * scores reaches about 80, where two ends around the fraction below capped it near 70.
     */
    static double rank(double fractionBelow, double fractionAtOrBelow, double total) {
        double below = Math.min(Math.max(fractionBelow, 0.0), 1.0);
        double atOrBelow = Math.min(Math.max(fractionAtOrBelow, below), 1.0);
        double lower = posterior(below, total).inverseCumulativeProbability(LOWER_RANK_QUANTILE);
        double upper = posterior(atOrBelow, total).inverseCumulativeProbability(UPPER_RANK_QUANTILE);
        return (knotScore(100.0 * lower) + knotScore(100.0 * upper)) / 2.0;
    }

    private static BetaDistribution posterior(double fraction, double total) {
        return new BetaDistribution(total * fraction + BETA_PRIOR, total * (1.0 - fraction) + BETA_PRIOR);
    }

    /** Maps a percentile in [0, 100] through the knot points. */
    static double knotScore(double percentile) {
        double clamped = Math.min(Math.max(percentile, 0.0), 100.0);
        for (int i = 1; i < KNOT_PERCENTILES.length; i++) {
            if (clamped <= KNOT_PERCENTILES[i]) {
                double x0 = KNOT_PERCENTILES[i - 1];
                double y0 = KNOT_SCORES[i - 1];
                double slope = (KNOT_SCORES[i] - y0) / (KNOT_PERCENTILES[i] - x0);
                return y0 + slope * (clamped - x0);
            }
        }
        return 100.0;
    }

    /**
     * Returns the maximum ceiling {@code c2 = 100 · min(1.5 r, 0.5 + 0.5 r)}: a scope's largest score can reach 100,
     * one with half its r at most 75 (the shape of ml-cpp's {@code CNormalizer::normalize}). Here r compares log
     * probabilities, {@code r = ln(p / 0.05) / ln(p_max / 0.05)} with p = s⁻¹(score) and p_max = s⁻¹(maxScore),
     * where ml-cpp divides the raw scores. The deviation function s compresses probabilities between 0.05 and 1e-4
     * into raw scores below 1, so a raw score ratio put p = 8e-4 at 4% of p = 2e-6 and its score near 6, while in
     * log probability it is at 41% and keeps 61. No ceiling (infinity) when the scope has no positive maximum.
     *
     * <p>Both probabilities are floored before the ratio. For a result whose {@code probabilityCeiling} is at least
     * 50, the floor is {@link #TRUSTED_TAIL_PROBABILITY}, so a burst of p = 1e-300 leaves an earlier p = 1e-8 at r =
     * 0.63 (ceiling 81) instead of 0.02 (ceiling 3). For a result whose probability ceiling is below 25, which its own
     * probability already makes a warning at most, the floor is the smallest double, so a scope with a history of far
     * larger anomalies still damps it. In between, the log of the floor moves linearly.
     */
    static double maximum(double score, double maxScore, double probabilityCeiling) {
        if (!(maxScore > 0.0)) {
            return Double.POSITIVE_INFINITY;
        }
        double trust = (probabilityCeiling - TRUST_START_CEILING) / (TRUST_FULL_CEILING - TRUST_START_CEILING);
        trust = Math.min(Math.max(trust, 0.0), 1.0);
        double logFloor = LOG_SMALLEST + trust * (LOG_TRUSTED_TAIL - LOG_SMALLEST);
        double r = Math.min(surprise(score, logFloor) / surprise(maxScore, logFloor), 1.0);
        return 100.0 * Math.min(1.5 * r, 0.5 + 0.5 * r);
    }

    /** Returns {@code ln(0.05 / p)} of the probability p = s⁻¹(score), with ln p floored at {@code logFloor}. */
    private static double surprise(double score, double logFloor) {
        double p = DeviationFunction.probability(Math.min(score, DeviationFunction.MAX_RAW_SCORE));
        double logP = Math.log(Math.max(p, DeviationFunction.SMALLEST_PROBABILITY));
        return Math.max(LOG_LARGEST_SIGNIFICANT - Math.max(logP, logFloor), 0.0);
    }

    /**
     * Returns the probability ceiling {@code 100 · (0.95 · (ln p - ln 0.05) / (ln 1e-4 - ln 0.05) + 0.05)}: 10.45 at
     * p = 0.035, 64.8 at 1e-3, 75.4 at 5e-4 and 100 at 1e-4 (ml-cpp {@code CNormalizer::normalize}). Callers pass the
     * family-wise probability of {@link #familyWise} rather than the result's own probability.
     */
    static double probability(double p) {
        double logP = Math.log(Math.max(p, DeviationFunction.SMALLEST_PROBABILITY));
        return 100.0 * (0.95 * PROBABILITY_SLOPE * (logP - LOG_LARGEST_SIGNIFICANT) + 0.05);
    }

    /**
     * Returns the Šidák family-wise probability {@code 1 - (1 - p)^n}: the chance that the smallest of {@code n}
     * calibrated p-values is at most {@code p}. For the most extreme of n results of normal data it is uniform on
     * (0, 1), so the most extreme point of a normal series passes a probability ceiling of 25 with chance 1.35%.
     */
    static double familyWise(double p, double n) {
        double clamped = Math.min(Math.max(p, DeviationFunction.SMALLEST_PROBABILITY), 1.0);
        double family = -Math.expm1(Math.max(n, 1.0) * Math.log1p(-clamped));
        return Math.max(family, DeviationFunction.SMALLEST_PROBABILITY);
    }
}
