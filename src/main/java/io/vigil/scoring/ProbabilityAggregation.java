package io.vigil.scoring;

import org.hipparchus.special.Beta;
import org.hipparchus.special.Gamma;

/**
 * Combines several probabilities into one, in log space so that tiny probabilities keep their order. Two views:
 *
 * <ul>
 *   <li>joint: the probability of a set of values jointly less likely than the observed ones, when each value's
 *       z-score {@code z_i = -Φ⁻¹(p_i/2)} is standard normal with equicorrelation ρ. The Mahalanobis distance
 *       {@code D = (Σz² - ρ(Σz)²/(nρ + 1 - ρ)) / (1 - ρ)} is chi-square with n degrees of freedom, so the joint
 *       probability is {@code Q(n/2, D/2)} (regularized upper incomplete gamma). This is the construction of
 *       Elastic ml-cpp's {@code CJointProbabilityOfLessLikelySamples} (lib/maths/common/ProbabilityAggregators.cc).
 *   <li>extreme: the probability that at least m of N independent uniform p-values fall at or below the m-th
 *       smallest observed one, {@code P(Binomial(N, p_(m)) >= m) = I_{p_(m)}(m, N - m + 1)}. For m = 1 this is
 *       {@code 1 - (1 - p_min)^N}.
 * </ul>
 *
 * Thread-safe.
 */
public final class ProbabilityAggregation {

    /** Below this a regularized function has underflowed too far to take its log, so an analytic bound is used. */
    private static final double UNDERFLOW = 1e-300;

    private ProbabilityAggregation() {}

    /**
     * Returns the log of the joint probability of the first {@code count} entries of {@code probabilities} with
     * equicorrelation {@code rho} in [0, 1). A single probability is returned unchanged (as its log).
     */
    public static double logJointLessLikely(double[] probabilities, int count, double rho) {
        if (count == 0) {
            return 0.0;
        }
        if (count == 1) {
            return Math.log(clamp(probabilities[0]));
        }
        double sumOfSquares = 0.0;
        double sum = 0.0;
        for (int i = 0; i < count; i++) {
            double z = NormalTail.z(probabilities[i]);
            sumOfSquares += z * z;
            sum += z;
        }
        double distance = (sumOfSquares - rho * sum * sum / (count * rho + 1.0 - rho)) / (1.0 - rho);
        return logUpperIncompleteGamma(count / 2.0, Math.max(distance, 0.0) / 2.0);
    }

    /**
     * Returns the log of {@code P(Binomial(n, p) >= m)}: the probability that at least m of n uniform p-values are at
     * or below {@code p}. Requires {@code 1 <= m <= n}.
     */
    public static double logAtLeastMOfN(double p, int m, int n) {
        double probability = clamp(p);
        if (m == 1) {
            // 1 - (1 - p)^n without cancellation for tiny p.
            return Math.log(-Math.expm1(n * Math.log1p(-probability)));
        }
        if (probability >= 1.0) {
            return 0.0;
        }
        double tail = Beta.regularizedBeta(probability, m, n - m + 1.0);
        if (tail > UNDERFLOW) {
            return Math.log(tail);
        }
        // The binomial tail is dominated by its first term when p is this small.
        return logBinomial(n, m) + m * Math.log(probability) + (n - m) * Math.log1p(-probability);
    }

    /**
     * Returns {@code ln Q(a, x)}. When Q underflows, uses the leading terms of its asymptotic expansion
     * {@code Γ(a, x) ≈ x^(a-1) e^(-x) (1 + (a-1)/x)} (Abramowitz and Stegun 6.5.32), accurate for the large x
     * where underflow happens.
     */
    static double logUpperIncompleteGamma(double a, double x) {
        double q = Gamma.regularizedGammaQ(a, x);
        if (q > UNDERFLOW) {
            return Math.log(q);
        }
        return (a - 1.0) * Math.log(x) - x - Gamma.logGamma(a) + Math.log1p((a - 1.0) / x);
    }

    private static double logBinomial(int n, int k) {
        return Gamma.logGamma(n + 1.0) - Gamma.logGamma(k + 1.0) - Gamma.logGamma(n - k + 1.0);
    }

    private static double clamp(double p) {
        if (Double.isNaN(p)) {
            return 1.0;
        }
        return Math.min(Math.max(p, DeviationFunction.SMALLEST_PROBABILITY), 1.0);
    }
}
