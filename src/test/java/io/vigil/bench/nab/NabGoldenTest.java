package io.vigil.bench.nab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vigil.bench.BenchData;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reproduces the values NAB's own scorer gives on the 31-series subset under {@code nab/} of the benchmark data:
 * Numenta HTM's per-row weights {@code S(t)_<profile>} in {@code reference/rows_numenta}, and the normalized scores of
 * published detectors computed from their per-row results.
 */
class NabGoldenTest {

    /** The reference files print weights with about 12 significant digits. */
    private static final double WEIGHT_TOLERANCE = 1e-9;

    private static Path nabFolder;
    private static NabCorpus corpus;

    @BeforeAll
    static void loadCorpus() throws IOException {
        assumeTrue(BenchData.find("nab").isPresent(), BenchData.missingMessage("nab"));
        nabFolder = BenchData.find("nab").orElseThrow();
        corpus = NabCorpus.load(nabFolder);
    }

    @Test
    void subsetSeriesAndWindowCounts() {
        assertThat(corpus.series()).hasSize(31);
        assertThat(corpus.windowCount()).isEqualTo(53);
    }

    @Test
    void rowWeightsMatchNumentaReference() throws IOException {
        for (Profile profile : Profile.values()) {
            List<String> mismatches = new ArrayList<>();
            int rowsCompared = 0;
            for (NabSeries series : corpus.series()) {
                double[] expected = readColumn(numentaRowsOf(series), "S(t)_" + profile.nabName());
                double[] actual = series.weights(profile);
                assertThat(expected).as(series.name()).hasSameSizeAs(actual);
                for (int row = 0; row < actual.length; row++) {
                    if (Math.abs(actual[row] - expected[row]) > WEIGHT_TOLERANCE) {
                        mismatches.add(series.name() + " row " + row + ": " + actual[row] + " != " + expected[row]);
                    }
                }
                rowsCompared += actual.length;
            }

            assertThat(rowsCompared).isEqualTo(corpus.rowCount());
            assertThat(mismatches).as(profile.nabName()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource({
        "reference/rows_published/ARTime,           ARTime,           73.55, 65.59, 78.59",
        "reference/rows_numenta,                    numenta,          69.52, 62.88, 74.02",
        "reference/rows_published/contextOSE,       contextOSE,       66.13, 62.76, 69.74",
        "reference/rows_published/randomCutForest,  randomCutForest,  61.26, 50.68, 68.51",
        "reference/rows_published/windowedGaussian, windowedGaussian, 37.70, 32.72, 40.86",
        "reference/rows_published/null,             null,             0.00,  0.00,  0.00",
    })
    void publishedDetectorScoresMatchNab(
            String folder, String detector, double standard, double lowFalsePositives, double lowFalseNegatives)
            throws IOException {
        Map<String, double[]> scores = NabResultFiles.read(nabFolder.resolve(folder), detector, corpus);

        Map<Profile, NabScore> result = NabScorer.scoreAllProfiles(corpus, scores);

        assertThat(twoDecimals(result.get(Profile.STANDARD).normalizedScore())).isEqualTo(twoDecimals(standard));
        assertThat(twoDecimals(result.get(Profile.REWARD_LOW_FP_RATE).normalizedScore()))
                .isEqualTo(twoDecimals(lowFalsePositives));
        assertThat(twoDecimals(result.get(Profile.REWARD_LOW_FN_RATE).normalizedScore()))
                .isEqualTo(twoDecimals(lowFalseNegatives));
    }

    private static String twoDecimals(double value) {
        return String.format(Locale.ROOT, "%.2f", value + 0.0);
    }

    private static Path numentaRowsOf(NabSeries series) {
        return nabFolder
                .resolve("reference/rows_numenta")
                .resolve(series.category())
                .resolve("numenta_" + series.fileName());
    }

    private static double[] readColumn(Path file, String column) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file)) {
            int index = Arrays.asList(reader.readLine().split(",")).indexOf(column);
            assertThat(index).as(file + " column " + column).isNotNegative();
            return reader.lines()
                    .filter(line -> !line.isBlank())
                    .mapToDouble(line -> Double.parseDouble(line.split(",")[index]))
                    .toArray();
        }
    }
}
