package io.vigil.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScoreCeilingsTest {

    /** Values of 100 · (0.95 · (ln p - ln 0.05) / (ln 1e-4 - ln 0.05) + 0.05), rounded as published. */
    @ParameterizedTest
    @CsvSource({"0.035, 10.45", "0.01, 29.6", "0.005, 40.2", "1e-3, 64.8", "5e-4, 75.4", "1e-4, 100.0"})
    void probabilityCeilingMatchesReferenceTable(double p, double expected) {
        assertThat(ScoreCeilings.probability(p)).isCloseTo(expected, within(0.06));
    }

    @Test
    void probabilityCeilingExceedsHundredBelowSmallProbability() {
        assertThat(ScoreCeilings.probability(1e-6)).isGreaterThan(100.0);
    }

    /** Linear interpolation between the knots (0,0) (70,1) (85,1.2) (90,1.5) (95,3) (97,20) (99,50) (99.9,90). */
    @ParameterizedTest
    @CsvSource({"0, 0", "70, 1", "80, 1.1333", "92, 2.1", "96, 11.5", "98, 35", "99.5, 72.2222", "99.95, 95", "100, 100"
    })
    void knotMappingMatchesReferenceTable(double percentile, double expected) {
        assertThat(ScoreCeilings.knotScore(percentile)).isCloseTo(expected, within(1e-3));
    }

    @ParameterizedTest
    @CsvSource({"6.0, 100", "3.0, 80.95", "2.0, 73.81", "1.0, 54.76", "3.13, 81.78"})
    void maximumCeilingScalesWithLogProbabilityRatio(double score, double expected) {
        assertThat(ScoreCeilings.maximum(score, 6.0, 100.0)).isCloseTo(expected, within(0.01));
    }

    /** ln(0.05 / 8e-4) / ln(0.05 / 2e-6) = 0.408, so the ceiling is 100 · 1.5 · 0.408. */
    @Test
    void maximumCeilingOfModerateAnomalyAfterLargeOne() {
        double ceiling = ScoreCeilings.maximum(DeviationFunction.score(8e-4), DeviationFunction.score(2e-6), 100.0);

        assertThat(ceiling).isCloseTo(61.25, within(0.01));
    }

    /** For a significant result both probabilities floor at 1e-12: r = ln(0.05 / 1e-8) / ln(0.05 / 1e-12) = 0.626. */
    @Test
    void maximumCeilingOfSignificantResultBoundsSurprise() {
        double ceiling = ScoreCeilings.maximum(DeviationFunction.score(1e-8), DeviationFunction.score(1e-300), 100.0);

        assertThat(ceiling).isCloseTo(81.29, within(0.05));
    }

    /** A result whose probability ceiling is a warning keeps r = ln(0.05 / 1e-5) / ln(0.05 / 1e-300) = 0.0124. */
    @Test
    void maximumCeilingOfWarningComparesFullTail() {
        double ceiling = ScoreCeilings.maximum(DeviationFunction.score(1e-5), DeviationFunction.score(1e-300), 20.0);

        assertThat(ceiling).isCloseTo(1.86, within(0.05));
    }

    @Test
    void maximumCeilingGrowsWithProbabilityCeiling() {
        double score = DeviationFunction.score(1e-8);
        double maxScore = DeviationFunction.score(1e-300);

        double warning = ScoreCeilings.maximum(score, maxScore, 25.0);
        double between = ScoreCeilings.maximum(score, maxScore, 37.5);
        double major = ScoreCeilings.maximum(score, maxScore, 50.0);

        assertThat(warning).isLessThan(between);
        assertThat(between).isLessThan(major);
        assertThat(ScoreCeilings.maximum(score, maxScore, 90.0)).isEqualTo(major);
    }

    @Test
    void maximumCeilingIsAbsentWithoutMaximum() {
        assertThat(ScoreCeilings.maximum(1.0, 0.0, 100.0)).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void noiseCeilingDoesNotBindWhenMostScoresAreZero() {
        assertThat(ScoreCeilings.noise(0.5, 0.0, 0.9)).isGreaterThanOrEqualTo(100.0);
    }

    @Test
    void noiseCeilingHoldsScoresNearNoisyMedianLow() {
        double ceiling = ScoreCeilings.noise(0.25, 0.2, 0.2);

        assertThat(ceiling).isCloseTo(1.5, within(1e-9));
    }

    /**
     * The top score of 300: the 15% point of Beta(299 + 1/3, 1 + 1/3) is the lower end, the 85% point of
     * Beta(300 + 1/3, 1/3), about 1, the upper.
     */
    @Test
    void topOfThreeHundredRanksCritical() {
        assertThat(ScoreCeilings.rank(299.0 / 300.0, 1.0, 300.0)).isCloseTo(79.36, within(0.01));
    }

    @Test
    void rankCeilingOfTopScoreGrowsWithHistory() {
        double young = ScoreCeilings.rank(19.0 / 20.0, 1.0, 20.0);
        double old = ScoreCeilings.rank(9_999.0 / 10_000.0, 1.0, 10_000.0);

        assertThat(young).isCloseTo(50.10, within(0.01));
        assertThat(old).isCloseTo(98.79, within(0.01));
    }

    @Test
    void rankCeilingOfMedianScoreIsBelowOne() {
        assertThat(ScoreCeilings.rank(0.5, 0.501, 1_000.0)).isLessThan(1.0);
    }

    /** A score tied with the top 5% of 1,000 scores stays near the percentile of the tie. */
    @Test
    void rankCeilingOfTiedScoreAveragesBothEnds() {
        assertThat(ScoreCeilings.rank(0.95, 1.0, 1_000.0)).isCloseTo(51.38, within(0.01));
    }

    @Test
    void familyWiseProbabilityOfOneResultIsItsOwn() {
        assertThat(ScoreCeilings.familyWise(0.01, 1.0)).isCloseTo(0.01, within(1e-15));
    }

    @Test
    void familyWiseProbabilityGrowsWithResultCount() {
        assertThat(ScoreCeilings.familyWise(1e-6, 1_000.0)).isCloseTo(1.0 - Math.pow(1 - 1e-6, 1000), within(1e-12));
        assertThat(ScoreCeilings.familyWise(0.5, 100.0)).isCloseTo(1.0, within(1e-15));
    }
}
