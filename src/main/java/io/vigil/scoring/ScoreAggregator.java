package io.vigil.scoring;

import java.util.Arrays;

/**
 * Aggregates the probabilities of a group of results (the series of a detector, the detectors of a bucket, the
 * series an influencer value explains) into one raw score and probability.
 *
 * <p>The group's joint log probability {@code ln PJ} and extreme log probability {@code ln PE} come from
 * {@link ProbabilityAggregation}. The m-extreme view is calibrated as {@code ln P_m / (1 + ln(min(m, N)) / 2.1)}
 * and {@code ln PE} is the smallest over the m tried. When neither is below {@code ln 0.035} the group is not
 * anomalous: the raw score is 0 and the probability is {@code PJ^wJ · PE^wE}. Otherwise each view contributes
 * {@code 0.8 · w · s(P)} to the raw score, and beyond the smallest normal double a term grows linearly in
 * {@code ln P} towards {@code w · 100}, reaching it at {@code ln P = -100000} (joint) or {@code -1500} (extreme),
 * so that even astronomically small probabilities stay ordered. All constants are Elastic ml-cpp's
 * ({@code CAnomalyScore::compute}, lib/model/CAnomalyScore.cc). Thread-safe.
 */
public final class ScoreAggregator {

    /** Results with a probability above this are not anomalous (ml-cpp {@code maximumAnomalousProbability}). */
    public static final double MAX_ANOMALOUS_PROBABILITY = 0.035;

    /** The share of the raw score range below the smallest normal double (ml-cpp {@code NORMAL_RANGE_SCORE_FRACTION}). */
    static final double NORMAL_RANGE_SCORE_FRACTION = 0.8;

    private static final double LOG_MAX_ANOMALOUS = Math.log(MAX_ANOMALOUS_PROBABILITY);
    private static final double LOG_SMALLEST = Math.log(DeviationFunction.SMALLEST_PROBABILITY);
    private static final double JOINT_LOG_FLOOR = -100_000.0;
    private static final double EXTREME_LOG_FLOOR = -1_500.0;
    private static final double EXTREME_CALIBRATION = 2.1;

    private ScoreAggregator() {}

    /**
     * Aggregates the first {@code count} entries of {@code probabilities}, each in (0, 1]. The array is not changed.
     * An empty group returns {@link AggregatedScore#NONE}.
     */
    public static AggregatedScore aggregate(double[] probabilities, int count, AggregationStyle style) {
        if (count == 0) {
            return AggregatedScore.NONE;
        }
        double logJoint =
                style.jointWeight() > 0.0 ? ProbabilityAggregation.logJointLessLikely(probabilities, count, 0.0) : 0.0;
        double logExtreme = logExtreme(probabilities, count, style);

        if (logJoint > LOG_MAX_ANOMALOUS && logExtreme > LOG_MAX_ANOMALOUS) {
            double probability = Math.exp(style.jointWeight() * logJoint + style.extremeWeight() * logExtreme);
            return new AggregatedScore(0.0, Math.min(probability, 1.0));
        }
        double raw = term(logJoint, style.jointWeight(), JOINT_LOG_FLOOR)
                + term(logExtreme, style.extremeWeight(), EXTREME_LOG_FLOOR);
        if (raw <= 0.0) {
            double probability = Math.exp(style.jointWeight() * logJoint + style.extremeWeight() * logExtreme);
            return new AggregatedScore(0.0, Math.min(probability, 1.0));
        }
        double unscaled = Math.min(raw / NORMAL_RANGE_SCORE_FRACTION, DeviationFunction.MAX_RAW_SCORE);
        return new AggregatedScore(raw, DeviationFunction.probability(unscaled));
    }

    private static double logExtreme(double[] probabilities, int count, AggregationStyle style) {
        if (style.extremeWeight() <= 0.0) {
            return 0.0;
        }
        int tried = Math.min(count, style.maxExtremeSamples());
        double[] smallest = smallest(probabilities, count, tried);
        double result = 0.0;
        for (int m = Math.max(Math.min(style.minExtremeSamples(), tried), 1); m <= tried; m++) {
            double logP = ProbabilityAggregation.logAtLeastMOfN(smallest[m - 1], m, count);
            double calibrated = logP / (1.0 + Math.log(Math.min(m, count)) / EXTREME_CALIBRATION);
            result = Math.min(result, calibrated);
        }
        return result;
    }

    /** Returns the {@code k} smallest of the first {@code count} probabilities in ascending order. */
    private static double[] smallest(double[] probabilities, int count, int k) {
        if (k == 1) {
            double min = 1.0;
            for (int i = 0; i < count; i++) {
                min = Math.min(min, probabilities[i]);
            }
            return new double[] {min};
        }
        double[] sorted = Arrays.copyOf(probabilities, count);
        Arrays.sort(sorted);
        return Arrays.copyOf(sorted, k);
    }

    private static double term(double logP, double weight, double logFloor) {
        if (weight <= 0.0) {
            return 0.0;
        }
        if (logP >= LOG_SMALLEST) {
            return NORMAL_RANGE_SCORE_FRACTION * weight * DeviationFunction.score(Math.exp(logP));
        }
        double beyond = Math.min((logP - LOG_SMALLEST) / (logFloor - LOG_SMALLEST), 1.0);
        double fraction = NORMAL_RANGE_SCORE_FRACTION + (1.0 - NORMAL_RANGE_SCORE_FRACTION) * beyond;
        return fraction * weight * DeviationFunction.MAX_RAW_SCORE;
    }
}
