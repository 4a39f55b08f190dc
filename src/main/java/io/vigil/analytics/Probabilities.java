package io.vigil.analytics;

import org.hipparchus.special.Beta;
import org.hipparchus.special.Erf;
import org.hipparchus.special.Gamma;

/**
 * Tail probabilities of the residual distributions and the rules that combine probabilities. All probabilities are
 * in [0, 1]; a NaN input returns NaN unless stated otherwise.
 */
final class Probabilities {

    /** Smallest positive normal double (2.2e-308), the floor of every probability, as in C's {@code DBL_MIN}. */
    static final double SMALLEST = Double.MIN_NORMAL;
    /** Degrees of freedom from which the standard normal replaces Student's t (tail error under 2 % at 4 sigma). */
    static final double NORMAL_DEGREES = 200;

    /** Smallest probability inverted with Hipparchus' erfc⁻¹, which returns ∞ from 1e-17 and is imprecise before. */
    static final double INVERSE_LIMIT = 1e-8;

    private static final double SQRT2 = Math.sqrt(2);
    private static final double SQRT_2PI = Math.sqrt(2 * Math.PI);

    private Probabilities() {}

    /**
     * Returns P(T ≥ z) for Student's t with {@code degrees} degrees of freedom, or the standard normal when
     * {@code degrees} ≥ {@link #NORMAL_DEGREES}. For z > 0 it uses P(T > t) = ½ I_{ν/(ν+t²)}(ν/2, ½) (Abramowitz
     * and Stegun 26.7.1 with the regularized incomplete beta function); for the normal, ½ erfc(z/√2) with
     * {@link #erfc}.
     */
    static double upperTail(double z, double degrees) {
        if (z < 0) {
            return 1 - upperTail(-z, degrees);
        }
        if (degrees >= NORMAL_DEGREES) {
            return 0.5 * erfc(z / SQRT2);
        }
        double nu = Math.max(degrees, 1);
        return 0.5 * Beta.regularizedBeta(nu / (nu + z * z), nu / 2, 0.5);
    }

    /**
     * Returns erfc(x) for x ≥ 0 with a relative error below 1.2e-7, from the Chebyshev fit of Press, Teukolsky,
     * Vetterling and Flannery, Numerical Recipes in C, 2nd edition, section 6.2 (function erfcc). It needs one
     * exponential, where Hipparchus' erfc evaluates an incomplete gamma function, which made it the largest cost of
     * a bucket's assessment. It underflows to 0 beyond x ≈ 26.5, as erfc itself does in double precision.
     */
    static double erfc(double x) {
        double t = 1 / (1 + 0.5 * x);
        double polynomial = -1.26551223
                + t
                        * (1.00002368
                                + t
                                        * (0.37409196
                                                + t
                                                        * (0.09678418
                                                                + t
                                                                        * (-0.18628806
                                                                                + t
                                                                                        * (0.27886807
                                                                                                + t
                                                                                                        * (-1.13520398
                                                                                                                + t
                                                                                                                        * (1.48851587
                                                                                                                                + t
                                                                                                                                        * (-0.82215223
                                                                                                                                                + t
                                                                                                                                                        * 0.17087277))))))));
        return t * Math.exp(-x * x + polynomial);
    }

    /**
     * Returns P(X ≥ k) for a count with mean {@code mean} and variance {@code variance}: Poisson when the variance
     * is within 2 % of the mean, else the negative binomial with r = mean²/(variance − mean) and success probability
     * r/(r + mean). Uses P(X ≥ k) = P(k, mean) (regularized lower gamma) for the Poisson and
     * I_{1−p}(k, r) (regularized beta) for the negative binomial. Returns 1 for k ≤ 0.
     */
    static double countUpperTail(long k, double mean, double variance) {
        if (k <= 0) {
            return 1;
        }
        if (mean <= 0) {
            return 0;
        }
        if (variance <= mean * 1.02) {
            return Gamma.regularizedGammaP(k, mean);
        }
        double r = mean * mean / (variance - mean);
        return Beta.regularizedBeta(mean / (r + mean), k, r);
    }

    /** Returns P(X ≤ k) for the count distribution of {@link #countUpperTail}; 0 for k < 0. */
    static double countLowerTail(long k, double mean, double variance) {
        if (k < 0) {
            return 0;
        }
        if (mean <= 0) {
            return 1;
        }
        if (variance <= mean * 1.02) {
            return Gamma.regularizedGammaQ(k + 1.0, mean);
        }
        double r = mean * mean / (variance - mean);
        return Beta.regularizedBeta(r / (r + mean), r, k + 1.0);
    }

    /**
     * Returns the probability that two tests with equicorrelated standard-normal scores are jointly at least this
     * unusual: z_i = −Φ⁻¹(p_i / 2), Mahalanobis distance D = (Σz² − ρ(Σz)²/(nρ + 1 − ρ)) / (1 − ρ), and
     * P = Q(n/2, D/2), which for n = 2 is exp(−D/2). This is the joint less-likely probability that Elastic's
     * ml-cpp uses to combine its single- and multi-bucket probabilities (ProbabilityAggregators.cc).
     */
    static double jointLessLikely(double first, double second, double correlation) {
        if (first >= 1 && second >= 1) {
            return 1;
        }
        double z1 = normalScore(first);
        double z2 = normalScore(second);
        double sum = z1 + z2;
        double distance = (z1 * z1 + z2 * z2 - correlation * sum * sum / (correlation + 1)) / (1 - correlation);
        return Math.max(Math.exp(-distance / 2), SMALLEST);
    }

    /**
     * Returns −Φ⁻¹(p/2), the two-sided normal score of a probability, floored at {@link #SMALLEST}. Uses erfc⁻¹ down
     * to {@link #INVERSE_LIMIT}; below it Hipparchus' erfc⁻¹ (computed as erf⁻¹(1 − p)) loses precision, so the
     * score starts from the asymptotic tail ln Q(z) ≈ −z²/2 − ln(z√(2π)) (Abramowitz and Stegun 26.2.12) and takes
     * Newton steps on ln(2Q(z)) = ln p with {@link #erfc}, whose derivative is −φ(z)/Q(z).
     */
    static double normalScore(double probability) {
        double p = Math.max(Math.min(probability, 1), SMALLEST);
        if (p >= INVERSE_LIMIT) {
            return SQRT2 * Erf.erfcInv(p);
        }
        double logTarget = Math.log(p);
        double z = Math.sqrt(-2 * Math.log(p / 2));
        z = Math.sqrt(Math.max(-2 * Math.log(p / 2 * z * SQRT_2PI), 1));
        for (int step = 0; step < 4; step++) {
            double tail = 0.5 * erfc(z / SQRT2);
            double density = Math.exp(-z * z / 2) / SQRT_2PI;
            z += (Math.log(2 * tail) - logTarget) * tail / density;
        }
        return z;
    }

    /**
     * Returns the multi-bucket impact in [−5, 5]: with ls = ln p_sb and lm = ln p_mb (floored at
     * {@link #SMALLEST}), scale = 5 · min(ls, lm) / min(max(ls, lm), −0.001) / ln 1000, impact = scale · (ls − lm)
     * clamped to [−5, 5] and floored to two decimals. −5 means the single bucket explains the anomaly, +5 the run of
     * buckets. Formula of Elastic's ml-cpp (CProbabilityAndInfluenceCalculator::calculateMultiBucketImpact).
     */
    static double multiBucketImpact(double singleBucket, double multiBucket) {
        double ls = Math.log(Math.max(singleBucket, SMALLEST));
        double lm = Math.log(Math.max(multiBucket, SMALLEST));
        double scale = 5 * Math.min(ls, lm) / Math.min(Math.max(ls, lm), -0.001) / Math.log(1000);
        double impact = Math.max(-5, Math.min(5, scale * (ls - lm)));
        return Math.floor(100 * impact) / 100;
    }
}
