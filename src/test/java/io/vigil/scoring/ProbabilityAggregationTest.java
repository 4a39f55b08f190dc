package io.vigil.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProbabilityAggregationTest {

    private static final double TOLERANCE = 1e-9;

    @Test
    void jointOfOneProbabilityIsItself() {
        double log = ProbabilityAggregation.logJointLessLikely(new double[] {0.02}, 1, 0.0);

        assertThat(log).isCloseTo(Math.log(0.02), within(TOLERANCE));
    }

    /** With two independent values the chi-square survival function with 2 degrees of freedom is exp(-D/2). */
    @Test
    void jointOfTwoIndependentProbabilitiesIsChiSquareTail() {
        double z1 = 1.959963984540054; // two-sided 5% point of the standard normal
        double z2 = 2.5758293035489004; // two-sided 1% point
        double expected = -(z1 * z1 + z2 * z2) / 2.0;

        double log = ProbabilityAggregation.logJointLessLikely(new double[] {0.05, 0.01}, 2, 0.0);

        assertThat(log).isCloseTo(expected, within(1e-7));
    }

    @Test
    void jointOfProbabilitiesOfOneIsOne() {
        double log = ProbabilityAggregation.logJointLessLikely(new double[] {1.0, 1.0, 1.0}, 3, 0.0);

        assertThat(log).isCloseTo(0.0, within(TOLERANCE));
    }

    @Test
    void jointKeepsOrderOfTinyProbabilities() {
        double smaller = ProbabilityAggregation.logJointLessLikely(new double[] {1e-200, 1e-200}, 2, 0.0);
        double larger = ProbabilityAggregation.logJointLessLikely(new double[] {1e-150, 1e-200}, 2, 0.0);

        assertThat(smaller).isLessThan(larger);
        assertThat(smaller).isLessThan(Math.log(1e-300));
    }

    @Test
    void correlationMakesJointLessExtreme() {
        double[] probabilities = {1e-3, 1e-3};

        double independent = ProbabilityAggregation.logJointLessLikely(probabilities, 2, 0.0);
        double correlated = ProbabilityAggregation.logJointLessLikely(probabilities, 2, 0.454);

        assertThat(correlated).isGreaterThan(independent);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 1e-3, 1e-12, 1e-40, 1e-200})
    void normalTailInvertsTheTwoSidedTail(double p) {
        double z = NormalTail.z(p);
        // ln P(|Z| >= z) from the same asymptotic series below 1e-12 and from erfc above.
        double logTail = p >= 1e-12
                ? Math.log(org.hipparchus.special.Erf.erfc(z / Math.sqrt(2.0)))
                : -z * z / 2.0 - Math.log(z) + 0.5 * Math.log(2.0 / Math.PI) + Math.log(1.0 - 1.0 / (z * z));

        assertThat(logTail).isCloseTo(Math.log(p), within(1e-3 * Math.abs(Math.log(p))));
    }

    @Test
    void oneOfNIsOneMinusComplementPower() {
        double log = ProbabilityAggregation.logAtLeastMOfN(0.01, 1, 10);

        assertThat(Math.exp(log)).isCloseTo(1.0 - Math.pow(0.99, 10), within(TOLERANCE));
    }

    @Test
    void twoOfThreeIsBinomialTail() {
        double p = 0.1;
        double expected = 3 * p * p * (1 - p) + p * p * p;

        double log = ProbabilityAggregation.logAtLeastMOfN(p, 2, 3);

        assertThat(Math.exp(log)).isCloseTo(expected, within(TOLERANCE));
    }

    @Test
    void twoOfThreeStaysFiniteForTinyProbabilities() {
        double log = ProbabilityAggregation.logAtLeastMOfN(1e-200, 2, 3);

        assertThat(log).isCloseTo(Math.log(3.0) + 2 * Math.log(1e-200), within(1e-6));
    }
}
