package io.vigil.engine;

/**
 * A running sum of doubles that neither overflows on the way nor drops small terms beside large ones. Each term is
 * scaled by 2^-64, which is exact, so even 2^63 terms of the largest double cannot overflow a partial sum. The terms
 * are added with Neumaier's variant of Kahan's compensated summation. Then 1e308 + 1e308 - 1e308 - 1e308 + 150 is 150
 * instead of infinity or 0.
 *
 * <p>NOTE: a term below about 1e-288 in magnitude becomes subnormal when scaled and loses precision.
 */
final class CompensatedSum {

    private static final double SCALE = 0x1p-64;
    private static final double UNSCALE = 0x1p64;

    private double scaledSum;
    private double compensation;

    /** Adds {@code term}, which must be finite. */
    void add(double term) {
        add(term, 1.0);
    }

    /** Adds {@code value} times {@code weight}, both finite, without forming their product unscaled. */
    void add(double value, double weight) {
        double scaled = value * SCALE * weight;
        double next = scaledSum + scaled;
        if (Math.abs(scaledSum) >= Math.abs(scaled)) {
            compensation += (scaledSum - next) + scaled;
        } else {
            compensation += (scaled - next) + scaledSum;
        }
        scaledSum = next;
    }

    /** Returns the sum, saturated at ±{@link Double#MAX_VALUE} when it lies beyond the largest double. */
    double value() {
        return saturate((scaledSum + compensation) * UNSCALE);
    }

    /** Returns the sum divided by {@code divisor}, computed so that no step overflows unless the quotient does. */
    double dividedBy(double divisor) {
        return saturate((scaledSum + compensation) / divisor * UNSCALE);
    }

    /** Returns this sum minus {@code other}, saturated as {@link #value}. */
    double minus(CompensatedSum other) {
        return saturate(scaledDifference(other) * UNSCALE);
    }

    /** Returns (this sum minus {@code other}) divided by {@code divisor}, saturated as {@link #value}. */
    double minusDividedBy(CompensatedSum other, double divisor) {
        return saturate(scaledDifference(other) / divisor * UNSCALE);
    }

    private double scaledDifference(CompensatedSum other) {
        return (scaledSum - other.scaledSum) + (compensation - other.compensation);
    }

    private static double saturate(double value) {
        return Double.isInfinite(value) ? Math.copySign(Double.MAX_VALUE, value) : value;
    }
}
