package io.vigil.scoring;

/**
 * The weights with which {@link ScoreAggregator} combines the joint and the extreme view of a group of probabilities.
 *
 * @param jointWeight weight of the joint probability's raw score, in [0, 1]
 * @param extremeWeight weight of the extreme probability's raw score, in [0, 1]
 * @param minExtremeSamples smallest m of the "m most extreme of N" views tried, at least 1
 * @param maxExtremeSamples largest m tried
 */
public record AggregationStyle(double jointWeight, double extremeWeight, int minExtremeSamples, int maxExtremeSamples) {

    // The three styles and their parameters are Elastic ml-cpp's DEFAULT_AGGREGATION_STYLE_PARAMS
    // (lib/model/CAnomalyDetectorModelConfig.cc).

    /** Several series of one detector: only the most extreme one, adjusted for how many there are. */
    public static final AggregationStyle SERIES = new AggregationStyle(0.0, 1.0, 1, 1);

    /** Several attributes of one population member: half joint, half the best of the 1 to 5 most extreme. */
    public static final AggregationStyle ATTRIBUTES = new AggregationStyle(0.5, 0.5, 1, 5);

    /** Several detectors: half joint, half the most extreme. */
    public static final AggregationStyle DETECTORS = new AggregationStyle(0.5, 0.5, 1, 1);
}
