package io.vigil.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.hipparchus.distribution.continuous.ChiSquaredDistribution;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.distribution.discrete.PascalDistribution;
import org.hipparchus.distribution.discrete.PoissonDistribution;
import org.junit.jupiter.api.Test;

class ProbabilitiesTest {

    /** Relative error bound of the Numerical Recipes erfc fit behind the normal tail. */
    private static final double RELATIVE = 1.2e-7;

    @Test
    void normalTailMatchesHipparchus() {
        NormalDistribution normal = new NormalDistribution(0, 1);
        for (double z : new double[] {-3, -0.5, 0, 0.5, 2, 5, 8}) {
            double expected = 1 - normal.cumulativeProbability(z);
            if (z > 0) {
                expected = normal.cumulativeProbability(-z);
            }
            assertThat(Probabilities.upperTail(z, Probabilities.NORMAL_DEGREES))
                    .isCloseTo(expected, within(expected * RELATIVE + 1e-16));
        }
    }

    @Test
    void erfcMatchesHipparchus() {
        for (double x = 0; x < 26; x += 0.25) {
            double expected = org.hipparchus.special.Erf.erfc(x);
            assertThat(Probabilities.erfc(x)).isCloseTo(expected, within(expected * RELATIVE));
        }
    }

    @Test
    void studentTailMatchesHipparchus() {
        for (double degrees : new double[] {1, 3, 10, 50}) {
            TDistribution t = new TDistribution(degrees);
            for (double z : new double[] {-2, 0.3, 1.5, 4, 20}) {
                double expected = z > 0 ? t.cumulativeProbability(-z) : 1 - t.cumulativeProbability(z);
                assertThat(Probabilities.upperTail(z, degrees)).isCloseTo(expected, within(expected * 1e-7));
            }
        }
    }

    @Test
    void poissonTailsMatchHipparchus() {
        PoissonDistribution poisson = new PoissonDistribution(3.5);
        for (int k = 0; k <= 15; k++) {
            double below = poisson.cumulativeProbability(k);
            double above = k == 0 ? 1 : 1 - poisson.cumulativeProbability(k - 1);
            assertThat(Probabilities.countLowerTail(k, 3.5, 3.5)).isCloseTo(below, within(1e-10));
            assertThat(Probabilities.countUpperTail(k, 3.5, 3.5)).isCloseTo(above, within(1e-10));
        }
    }

    @Test
    void negativeBinomialTailsMatchPascal() {
        // r = 3 successes with p = 0.25 has mean r(1 - p)/p = 9 and variance mean/p = 36.
        PascalDistribution pascal = new PascalDistribution(3, 0.25);
        for (int k = 0; k <= 40; k += 3) {
            double below = pascal.cumulativeProbability(k);
            double above = k == 0 ? 1 : 1 - pascal.cumulativeProbability(k - 1);
            assertThat(Probabilities.countLowerTail(k, 9, 36)).isCloseTo(below, within(1e-10));
            assertThat(Probabilities.countUpperTail(k, 9, 36)).isCloseTo(above, within(1e-10));
        }
    }

    @Test
    void jointOfIndependentEqualsChiSquare() {
        ChiSquaredDistribution chiSquare = new ChiSquaredDistribution(2);
        for (double p : new double[] {0.5, 0.05, 1e-4}) {
            double z = new NormalDistribution(0, 1).inverseCumulativeProbability(p / 2);
            double expected = 1 - chiSquare.cumulativeProbability(2 * z * z);
            assertThat(Probabilities.jointLessLikely(p, p, 0)).isCloseTo(expected, within(expected * 1e-6));
        }
    }

    @Test
    void jointOfCertainIsOne() {
        assertThat(Probabilities.jointLessLikely(1, 1, 0.45)).isEqualTo(1);
    }

    @Test
    void normalScoreInvertsTinyProbabilities() {
        for (double p : new double[] {0.3, 1e-7, 1e-10, 1e-16, 1e-40, 1e-100, 1e-300}) {
            double z = Probabilities.normalScore(p);
            double back = 2 * Probabilities.upperTail(z, Probabilities.NORMAL_DEGREES);
            assertThat(back).isCloseTo(p, within(p * 1e-5));
        }
    }

    @Test
    void multiBucketImpactMatchesReferenceExamples() {
        assertThat(Probabilities.multiBucketImpact(1e-6, 0.5)).isEqualTo(-5);
        assertThat(Probabilities.multiBucketImpact(0.5, 1e-6)).isEqualTo(5);
        assertThat(Probabilities.multiBucketImpact(1e-3, 1e-3)).isEqualTo(0);
        assertThat(Probabilities.multiBucketImpact(0.01, 0.02)).isEqualTo(-0.6);
    }
}
