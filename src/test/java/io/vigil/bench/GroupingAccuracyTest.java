package io.vigil.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class GroupingAccuracyTest {

    /** Published figures are rounded to three decimals. */
    private static final double ROUNDING = 0.0005 + 1e-9;

    @Test
    void exactGroupingScoresOne() {
        GroupingAccuracy accuracy = GroupingAccuracy.of(List.of("a", "a", "b"), List.of("1", "1", "2"));

        assertThat(accuracy.groupingAccuracy()).isEqualTo(1.0);
        assertThat(accuracy.fgaScore()).isEqualTo(1.0);
    }

    @Test
    void splitGroupLosesAllItsLines() {
        GroupingAccuracy accuracy = GroupingAccuracy.of(List.of("a", "a", "a", "b"), List.of("1", "1", "2", "3"));

        assertThat(accuracy.groupingAccuracy()).isEqualTo(0.25);
        double precision = 1.0 / 3;
        double recall = 1.0 / 2;
        assertThat(accuracy.fgaScore()).isCloseTo(2 * precision * recall / (precision + recall), within(1e-12));
    }

    @Test
    void mergedGroupsLoseAllTheirLines() {
        GroupingAccuracy accuracy = GroupingAccuracy.of(List.of("a", "b", "c"), List.of("1", "1", "2"));

        assertThat(accuracy.groupingAccuracy()).isCloseTo(1.0 / 3, within(1e-12));
    }

    @Test
    void referenceParserOutputsReproducePublishedAccuracy() throws IOException {
        Optional<Path> folder = BenchData.find("loghub2k");
        Assumptions.assumeTrue(folder.isPresent(), () -> BenchData.missingMessage("loghub2k"));

        for (String system : LoghubBenchmark.DRAIN_GA.keySet()) {
            List<String> truth = templates(LoghubData.structuredLog(folder.get(), system));
            for (Map.Entry<String, Map<String, Double>> parser : Map.of(
                            "drain", LoghubBenchmark.DRAIN_GA, "brain", LoghubBenchmark.BRAIN_GA)
                    .entrySet()) {
                Path predicted = folder.get()
                        .resolve("_reference")
                        .resolve(parser.getKey() + "_logparser_v1.0.5")
                        .resolve(system + "_2k." + parser.getKey() + "_predicted.csv");

                double ga = GroupingAccuracy.of(truth, templates(predicted)).groupingAccuracy();

                assertThat(ga)
                        .as("%s GA of %s", parser.getKey(), system)
                        .isCloseTo(parser.getValue().get(system), within(ROUNDING));
            }
        }
    }

    private static List<String> templates(Path csv) throws IOException {
        return LoghubData.read(csv).stream().map(LoghubData.Line::template).toList();
    }
}
