package io.vigil.bench.nab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.vigil.bench.BenchData;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The detection targets on the NAB subset, measured through the real engine in process: the score users see
 * ({@code initial_anomaly_score} of each row's bucket) reaches the standard-profile target, and the highest buckets
 * of the New York City taxi series fall in its labelled windows. The whole corpus runs once for both checks.
 */
class EngineNabTest {

    /** Numenta HTM scores 69.52 on this subset and ARTime 73.55. */
    private static final double MIN_STANDARD_SCORE = 70;

    private static NabCorpus corpus;
    private static Map<String, EngineNabDetector.Run> runs;

    @BeforeAll
    static void runCorpus() throws IOException {
        if (BenchData.find("nab").isPresent()) {
            corpus = NabCorpus.load(BenchData.find("nab").orElseThrow());
            runs = NabEngine.runs(corpus);
        }
    }

    @Test
    void standardScoreReachesTarget() {
        assumeThat(corpus).as(BenchData.missingMessage("nab")).isNotNull();

        NabScore standard = NabScorer.score(corpus, NabEngine.rowScores(runs), Profile.STANDARD);

        assertThat(standard.normalizedScore())
                .as(
                        "%d of %d windows, %d false positives",
                        standard.detectedWindows(), standard.windowCount(), standard.falsePositives())
                .isGreaterThanOrEqualTo(MIN_STANDARD_SCORE);
    }

    @Test
    void nycTaxiTopBucketsAreLabelled() {
        assumeThat(corpus).as(BenchData.missingMessage("nab")).isNotNull();
        NabSeries taxi = corpus.series(NabEngine.TAXI);

        List<TopBuckets.Entry> top = TopBuckets.of(taxi, runs.get(NabEngine.TAXI), 5);

        assertThat(top).hasSize(5);
        assertThat(top.stream().filter(TopBuckets.Entry::inWindow).count())
                .as("top buckets %s", top)
                .isGreaterThanOrEqualTo(4);
    }
}
