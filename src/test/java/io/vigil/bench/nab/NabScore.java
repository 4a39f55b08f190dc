package io.vigil.bench.nab;

/**
 * NAB score of one detector on a corpus under one profile, at the threshold that maximizes the raw score.
 *
 * @param threshold the chosen threshold: a row is a detection when its score is at or above it; 1.1 when no
 *     threshold beats detecting nothing
 * @param rawScore the sum over windows of the best weight detected in each (or -A_FN), plus the weights of the
 *     detections outside windows
 * @param normalizedScore {@code 100 * (raw - null) / (perfect - null)}: 100 for a perfect detector, 0 for one that
 *     detects nothing; NaN when the corpus has no window
 * @param windowCount the corpus' windows
 * @param detectedWindows windows with at least one detection after probation
 * @param falsePositives detections outside every window, after probation
 */
public record NabScore(
        Profile profile,
        double threshold,
        double rawScore,
        double normalizedScore,
        int windowCount,
        int detectedWindows,
        int falsePositives) {

    /** Returns the raw score of the null detector, which detects nothing: {@code -A_FN * windowCount}. */
    public double nullScore() {
        return -profile.falseNegativeWeight() * windowCount;
    }

    /** Returns the raw score of a detector that detects every window at its left edge only. */
    public double perfectScore() {
        return profile.truePositiveWeight() * windowCount;
    }
}
