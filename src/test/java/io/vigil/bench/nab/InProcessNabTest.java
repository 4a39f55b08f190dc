package io.vigil.bench.nab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vigil.bench.BenchData;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The in-process NAB harness on the benchmark data, as a guard against regressions of the series models. */
class InProcessNabTest {

    /** The standard score was 66.50 when this guard was last raised. A drop below 60 fails it. */
    private static final double MIN_STANDARD_SCORE = 60;

    @Test
    void standardScoreStaysAboveFloor() throws IOException {
        assumeTrue(BenchData.find("nab").isPresent(), BenchData.missingMessage("nab"));
        NabCorpus corpus = NabCorpus.load(BenchData.find("nab").orElseThrow());

        Map<String, double[]> scores = InProcessNab.scores(corpus);
        NabScore standard = NabScorer.score(corpus, scores, Profile.STANDARD);

        assertThat(standard.normalizedScore()).isGreaterThan(MIN_STANDARD_SCORE);
        for (double[] rows : scores.values()) {
            for (double score : rows) {
                assertThat(score).isBetween(0.0, 1.0);
            }
        }
    }

    @Test
    void nycTaxiTopBucketIsMarathon() throws IOException {
        assumeTrue(BenchData.find("nab").isPresent(), BenchData.missingMessage("nab"));
        NabSeries taxi = NabCorpus.load(BenchData.find("nab").orElseThrow(), "realKnownCause/nyc_taxi.csv")
                .series("realKnownCause/nyc_taxi.csv");

        double[] scores = NabDetector.scores(taxi);
        int top = 0;
        for (int row = 1; row < scores.length; row++) {
            top = scores[row] > scores[top] ? row : top;
        }

        NabWindow marathon = taxi.windows().get(0);
        assertThat(top).isBetween(marathon.firstRow(), marathon.lastRow());
    }
}
