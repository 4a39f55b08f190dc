package io.vigil.scoring;

import org.hipparchus.special.Erf;

/**
 * The two-sided standard normal tail and its inverse: {@code z(p)} is the {@code z >= 0} with
 * {@code P(|Z| >= z) = p}, that is {@code z = -Φ⁻¹(p/2)}. Thread-safe.
 */
final class NormalTail {

    /** Below this, {@code erfcInv} loses precision in double arithmetic, so the asymptotic inverse is used. */
    private static final double ASYMPTOTIC_BELOW = 1e-12;

    private static final double SQRT_2 = Math.sqrt(2.0);
    private static final double LOG_SQRT_PI = 0.5 * Math.log(Math.PI);

    private NormalTail() {}

    /** Returns {@code z >= 0} with a two-sided tail probability of {@code p}; p is clamped to (0, 1]. */
    static double z(double p) {
        double probability = Math.min(Math.max(p, DeviationFunction.SMALLEST_PROBABILITY), 1.0);
        if (probability >= ASYMPTOTIC_BELOW) {
            return SQRT_2 * Erf.erfcInv(probability);
        }
        return SQRT_2 * erfcInverseAsymptotic(Math.log(probability));
    }

    /**
     * Solves {@code ln erfc(x) = logP} by Newton's method on the asymptotic expansion
     * {@code erfc(x) ≈ exp(-x²) / (x√π) · (1 - 1/(2x²) + 3/(4x⁴) - 15/(8x⁶))} (Abramowitz and Stegun 7.1.23), whose
     * relative error is below 1e-6 for the x ≥ 5 reached here.
     */
    private static double erfcInverseAsymptotic(double logP) {
        double x = Math.sqrt(-logP);
        for (int iteration = 0; iteration < 50; iteration++) {
            double x2 = x * x;
            double series = 1.0 - 1.0 / (2.0 * x2) + 3.0 / (4.0 * x2 * x2) - 15.0 / (8.0 * x2 * x2 * x2);
            double value = -x2 - Math.log(x) - LOG_SQRT_PI + Math.log(series);
            double derivative = -2.0 * x - 1.0 / x;
            double step = (value - logP) / derivative;
            x -= step;
            if (Math.abs(step) < 1e-12 * x) {
                break;
            }
        }
        return x;
    }
}
