package io.vigil.analytics;

/**
 * The side-independent judgement of one bucket value, computed once and shared by assessing and learning.
 *
 * @param typical the prediction, non-negative for counts
 * @param lowerBound lower end of the 95% interval
 * @param upperBound upper end of the 95% interval
 * @param error the standardized error (value − prediction) / scale
 * @param upper true when the value is at or above the prediction
 * @param upperRaw the model's one-sided probability of a value at least this high: twice the upper tail, at most 1
 * @param lowerRaw the model's one-sided probability of a value at least this low
 * @param upperCalibrated {@code upperRaw} after tail calibration
 * @param lowerCalibrated {@code lowerRaw} after tail calibration
 * @param multiBucketAboveRaw the one-sided probability of the multi-bucket feature being this high, NaN while the
 *     window is short
 * @param multiBucketBelowRaw the one-sided probability of the multi-bucket feature being this low, NaN likewise
 * @param multiBucketAbove {@code multiBucketAboveRaw} after its own tail calibration, 1 while undefined
 * @param multiBucketBelow {@code multiBucketBelowRaw} after its own tail calibration, 1 while undefined
 * @param twoSidedOverall the two-sided combination of single- and multi-bucket probabilities before the episode
 *     adjustment, which drives the episodes and serves two-sided assessments
 */
record Evaluation(
        double typical,
        double lowerBound,
        double upperBound,
        double error,
        boolean upper,
        double upperRaw,
        double lowerRaw,
        double upperCalibrated,
        double lowerCalibrated,
        double multiBucketAboveRaw,
        double multiBucketBelowRaw,
        double multiBucketAbove,
        double multiBucketBelow,
        double twoSidedOverall) {

    /** Returns a copy with the calibrated and multi-bucket parts, tempered by {@code earlyExponent} while young. */
    Evaluation withCalibration(
            double upperCalibrated,
            double lowerCalibrated,
            double multiBucketAboveRaw,
            double multiBucketBelowRaw,
            double multiBucketAbove,
            double multiBucketBelow,
            double earlyExponent) {
        Evaluation calibrated = new Evaluation(
                typical,
                lowerBound,
                upperBound,
                error,
                upper,
                upperRaw,
                lowerRaw,
                upperCalibrated,
                lowerCalibrated,
                multiBucketAboveRaw,
                multiBucketBelowRaw,
                multiBucketAbove,
                multiBucketBelow,
                Double.NaN);
        return calibrated.withTwoSidedOverall(AssessmentBuilder.twoSidedOverall(calibrated, earlyExponent));
    }

    private Evaluation withTwoSidedOverall(double overall) {
        return new Evaluation(
                typical,
                lowerBound,
                upperBound,
                error,
                upper,
                upperRaw,
                lowerRaw,
                upperCalibrated,
                lowerCalibrated,
                multiBucketAboveRaw,
                multiBucketBelowRaw,
                multiBucketAbove,
                multiBucketBelow,
                overall);
    }
}
