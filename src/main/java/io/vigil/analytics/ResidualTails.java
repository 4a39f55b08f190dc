package io.vigil.analytics;

/** The residual distributions of the two series kinds, turned into an {@link Evaluation} without calibration. */
final class ResidualTails {

    /** The 97.5th percentile of the standard normal, for the 95% interval. */
    static final double NORMAL_975 = 1.959963984540054;

    private ResidualTails() {}

    /**
     * Evaluates a metric value against a Student's t error with scale {@code sigma} and {@code degrees} degrees of
     * freedom. The interval uses the Cornish-Fisher expansion of the t quantile, z + (z³ + z)/(4ν) +
     * (5z⁵ + 16z³ + 3z)/(96ν²) (Abramowitz and Stegun 26.7.5), which is within 1 % from 4 degrees of freedom. When
     * the errors are skewed and independent, {@link ErrorSkewness} mixes its tail into the probability of a value on
     * the long side, and moves that end of the interval towards its own quantile by its weight. {@link
     * ResidualModes} then mixes in the secondary modes the errors keep returning to. The probability is at least
     * {@code jumpTail}, the tail of the {@link ErrorJumps} view. The interval's lower end is at least
     * {@code lowerFloor}: 0 for a series that has never been negative, so that a byte count's bounds stay
     * non-negative.
     */
    static Evaluation metric(
            double value,
            double prediction,
            double sigma,
            double degrees,
            ErrorSkewness skewness,
            ResidualModes modes,
            double jumpTail,
            double lowerFloor) {
        double error = (value - prediction) / sigma;
        // Only the side the value is on has a one-sided probability below 1.
        double tail = Math.min(1, 2 * Probabilities.upperTail(Math.abs(error), degrees));
        tail = Math.max(modes.widen(skewness.widen(tail, error, degrees), error), jumpTail);
        double upperRaw = error >= 0 ? tail : 1;
        double lowerRaw = error >= 0 ? 1 : tail;
        double nu = Math.max(degrees, 1);
        double z = NORMAL_975;
        double z3 = z * z * z;
        double quantile = degrees >= Probabilities.NORMAL_DEGREES
                ? z
                : z + (z3 + z) / (4 * nu) + (5 * z3 * z * z + 16 * z3 + 3 * z) / (96 * nu * nu);
        double lower = -quantile;
        double upper = quantile;
        double weight = skewness.weight();
        if (weight > 0 && skewness.quantileSkewness() != 0) {
            double longSide = skewness.quantile(quantile);
            if (skewness.quantileSkewness() > 0) {
                upper += weight * Math.max(longSide - upper, 0);
            } else {
                lower += weight * Math.min(longSide - lower, 0);
            }
        }
        return Evaluation.ofResidual(
                prediction,
                Math.max(lowerFloor, prediction + lower * sigma),
                prediction + upper * sigma,
                error,
                value >= prediction,
                upperRaw,
                lowerRaw);
    }

    /**
     * Evaluates a count (rounded to the nearest integer) against a Poisson or negative binomial with mean
     * max(prediction, meanFloor) and variance max(sigma², mean). The floor keeps a rare non-zero count possible when
     * the prediction has decayed to 0 (see the model's count mean floor). Means above {@link AdaptiveSeriesModel#LARGE_COUNT} use
     * the normal approximation with continuity correction. The interval is mean ± 1.96 standard deviations, floored
     * at 0.
     */
    static Evaluation count(double value, double prediction, double sigma, double meanFloor) {
        double mean = Math.max(prediction, meanFloor);
        double variance = Math.max(sigma * sigma, mean);
        double deviation = Math.sqrt(variance);
        long k = Math.round(value);

        double upperTail;
        double lowerTail;
        if (mean > AdaptiveSeriesModel.LARGE_COUNT) {
            upperTail = Probabilities.upperTail((k - 0.5 - mean) / deviation, Probabilities.NORMAL_DEGREES);
            lowerTail = Probabilities.upperTail((mean - k - 0.5) / deviation, Probabilities.NORMAL_DEGREES);
        } else {
            upperTail = Probabilities.countUpperTail(k, mean, variance);
            lowerTail = Probabilities.countLowerTail(k, mean, variance);
        }

        double error = deviation > 0 ? (value - mean) / deviation : 0;
        double halfWidth = NORMAL_975 * deviation;
        double upperRaw = Math.min(1, 2 * upperTail);
        double lowerRaw = Math.min(1, 2 * lowerTail);
        return Evaluation.ofResidual(
                Math.max(prediction, 0),
                Math.max(mean - halfWidth, 0),
                mean + halfWidth,
                error,
                value >= mean,
                upperRaw,
                lowerRaw);
    }
}
