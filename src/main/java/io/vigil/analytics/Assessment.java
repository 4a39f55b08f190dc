package io.vigil.analytics;

/**
 * How unusual one bucket value is under its series model.
 *
 * @param probability the overall probability in (0, 1] of a value at least this unusual, combining the single- and
 *     multi-bucket views and the anomaly-episode model; 1 when the value is not unusual on the side asked for
 * @param singleBucketProbability the probability from this bucket's value alone
 * @param multiBucketProbability the probability of the recent run of buckets, 1 when there is no multi-bucket view
 * @param multiBucketImpact in [-5, 5]: -5 when the single bucket explains the anomaly, +5 when the run of buckets does
 * @param typical the model's expected value at this time
 * @param lowerBound lower end of the model's 95% interval at this time
 * @param upperBound upper end of the model's 95% interval at this time
 * @param spike true when the value is above typical (a spike), false when below (a dip)
 * @param anomalyLength number of consecutive unusual buckets including this one
 * @param anomalyCharacteristicsProbability probability of the episode's length and size among past episodes, 1 when
 *     unknown
 * @param highVariancePenalty true when seasonal variance widened the model at this time
 * @param incompleteBucketPenalty true when fewer values than usual widened the model
 * @param multimodal true when the residual distribution has several modes
 */
public record Assessment(
        double probability,
        double singleBucketProbability,
        double multiBucketProbability,
        double multiBucketImpact,
        double typical,
        double lowerBound,
        double upperBound,
        boolean spike,
        int anomalyLength,
        double anomalyCharacteristicsProbability,
        boolean highVariancePenalty,
        boolean incompleteBucketPenalty,
        boolean multimodal) {

    /**
     * Returns this assessment with other probabilities, typical value and bounds, for a view that judges the same
     * bucket differently.
     */
    public Assessment withJudgement(
            double probability, double singleBucketProbability, double typical, double lowerBound, double upperBound) {
        return new Assessment(
                probability,
                singleBucketProbability,
                multiBucketProbability,
                multiBucketImpact,
                typical,
                lowerBound,
                upperBound,
                spike,
                anomalyLength,
                anomalyCharacteristicsProbability,
                highVariancePenalty,
                incompleteBucketPenalty,
                multimodal);
    }
}
