package io.vigil.engine;

import io.vigil.analytics.Assessment;
import io.vigil.analytics.Side;
import org.hipparchus.special.Gamma;

/**
 * A second view of a bucket variance below typical: its sampling distribution. The series model judges a variance
 * by its residual against the prediction. That residual distribution is symmetric and puts a few percent of its mass
 * below 0, so it gives a bucket of 12 equal values (variance 0) a probability near 0.03. The population variance s² of
 * n independent normal values with variance σ² has n·s²/σ² ~ χ²(n - 1) (Cochran's theorem), so
 * P(S² ≤ s²) = P(χ²(n - 1) ≤ (n - 1)·s²/t), where t is the model's typical bucket variance and σ² ≈ t·n/(n - 1) is an
 * estimate. A variance of 0 from continuous values then has probability 0, floored at the smallest normal double.
 *
 * <p>The assessment keeps the smaller of the two views' probabilities, doubled (Bonferroni's correction for taking the
 * smaller of two). The view applies only below typical, because a large variance is what heavy-tailed values produce
 * often, where the χ² upper tail would be far too small. NOTE: values on a coarse grid can be all equal without an
 * anomaly, and this view still finds such a bucket very unlikely.
 */
final class LowVarianceView {

    /** The correction for reporting the smaller of the two views' probabilities. */
    private static final double VIEW_CORRECTION = 2.0;

    private LowVarianceView() {}

    /**
     * Combines {@code assessment} with the sampling view of {@code variance}, the population variance of
     * {@code valueCount} values. The assessment is returned unchanged when the variance is not below typical, the
     * detector judges only the upper side, or there are fewer than two values.
     */
    static Assessment apply(Assessment assessment, double variance, long valueCount, Side side) {
        double typical = assessment.typical();
        if (side == Side.ABOVE || valueCount < 2 || !(typical > 0.0) || !(variance < typical) || variance < 0.0) {
            return assessment;
        }
        double degreesOfFreedom = valueCount - 1;
        double statistic = degreesOfFreedom * variance / typical;
        double sampling = Math.max(Gamma.regularizedGammaP(degreesOfFreedom / 2, statistic / 2), Double.MIN_NORMAL);
        double probability = Math.min(VIEW_CORRECTION * Math.min(assessment.probability(), sampling), 1.0);
        return assessment.withJudgement(
                probability,
                Math.min(assessment.singleBucketProbability(), sampling),
                typical,
                assessment.lowerBound(),
                assessment.upperBound());
    }
}
