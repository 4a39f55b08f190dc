package io.vigil.bench.nab;

import static io.vigil.bench.nab.NabFixtures.series;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NabResultFilesTest {

    @TempDir
    Path folder;

    @Test
    void writesNabLayoutAndColumns() throws IOException {
        NabSeries series = series("realKnownCause/taxi.csv", 4, new NabWindow(2, 3));

        Path file = NabResultFiles.write(folder, "vigil", series, new double[] {0, 0.25, 1, 0.0301});

        assertThat(file).isEqualTo(folder.resolve("realKnownCause/vigil_taxi.csv"));
        assertThat(Files.readAllLines(file))
                .containsExactly(
                        "timestamp,value,anomaly_score,label",
                        "2014-01-01 00:00:00,0,0,0",
                        "2014-01-01 00:05:00,1,0.25,0",
                        "2014-01-01 00:10:00,2,1,1",
                        "2014-01-01 00:15:00,3,0.0301,1");
    }

    @Test
    void readReturnsWrittenScores() throws IOException {
        NabSeries first = series("a/one.csv", 3);
        NabSeries second = series("b/two.csv", 2);
        NabCorpus corpus = NabCorpus.of(List.of(first, second));
        NabResultFiles.write(folder, "vigil", first, new double[] {0.1, 0.2, 0.3});
        NabResultFiles.write(folder, "vigil", second, new double[] {1e-7, 0.5});

        Map<String, double[]> scores = NabResultFiles.read(folder, "vigil", corpus);

        assertThat(NabResultFiles.existFor(folder, "vigil", corpus)).isTrue();
        assertThat(NabResultFiles.existFor(folder, "other", corpus)).isFalse();
        assertThat(scores.get("a/one.csv")).containsExactly(0.1, 0.2, 0.3);
        assertThat(scores.get("b/two.csv")).containsExactly(1e-7, 0.5);
    }

    @Test
    void readRejectsFileWithWrongRowCount() throws IOException {
        NabCorpus corpus = NabCorpus.of(List.of(series("a/one.csv", 3)));
        NabResultFiles.write(folder, "vigil", series("a/one.csv", 2), new double[] {0.1, 0.2});

        assertThatThrownBy(() -> NabResultFiles.read(folder, "vigil", corpus))
                .hasMessageEndingWith("has 2 rows but data/a/one.csv has 3; a result file needs one row per data row");
    }

    @Test
    void plainTextHasNoExponentOrTrailingZeros() {
        assertThat(NabResultFiles.plainText(10844.0)).isEqualTo("10844");
        assertThat(NabResultFiles.plainText(1e-7)).isEqualTo("0.0000001");
        assertThat(NabResultFiles.plainText(100.0)).isEqualTo("100");
        assertThat(NabResultFiles.plainText(-2.5)).isEqualTo("-2.5");
    }
}
