package io.vigil.bench.nab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NabCorpusTest {

    @TempDir
    Path folder;

    @Test
    void windowEndpointsMapToRows() throws IOException {
        writeData("realTraffic/speed.csv", """
                timestamp,value
                2015-09-01 10:00:00,1.5
                2015-09-01 10:05:00,2
                2015-09-01 10:05:00,3
                2015-09-01 10:10:00,4
                2015-09-01 10:21:00,5
                2015-09-01 10:30:00,6
                """);
        writeLabels("""
                {"realTraffic/speed.csv": [["2015-09-01 10:05:00.000000", "2015-09-01 10:21:00.000000"]],
                 "realTraffic/absent.csv": []}
                """);

        NabCorpus corpus = NabCorpus.load(folder);

        NabSeries series = corpus.series("realTraffic/speed.csv");
        assertThat(series.rowCount()).isEqualTo(6);
        assertThat(series.windows()).containsExactly(new NabWindow(1, 4));
        assertThat(series.values()).containsExactly(1.5, 2, 3, 4, 5, 6);
        assertThat(series.timestampsMillis()[0]).isEqualTo(1_441_101_600_000L);
        assertThat(series.inWindow(0)).isFalse();
        assertThat(series.inWindow(2)).isTrue();
        assertThat(series.category()).isEqualTo("realTraffic");
        assertThat(series.fileName()).isEqualTo("speed.csv");
    }

    @Test
    void globSelectsSeries() throws IOException {
        writeData("a/one.csv", "timestamp,value\n2015-09-01 10:00:00,1\n");
        writeData("a/two.csv", "timestamp,value\n2015-09-01 10:00:00,1\n");
        writeData("b/one.csv", "timestamp,value\n2015-09-01 10:00:00,1\n");
        writeLabels("{\"a/one.csv\": [], \"a/two.csv\": [], \"b/one.csv\": []}");

        NabCorpus all = NabCorpus.load(folder);

        assertThat(all.series()).extracting(NabSeries::name).containsExactly("a/one.csv", "a/two.csv", "b/one.csv");
        assertThat(NabCorpus.load(folder, "a/*").series())
                .extracting(NabSeries::name)
                .containsExactly("a/one.csv", "a/two.csv");
        assertThat(all.select("*/one.csv").series())
                .extracting(NabSeries::name)
                .containsExactly("a/one.csv", "b/one.csv");
        assertThatThrownBy(() -> all.select("c/*")).hasMessageStartingWith("No series matches [c/*]");
    }

    @Test
    void dataFileWithoutLabelsIsRejected() throws IOException {
        writeData("a/one.csv", "timestamp,value\n2015-09-01 10:00:00,1\n");
        writeLabels("{}");

        assertThatThrownBy(() -> NabCorpus.load(folder))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("data/a/one.csv has no entry in labels/combined_windows.json;"
                        + " add one, with an empty list if the file has no anomaly");
    }

    @Test
    void windowWithoutRowsIsRejected() throws IOException {
        writeData("a/one.csv", "timestamp,value\n2015-09-01 10:00:00,1\n2015-09-01 10:10:00,2\n");
        writeLabels("{\"a/one.csv\": [[\"2015-09-01 10:01:00.000000\", \"2015-09-01 10:02:00.000000\"]]}");

        assertThatThrownBy(() -> NabCorpus.load(folder)).hasMessageContaining("contains no row of the data file");
    }

    @Test
    void invalidValueNamesFileAndLine() throws IOException {
        writeData("a/one.csv", "timestamp,value\n2015-09-01 10:00:00,1\n2015-09-01 10:05:00,abc\n");
        writeLabels("{\"a/one.csv\": []}");

        assertThatThrownBy(() -> NabCorpus.load(folder)).hasMessageEndingWith("line 3: value [abc] is not a number");
    }

    private void writeData(String name, String text) throws IOException {
        Path file = folder.resolve("data").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private void writeLabels(String json) throws IOException {
        Files.createDirectories(folder.resolve("labels"));
        Files.writeString(folder.resolve(NabLabels.WINDOWS_FILE), json);
    }
}
