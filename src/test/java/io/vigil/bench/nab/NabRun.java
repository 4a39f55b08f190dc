package io.vigil.bench.nab;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes in-process anomaly scores for every series of a NAB data folder as NAB result files:
 * {@code OUT/<category>/<file>.csv} with the columns {@code timestamp,value,anomaly_score}.
 * Arguments: {@code DATA_FOLDER OUT_FOLDER}.
 */
public final class NabRun {

    private NabRun() {}

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args[0]);
        Path out = Path.of(args[1]);
        for (String name : seriesNames(data)) {
            NabSeries series = NabSeries.read(data, name);
            double[] scores = NabDetector.scores(series);
            write(out.resolve(name), series, scores);
        }
    }

    /** Returns the {@code category/file.csv} names under the data folder, sorted. */
    static List<String> seriesNames(Path data) throws IOException {
        try (Stream<Path> files = Files.walk(data)) {
            return files.filter(path -> path.toString().endsWith(".csv"))
                    .map(path -> data.relativize(path).toString())
                    .sorted()
                    .toList();
        }
    }

    private static void write(Path file, NabSeries series, double[] scores) throws IOException {
        Files.createDirectories(file.getParent());
        try (PrintWriter writer = new PrintWriter(Files.newBufferedWriter(file))) {
            writer.println("timestamp,value,anomaly_score");
            for (int row = 0; row < scores.length; row++) {
                writer.println(series.timesMs()[row] + "," + series.values()[row] + "," + scores[row]);
            }
        }
    }
}
