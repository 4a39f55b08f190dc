package io.vigil.analytics;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The skewed shape of a metric series' standardized one-step errors and the tail probabilities it gives on its long
 * side, so that independent skewed values, as latencies and byte counts often are, do not make their routine
 * maxima look rare.
 *
 * <p><b>Shape.</b> The 10th, 50th and 90th percentiles q₁₀, q₅₀, q₉₀ of the errors are tracked by stochastic
 * approximation (Robbins and Monro, Annals of Mathematical Statistics 22(3), 1951) with gain {@link #GAIN}/(n +
 * {@link #GAIN_OFFSET}), where n stops growing at {@link #MEMORY}. The long side is the side of the quantile skewness
 * K = (q₉₀ + q₁₀ − 2q₅₀)/(q₉₀ − q₁₀). On it the errors follow a three-parameter log-normal (Johnson's S_L, Biometrika
 * 36(1/2), 1949) through the median: an error e beyond q₅₀ has the normal deviate ln(1 + (e − q₅₀)/d)/σ, where d =
 * (q₉₀ − q₅₀)/(e^{z₉₀σ} − 1) puts the 90th percentile in place and z₉₀ is the standard normal's 90th percentile.
 * The shape σ comes from two views. The body: a log-normal has K = tanh(z₉₀σ/2), so σ = 2 artanh(K)/z₉₀. The tail:
 * the mean excess of the errors beyond q₉₀ (beyond q₁₀ on a left-skewed side), over q₉₀ − q₅₀, is
 * (e^{σ²/2}(1 − Φ(z₉₀ − σ))/0.1 − e^{z₉₀σ})/(e^{z₉₀σ} − 1) for a log-normal, from its partial expectation, and a
 * table inverts it. The tail view is trusted with weight n/(n + {@link #TAIL_TRUST_BUCKETS}) when it is the lighter,
 * at once when it is the heavier. The body alone overstated the tail of exponential values a thousandfold at p =
 * 1e-7. Each excess is clipped at {@link #EXCESS_CLIP} times the current mean excess and percentiles do not see how
 * far a spike goes, so one spike barely changes the shape.
 *
 * <p><b>Weight.</b> The shape's weight w is a significance weight times an independence weight. The sample K of n
 * normal errors has a standard error of about {@link #SKEWNESS_ERROR}/√n here (measured over 400 seeded series),
 * so the significance weight rises from 0 at |K| = 0.5 standard errors to 1 at 1.5. The independence weight is 1
 * while the lag-1 autocorrelation |ρ| of the errors (clipped at ±{@link #CLIP}), less its sampling error 1/√n, is at
 * most {@link #INDEPENDENT_CORRELATION}, and falls linearly to 0 at {@link #DEPENDENT_CORRELATION}. Skewed errors
 * that are independent are the shape of the series' noise. Skewed errors that come in runs are excursions of the
 * series, which are what an anomaly detector is for: every skewed series of the 31 NAB series has |ρ| of 0.19 or
 * more, and learning their shape cost 2 to 12 points of the standard NAB score, while independent values have |ρ|
 * near 0.
 *
 * <p>A probability becomes the mixture (1 − w)·p_symmetric + w·p_skewed, with p_skewed used only when it is the
 * larger, so the shape never makes a value more unusual than the symmetric model does.
 */
final class ErrorSkewness {

    /** Memory of the percentiles and the autocorrelation, in errors. */
    static final double MEMORY = 2_000;
    /** Gain of the percentile updates: about the inverse density of a standard normal at its 10th percentile. */
    static final double GAIN = 5;
    /** Errors added to n in the gain, so that the first updates do not throw the percentiles about. */
    static final double GAIN_OFFSET = 10;
    /** Standard error of the tracked K of normal errors, times √n: 0.93 at n = 30 to 1.18 at n = 2,000. */
    static final double SKEWNESS_ERROR = 1.2;
    /** Absolute standardized error at which errors are clipped before they enter the autocorrelation. */
    static final double CLIP = 4;
    /** Standard errors of the moment skewness up to which the errors count as normal. */
    static final double SKEWED_FROM = 1;
    /** Standard errors of the moment skewness from which the errors count as skewed. */
    static final double SKEWED_AT = 2;
    /** Largest |ρ|, after its sampling error, at which the shape is fully trusted. */
    static final double INDEPENDENT_CORRELATION = 0.08;
    /** Smallest |ρ|, after its sampling error, at which the shape is not trusted at all. */
    static final double DEPENDENT_CORRELATION = 0.16;
    /**
     * Standard error of the body's shape times √n: K's {@link #SKEWNESS_ERROR} times dσ/dK = 2/(z₉₀(1 − K²)), about
     * 1.6 at K = 0.3. Against none, raising a young shape by it kept 16 more of 400 skewed streams below 25, left NAB
     * unchanged, and lowered the mean score of a value of p = 1e-7 on day 10 by 2 to 7 points.
     */
    static final double SHAPE_ERROR = 1.9;
    /** Largest quantile skewness used. K = 0.95 is a log-normal of shape 2.9. */
    static final double MAX_QUANTILE_SKEWNESS = 0.95;
    /** Largest excess learned, in multiples of the current mean excess. */
    static final double EXCESS_CLIP = 10;
    /** Memory of each side's mean excess, in excesses. */
    static final double EXCESS_MEMORY = MEMORY / 10;
    /** Pseudo-excesses of the normal's mean excess that each side's mean starts from. */
    static final double PRIOR_EXCESSES = 5;
    /** Errors at which half of a lighter tail view replaces the body's shape. */
    static final double TAIL_TRUST_BUCKETS = 200;
    /** The 90th percentile of the standard normal. */
    static final double Z90 = 1.2815515655446004;
    /** Mean excess of a standard normal over its 90th percentile: φ(z₉₀)/0.1 − z₉₀. */
    static final double NORMAL_EXCESS = 0.4735;

    private static final double SHAPE_STEP = 0.01;
    private static final double[] EXCESS_RATIOS = excessRatios();

    private double count;
    private double q10 = -Z90;
    private double q50;
    private double q90 = Z90;
    private double mean;
    private double meanSquare;
    private double meanCube;
    private double meanLag;
    private double previous;
    private double upperCount;
    private double lowerCount;
    private double upperExcess = NORMAL_EXCESS;
    private double lowerExcess = NORMAL_EXCESS;

    /** Returns an independent copy of this shape. */
    ErrorSkewness copy() {
        ErrorSkewness copy = new ErrorSkewness();
        copy.setTo(this);
        return copy;
    }

    /** Makes this shape equal to {@code other}. */
    void setTo(ErrorSkewness other) {
        count = other.count;
        q10 = other.q10;
        q50 = other.q50;
        q90 = other.q90;
        mean = other.mean;
        meanSquare = other.meanSquare;
        meanCube = other.meanCube;
        meanLag = other.meanLag;
        previous = other.previous;
        upperCount = other.upperCount;
        lowerCount = other.lowerCount;
        upperExcess = other.upperExcess;
        lowerExcess = other.lowerExcess;
    }

    /** Learns one standardized error. NaN and infinite errors are ignored. */
    void learn(double error) {
        if (!Double.isFinite(error)) {
            return;
        }
        if (error > q90) {
            upperCount = Math.min(upperCount + 1, EXCESS_MEMORY);
            double excess = Math.min(error - q90, EXCESS_CLIP * upperExcess);
            upperExcess += (excess - upperExcess) / (upperCount + PRIOR_EXCESSES);
        } else if (error < q10) {
            lowerCount = Math.min(lowerCount + 1, EXCESS_MEMORY);
            double excess = Math.min(q10 - error, EXCESS_CLIP * lowerExcess);
            lowerExcess += (excess - lowerExcess) / (lowerCount + PRIOR_EXCESSES);
        }
        count = Math.min(count + 1, MEMORY);
        double gain = GAIN / (count + GAIN_OFFSET);
        q10 += gain * (0.1 - (error < q10 ? 1 : 0));
        q50 += gain * (0.5 - (error < q50 ? 1 : 0));
        q90 += gain * (0.9 - (error < q90 ? 1 : 0));
        q50 = Math.max(q50, q10);
        q90 = Math.max(q90, q50);

        double clipped = Math.max(-CLIP, Math.min(CLIP, error));
        double rate = 1 / count;
        mean += rate * (clipped - mean);
        meanSquare += rate * (clipped * clipped - meanSquare);
        meanCube += rate * (clipped * clipped * clipped - meanCube);
        if (count > 1) {
            // The first product sets the mean lagged product, and later ones average into it.
            meanLag += (count > 2 ? rate : 1) * (clipped * previous - meanLag);
        }
        previous = clipped;
    }

    /** Returns the weight w in [0, 1] of the learned shape: significance times independence. */
    double weight() {
        double standardErrors = Math.abs(quantileSkewness()) * Math.sqrt(count) / SKEWNESS_ERROR;
        return independence() * Math.min(1, Math.max(0, standardErrors - 0.5));
    }

    /**
     * Returns the evidence in [0, 1] that the errors are skewed, from their moment skewness G (of errors clipped at
     * ±{@link #CLIP}) against its standard error √(6/n) under the normal: 0 up to {@link #SKEWED_FROM} standard
     * errors, 1 from {@link #SKEWED_AT}. The moment skewness separates skewed from normal errors sooner than
     * the percentiles do: a log-normal of shape 0.5 has G = 1.75, 3.9 standard errors at n = 30, and K = 0.31, 1.4.
     */
    double skewedEvidence() {
        double variance = meanSquare - mean * mean;
        if (count < 3 || !(variance > 0)) {
            return 0;
        }
        double third = meanCube - 3 * mean * meanSquare + 2 * mean * mean * mean;
        double standardErrors = Math.abs(third / Math.pow(variance, 1.5)) / Math.sqrt(6 / count);
        return Math.min(1, Math.max(0, (standardErrors - SKEWED_FROM) / (SKEWED_AT - SKEWED_FROM)));
    }

    /** Returns the lag-1 autocorrelation of the clipped errors, or 0 before three errors. */
    double correlation() {
        double variance = meanSquare - mean * mean;
        if (count < 3 || !(variance > 0)) {
            return 0;
        }
        return (meanLag - mean * mean) / variance;
    }

    /** Returns the independence weight of the errors, or 0 before three errors. */
    double independence() {
        double variance = meanSquare - mean * mean;
        if (count < 3 || !(variance > 0)) {
            return 0;
        }
        double correlation = Math.abs(correlation()) - 1 / Math.sqrt(count);
        double independence = (DEPENDENT_CORRELATION - correlation) / (DEPENDENT_CORRELATION - INDEPENDENT_CORRELATION);
        return Math.min(1, Math.max(0, independence));
    }

    /** Returns the quantile skewness K of the percentiles, within ±{@link #MAX_QUANTILE_SKEWNESS}. */
    double quantileSkewness() {
        double spread = q90 - q10;
        if (!(spread > 0)) {
            return 0;
        }
        double skewness = (q90 + q10 - 2 * q50) / spread;
        return Math.max(-MAX_QUANTILE_SKEWNESS, Math.min(MAX_QUANTILE_SKEWNESS, skewness));
    }

    /**
     * Returns the probability {@code tail} of a standardized {@code error} under the symmetric model, mixed with the
     * learned shape's when the error lies on its long side: (1 − w)·tail + w·p_skewed, where p_skewed = 2·P(T >
     * deviate) for Student's t with {@code degrees}, and only when p_skewed is the larger.
     */
    double widen(double tail, double error, double degrees) {
        double weight = weight();
        if (!(weight > 0) || !(error * quantileSkewness() > 0)) {
            return tail;
        }
        double skewedTail = Math.min(1, 2 * Probabilities.upperTail(deviate(error), degrees));
        return skewedTail > tail ? (1 - weight) * tail + weight * skewedTail : tail;
    }

    /**
     * Returns the probability {@code tail} of a standardized exponentially weighted average of the series, with weight
     * {@code rate} on the newest value, mixed as {@link #widen} does with the tail of a log-normal of mean 0, standard
     * deviation 1 and the average's skewness. An average of independent values with skewness γ has skewness
     * γ(1 − (1 − r)²)^{3/2}/(1 − (1 − r)³), from its second and third cumulants, where γ is that of the learned log-normal,
     * (ω + 2)√(ω − 1) with ω = exp(σ²).
     */
    double widenAverage(double tail, double score, double rate) {
        double weight = weight();
        double skewness = quantileSkewness();
        if (!(weight > 0) || !(score * skewness > 0)) {
            return tail;
        }
        double shape = shape(skewness);
        double omega = Math.exp(shape * shape);
        double keep = 1 - rate;
        double averageSkewness =
                (omega + 2) * Math.sqrt(omega - 1) * Math.pow(1 - keep * keep, 1.5) / (1 - keep * keep * keep);
        double averageOmega = omega(averageSkewness);
        // The log-normal with mean 0 and standard deviation 1: its shift lies at -1/√(ω - 1), its median above that.
        double toShift = 1 / Math.sqrt(averageOmega - 1);
        double toMedian = toShift / Math.sqrt(averageOmega);
        double deviate = Math.log((Math.abs(score) + toShift) / toMedian) / Math.sqrt(Math.log(averageOmega));
        double skewedTail = Math.min(1, 2 * Probabilities.upperTail(deviate, Probabilities.NORMAL_DEGREES));
        return skewedTail > tail ? (1 - weight) * tail + weight * skewedTail : tail;
    }

    /**
     * Returns ω = exp(σ²) of the log-normal with skewness |γ|, the real root of (ω + 2)²(ω − 1) = γ²: ω = ∛(1 + γ²/2 +
     * γ√(1 + γ²/4)) + ∛(1 + γ²/2 − γ√(1 + γ²/4)) − 1 by Cardano's formula.
     */
    static double omega(double skewness) {
        double g = Math.abs(skewness);
        double root = g * Math.sqrt(1 + g * g / 4);
        double base = 1 + g * g / 2;
        return Math.cbrt(base + root) + Math.cbrt(base - root) - 1;
    }

    /**
     * Returns the normal deviate of {@code error} under the log-normal of the long side, measured towards that side,
     * or 0 when the error is not beyond the median on that side or the percentiles are symmetric.
     */
    double deviate(double error) {
        double skewness = quantileSkewness();
        if (skewness == 0) {
            return 0;
        }
        // A left-skewed shape is mirrored, so that its long side is above.
        double distance = Math.signum(skewness) * (error - q50);
        if (!(distance > 0)) {
            return 0;
        }
        double shape = shape(skewness);
        return Math.log1p(distance / toShift(skewness, shape)) / shape;
    }

    /** Returns the error at normal deviate {@code deviate} on the long side: the inverse of {@link #deviate}. */
    double quantile(double deviate) {
        double skewness = quantileSkewness();
        if (skewness == 0) {
            return q50 + deviate * (q90 - q50) / Z90;
        }
        double shape = shape(skewness);
        return q50 + Math.signum(skewness) * toShift(skewness, shape) * Math.expm1(shape * deviate);
    }

    /**
     * Returns the long side's log-normal shape σ from the body and the tail views, positive when K is not 0. While
     * the percentiles are young, the shape is raised by its standard error beyond the one it has at full memory,
     * {@link #SHAPE_ERROR}·(1/√n − 1/√{@link #MEMORY}), because a young estimate is as often too light as too heavy,
     * and a tail too light makes a normal value look rare.
     */
    double shape(double skewness) {
        double k = Math.abs(skewness);
        double fromBody = Math.log((1 + k) / (1 - k)) / Z90;
        double near = skewness > 0 ? q90 - q50 : q50 - q10;
        double fromTail = excessShape((skewness > 0 ? upperExcess : lowerExcess) / near);
        double trust = fromTail > fromBody ? 1 : count / (count + TAIL_TRUST_BUCKETS);
        double youth = Math.max(0, 1 / Math.sqrt(Math.max(count, 1)) - 1 / Math.sqrt(MEMORY));
        return Math.max(1e-6, fromBody + trust * (fromTail - fromBody)) + SHAPE_ERROR * youth;
    }

    /** Returns the distance from the median to the log-normal's shift: d = (q₉₀ − q₅₀)/(e^{z₉₀σ} − 1). */
    private double toShift(double skewness, double shape) {
        double near = skewness > 0 ? q90 - q50 : q50 - q10;
        return near / Math.expm1(Z90 * shape);
    }

    /**
     * Returns the ratio of the mean excess over the 90th percentile to the distance from the median to the 90th
     * percentile of log-normals of shape σ = 0, 0.01, ..., 3.
     */
    private static double[] excessRatios() {
        double[] ratios = new double[301];
        for (int i = 0; i < ratios.length; i++) {
            double sigma = Math.max(i * SHAPE_STEP, 1e-4);
            double tail = Probabilities.upperTail(Z90 - sigma, Probabilities.NORMAL_DEGREES);
            double partial = Math.exp(sigma * sigma / 2) * tail / 0.1;
            ratios[i] = (partial - Math.exp(Z90 * sigma)) / Math.expm1(Z90 * sigma);
        }
        return ratios;
    }

    /** Returns the log-normal shape with the excess ratio {@code ratio}, interpolated in the table, or 0 below it. */
    static double excessShape(double ratio) {
        if (!(ratio > EXCESS_RATIOS[0])) {
            return 0;
        }
        // The table rises with the shape, so a binary search finds the first ratio at or above the requested one.
        int high = 1;
        int top = EXCESS_RATIOS.length - 1;
        while (high < top) {
            int middle = (high + top) >>> 1;
            if (EXCESS_RATIOS[middle] < ratio) {
                high = middle + 1;
            } else {
                top = middle;
            }
        }
        double low = EXCESS_RATIOS[high - 1];
        double fraction = Math.min(1, (ratio - low) / (EXCESS_RATIOS[high] - low));
        return (high - 1 + fraction) * SHAPE_STEP;
    }

    long memoryBytes() {
        return 16 + 13 * 8;
    }

    void writeTo(DataOutput out) throws IOException {
        for (double value : new double[] {
            count, q10, q50, q90, mean, meanSquare, meanLag, previous, upperCount, lowerCount, upperExcess, lowerExcess
        }) {
            out.writeDouble(value);
        }
        out.writeDouble(meanCube);
    }

    /**
     * Reads a state written by {@link #writeTo}. One written before the third moment was kept ({@code withCube}
     * false) takes the normal's, so it shows no evidence of skew until new errors arrive.
     */
    static ErrorSkewness read(DataInput in, boolean withCube) throws IOException {
        ErrorSkewness skewness = new ErrorSkewness();
        skewness.count = in.readDouble();
        skewness.q10 = in.readDouble();
        skewness.q50 = in.readDouble();
        skewness.q90 = in.readDouble();
        skewness.mean = in.readDouble();
        skewness.meanSquare = in.readDouble();
        skewness.meanLag = in.readDouble();
        skewness.previous = in.readDouble();
        skewness.upperCount = in.readDouble();
        skewness.lowerCount = in.readDouble();
        skewness.upperExcess = in.readDouble();
        skewness.lowerExcess = in.readDouble();
        double mean = skewness.mean;
        double normalCube = 3 * mean * skewness.meanSquare - 2 * mean * mean * mean;
        skewness.meanCube = withCube ? in.readDouble() : normalCube;
        return skewness;
    }
}
