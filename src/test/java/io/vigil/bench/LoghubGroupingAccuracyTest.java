package io.vigil.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoghubGroupingAccuracyTest {

    private static final double MIN_MEAN_GA = 0.96;
    private static final double MIN_SYSTEM_GA = 0.85;

    @Test
    void categorizerGroupsLoghubSamplesAccurately(@TempDir Path out) throws IOException {
        Optional<Path> folder = BenchData.find("loghub2k");
        Assumptions.assumeTrue(folder.isPresent(), () -> BenchData.missingMessage("loghub2k"));

        List<LoghubBenchmark.SystemResult> results = LoghubBenchmark.run(folder.get(), out);

        assertThat(results).hasSize(10);
        for (LoghubBenchmark.SystemResult result : results) {
            assertThat(result.accuracy().groupingAccuracy())
                    .as("GA of %s", result.system())
                    .isGreaterThanOrEqualTo(MIN_SYSTEM_GA);
        }
        double mean = results.stream()
                .mapToDouble(result -> result.accuracy().groupingAccuracy())
                .average()
                .orElseThrow();
        assertThat(mean).as("mean GA").isGreaterThanOrEqualTo(MIN_MEAN_GA);
        List<String> apacheIds = Files.readAllLines(out.resolve("Apache.csv"));
        assertThat(apacheIds.get(0)).isEqualTo("LineId,category_id");
        assertThat(apacheIds).hasSize(2001);
        assertThat(apacheIds.get(1)).isEqualTo("1,1");
    }

    @Test
    void csvFieldsWithQuotedCommasAreParsed(@TempDir Path folder) throws IOException {
        Path system = Files.createDirectories(folder.resolve("Tiny"));
        Files.writeString(system.resolve("Tiny_2k.log_structured.csv"), """
                LineId,Content,EventId,EventTemplate
                2,"Registered handlers for [TERM, HUP, INT]",E1,"Registered handlers for [TERM, HUP, INT]"
                1,"Changing view acls to: yarn,curi",E2,Changing view acls to: <*>
                """);

        List<LoghubData.Line> lines = LoghubData.read(LoghubData.structuredLog(folder, "Tiny"));

        assertThat(lines).extracting(LoghubData.Line::lineId).containsExactly(1L, 2L);
        assertThat(lines.get(0).content()).isEqualTo("Changing view acls to: yarn,curi");
        assertThat(lines.get(1).template()).isEqualTo("Registered handlers for [TERM, HUP, INT]");
        assertThat(LoghubData.systems(folder)).containsExactly("Tiny");
    }
}
