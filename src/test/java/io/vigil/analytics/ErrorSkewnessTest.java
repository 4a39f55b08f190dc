package io.vigil.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ErrorSkewnessTest {

    /** Mean and standard deviation of exp(0.5 Z): e^{σ²/2} and e^{σ²/2}√(e^{σ²} − 1). */
    private static final double LOG_NORMAL_MEAN = Math.exp(0.125);

    private static final double LOG_NORMAL_SD = LOG_NORMAL_MEAN * Math.sqrt(Math.expm1(0.25));

    /** Returns the standardized error of the log-normal value exp(0.5 z). */
    private static double logNormalError(double z) {
        return (Math.exp(0.5 * z) - LOG_NORMAL_MEAN) / LOG_NORMAL_SD;
    }

    private static ErrorSkewness learnLogNormal(int count, long seed) {
        ErrorSkewness skewness = new ErrorSkewness();
        Random random = new Random(seed);
        for (int i = 0; i < count; i++) {
            skewness.learn(logNormalError(random.nextGaussian()));
        }
        return skewness;
    }

    @Test
    void learnsTheShapeOfLogNormalErrors() {
        ErrorSkewness skewness = learnLogNormal(20_000, 7L);

        // K = tanh(z₉₀σ/2) for a log-normal of shape σ = 0.5.
        assertThat(skewness.quantileSkewness()).isCloseTo(Math.tanh(ErrorSkewness.Z90 * 0.25), within(0.02));
        assertThat(skewness.deviate(logNormalError(3))).isCloseTo(3, within(0.15));
        assertThat(skewness.deviate(logNormalError(5))).isCloseTo(5, within(0.3));
        assertThat(skewness.weight()).isGreaterThan(0.98);
    }

    /**
     * The largest of 4,000 log-normal errors has a one-sided probability near 1/4,000. The symmetric normal puts
     * the log-normal's 3.5-sigma point 6.6 standard deviations out, at 4e-11, and the mixture brings it within a factor of
     * 2 of the log-normal's 4.7e-4.
     */
    @Test
    void widensLongSideToLogNormalTail() {
        ErrorSkewness skewness = learnLogNormal(4_000, 19L);
        double error = logNormalError(3.5);
        double normal = 2 * Probabilities.upperTail(error, Probabilities.NORMAL_DEGREES);

        double widened = skewness.widen(normal, error, Probabilities.NORMAL_DEGREES);

        assertThat(normal).isLessThan(1e-10);
        assertThat(widened).isBetween(2.3e-4, 9.4e-4);
    }

    @Test
    void leavesTheShortSideAlone() {
        ErrorSkewness skewness = learnLogNormal(4_000, 19L);
        double error = -1.5;
        double normal = 2 * Probabilities.upperTail(1.5, Probabilities.NORMAL_DEGREES);

        assertThat(skewness.widen(normal, error, Probabilities.NORMAL_DEGREES)).isEqualTo(normal);
    }

    /**
     * Normal errors keep a tracked K within about two standard errors of 0, and the tail view, whose mean excess is
     * the normal's, keeps the shape nearly normal: this seed's K = 0.043 widens p at 5 standard deviations 6.4 times.
     */
    @Test
    void symmetricErrorsKeepTheirProbabilities() {
        ErrorSkewness skewness = new ErrorSkewness();
        Random random = new Random(101L);
        for (int i = 0; i < 20_000; i++) {
            skewness.learn(random.nextGaussian());
        }
        double normal = 2 * Probabilities.upperTail(5, Probabilities.NORMAL_DEGREES);

        assertThat(Math.abs(skewness.quantileSkewness()))
                .isLessThan(2 * ErrorSkewness.SKEWNESS_ERROR / Math.sqrt(ErrorSkewness.MEMORY));
        assertThat(skewness.widen(normal, 5, Probabilities.NORMAL_DEGREES)).isLessThan(10 * normal);
        assertThat(skewness.widen(normal, -5, Probabilities.NORMAL_DEGREES)).isLessThan(10 * normal);
    }

    /** Percentiles do not see how far a spike goes: one error of a million moves K by at most one gain step. */
    @Test
    void oneSpikeDoesNotMakeErrorsSkewed() {
        ErrorSkewness skewness = new ErrorSkewness();
        Random random = new Random(7L);
        for (int i = 0; i < 2_000; i++) {
            skewness.learn(random.nextGaussian());
        }
        double before = skewness.quantileSkewness();

        skewness.learn(1e6);

        assertThat(skewness.quantileSkewness()).isCloseTo(before, within(0.002));
    }

    /** Skewed errors that come in runs, with lag-1 autocorrelation 0.5, are excursions and get no weight. */
    @Test
    void correlatedErrorsGetNoWeight() {
        ErrorSkewness skewness = new ErrorSkewness();
        Random random = new Random(7L);
        double state = 0;
        for (int i = 0; i < 4_000; i++) {
            state = 0.5 * state + logNormalError(random.nextGaussian());
            skewness.learn(state);
        }
        double normal = 2 * Probabilities.upperTail(6, Probabilities.NORMAL_DEGREES);

        assertThat(skewness.quantileSkewness()).isGreaterThan(0.1);
        assertThat(skewness.independence()).isZero();
        assertThat(skewness.widen(normal, 6, Probabilities.NORMAL_DEGREES)).isEqualTo(normal);
    }

    @Test
    void quantileInvertsDeviate() {
        ErrorSkewness skewness = learnLogNormal(4_000, 7L);

        for (double error : new double[] {0.5, 2, 7, 40}) {
            assertThat(skewness.quantile(skewness.deviate(error))).isCloseTo(error, within(1e-9 * error));
        }
    }

    /** The log-normal of skewness 2 (an exponential's) has ω = 1.3553: (ω + 2)²(ω − 1) = 4. */
    @Test
    void omegaSolvesTheSkewnessEquation() {
        double omega = ErrorSkewness.omega(2);

        assertThat((omega + 2) * (omega + 2) * (omega - 1)).isCloseTo(4, within(1e-12));
        assertThat(omega).isCloseTo(1.3553, within(1e-4));
    }

    /**
     * An exponentially weighted average of skewed independent errors is skewed too, so a short average 5 standard
     * deviations above its mean is far likelier than the normal's 5.7e-7.
     */
    @Test
    void widensTheShortAverageOfSkewedErrors() {
        ErrorSkewness skewness = learnLogNormal(4_000, 7L);
        double normal = 2 * Probabilities.upperTail(5, Probabilities.NORMAL_DEGREES);

        double widened = skewness.widenAverage(normal, 5, LongRunLevel.SHORT_RATE);

        assertThat(widened).isGreaterThan(1000 * normal);
        assertThat(widened).isLessThan(0.01);
        assertThat(skewness.widenAverage(normal, -5, LongRunLevel.SHORT_RATE)).isEqualTo(normal);
    }

    /**
     * Errors -1, -1, 2 repeated have moment skewness 1/√2. After 27 of them its standard error √(6/27) puts it 1.5
     * standard errors out, halfway from 1 to 2. After 90 it is 2.7 out, and after 3, 0.5.
     */
    @Test
    void skewedEvidenceGrowsWithStandardErrors() {
        ErrorSkewness skewness = new ErrorSkewness();
        double[] errors = {-1, -1, 2};
        double[] evidence = new double[91];
        for (int i = 1; i <= 90; i++) {
            skewness.learn(errors[(i - 1) % 3]);
            evidence[i] = skewness.skewedEvidence();
        }

        assertThat(evidence[3]).isEqualTo(0);
        assertThat(evidence[27]).isCloseTo(0.5, within(1e-9));
        assertThat(evidence[90]).isEqualTo(1);
    }

    @Test
    void normalErrorsShowNoSkew() {
        Random random = new Random(5);
        ErrorSkewness skewness = new ErrorSkewness();
        for (int i = 0; i < 300; i++) {
            skewness.learn(random.nextGaussian());
        }

        assertThat(skewness.skewedEvidence()).isLessThan(0.2);
        assertThat(learnLogNormal(300, 5L).skewedEvidence()).isEqualTo(1);
    }

    @Test
    void stateRoundTrips() throws IOException {
        ErrorSkewness skewness = learnLogNormal(500, 7L);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        skewness.writeTo(new DataOutputStream(bytes));

        ErrorSkewness read =
                ErrorSkewness.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), true);

        assertThat(read.quantileSkewness()).isEqualTo(skewness.quantileSkewness());
        assertThat(read.skewedEvidence()).isEqualTo(skewness.skewedEvidence());
        assertThat(read.weight()).isEqualTo(skewness.weight());
        assertThat(read.deviate(4)).isEqualTo(skewness.deviate(4));
    }
}
