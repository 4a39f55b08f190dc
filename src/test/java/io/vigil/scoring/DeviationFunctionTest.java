package io.vigil.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DeviationFunctionTest {

    /** Reference values are arithmetic on the piecewise definition, rounded as published. */
    @ParameterizedTest
    @CsvSource({
        "0.035, 0.00086, 0.00001",
        "0.01, 0.0080, 0.0001",
        "1e-3, 0.0982, 0.0001",
        "1e-4, 1.0, 0.000001",
        "1e-6, 3.13, 0.005",
        "1e-10, 7.39, 0.005",
        "1e-20, 18.04, 0.005",
        "1e-50, 50.0, 0.000001",
        "1e-100, 59.70, 0.005",
        "1e-300, 98.51, 0.005"
    })
    void scoreMatchesReferenceValues(double p, double expected, double tolerance) {
        assertThat(DeviationFunction.score(p)).isCloseTo(expected, within(tolerance));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.05, 0.5, 1.0, Double.NaN})
    void scoreIsZeroForInsignificantProbabilities(double p) {
        assertThat(DeviationFunction.score(p)).isZero();
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 1e-320, Double.MIN_NORMAL})
    void scoreIsMaximumForTheSmallestProbabilities(double p) {
        assertThat(DeviationFunction.score(p)).isCloseTo(100.0, within(1e-9));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.049, 0.035, 0.01, 1e-4, 3e-7, 1e-50, 1e-120, 1e-250})
    void probabilityInvertsScore(double p) {
        double roundTrip = DeviationFunction.probability(DeviationFunction.score(p));

        assertThat(Math.log(roundTrip)).isCloseTo(Math.log(p), within(1e-9 * Math.abs(Math.log(p))));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -1.0})
    void probabilityOfZeroScoreIsTheConvention(double score) {
        assertThat(DeviationFunction.probability(score)).isEqualTo(0.525);
    }

    @ParameterizedTest
    @ValueSource(doubles = {100.0, 150.0})
    void probabilityOfMaximumScoreIsTheSmallest(double score) {
        assertThat(DeviationFunction.probability(score)).isEqualTo(Double.MIN_NORMAL);
    }
}
