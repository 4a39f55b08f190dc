package io.vigil.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ScoreAggregatorTest {

    private static final double TOLERANCE = 1e-9;

    @Test
    void singleDetectorRawScoreIsEightTenthsOfDeviation() {
        AggregatedScore score = ScoreAggregator.aggregate(new double[] {1e-6}, 1, AggregationStyle.DETECTORS);

        assertThat(score.rawScore()).isCloseTo(0.8 * DeviationFunction.score(1e-6), within(TOLERANCE));
        assertThat(score.probability()).isCloseTo(1e-6, within(1e-15));
    }

    @Test
    void seriesStyleAdjustsMinimumForCount() {
        double[] probabilities = {0.2, 1e-5, 0.7, 0.9};
        double expected = 1.0 - Math.pow(1.0 - 1e-5, 4);

        AggregatedScore score = ScoreAggregator.aggregate(probabilities, 4, AggregationStyle.SERIES);

        assertThat(score.probability()).isCloseTo(expected, within(1e-12));
        assertThat(score.rawScore()).isCloseTo(0.8 * DeviationFunction.score(expected), within(TOLERANCE));
    }

    @Test
    void groupOfUsualProbabilitiesScoresZero() {
        double[] probabilities = {0.3, 0.5, 0.9};

        AggregatedScore score = ScoreAggregator.aggregate(probabilities, 3, AggregationStyle.SERIES);

        assertThat(score.rawScore()).isZero();
        assertThat(score.probability()).isCloseTo(1.0 - Math.pow(0.7, 3), within(TOLERANCE));
    }

    @Test
    void emptyGroupScoresNothing() {
        AggregatedScore score = ScoreAggregator.aggregate(new double[0], 0, AggregationStyle.DETECTORS);

        assertThat(score).isEqualTo(AggregatedScore.NONE);
    }

    @Test
    void twoAnomalousDetectorsScoreAboveEither() {
        AggregatedScore one = ScoreAggregator.aggregate(new double[] {1e-6}, 1, AggregationStyle.DETECTORS);
        AggregatedScore both = ScoreAggregator.aggregate(new double[] {1e-6, 1e-6}, 2, AggregationStyle.DETECTORS);

        assertThat(both.rawScore()).isGreaterThan(one.rawScore());
        assertThat(both.probability()).isLessThan(one.probability());
    }

    @Test
    void probabilitiesBeyondTheSmallestDoubleStayOrdered() {
        double[] tiny = {1e-300, 1e-300, 1e-300, 1e-300};
        double[] tinier = {1e-300, 1e-300, 1e-300, 1e-300, 1e-300, 1e-300};

        AggregatedScore four = ScoreAggregator.aggregate(tiny, 4, AggregationStyle.ATTRIBUTES);
        AggregatedScore six = ScoreAggregator.aggregate(tinier, 6, AggregationStyle.ATTRIBUTES);

        assertThat(four.rawScore()).isGreaterThan(80.0);
        assertThat(six.rawScore()).isGreaterThan(four.rawScore());
        assertThat(six.rawScore()).isLessThanOrEqualTo(100.0);
    }
}
