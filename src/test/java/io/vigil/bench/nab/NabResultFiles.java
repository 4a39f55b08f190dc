package io.vigil.bench.nab;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * NAB result files of one detector: {@code <folder>/<category>/<detector>_<file>.csv}, one line per data row in file
 * order, with at least the columns {@code timestamp} and {@code anomaly_score}. Vigil writes {@code
 * timestamp,value,anomaly_score,label}, where {@code label} is 1 inside a labelled window.
 */
public final class NabResultFiles {

    static final String HEADER = "timestamp,value,anomaly_score,label";

    private NabResultFiles() {}

    /** Returns the result file of a series, for example {@code <folder>/realKnownCause/vigil_nyc_taxi.csv}. */
    public static Path fileOf(Path folder, String detector, NabSeries series) {
        return folder.resolve(series.category()).resolve(detector + "_" + series.fileName());
    }

    /** Returns whether the folder contains a result file for every series of the corpus. */
    public static boolean existFor(Path folder, String detector, NabCorpus corpus) {
        return corpus.series().stream().allMatch(series -> Files.isRegularFile(fileOf(folder, detector, series)));
    }

    /** Writes the result file of one series and returns its path. */
    public static Path write(Path folder, String detector, NabSeries series, double[] scores) throws IOException {
        if (scores.length != series.rowCount()) {
            throw new IllegalArgumentException(series.name() + " has " + series.rowCount() + " rows but "
                    + scores.length + " scores were given; give one score per row, in file order");
        }
        Path file = fileOf(folder, detector, series);
        Files.createDirectories(file.getParent());
        long[] timestamps = series.timestampsMillis();
        double[] values = series.values();
        try (BufferedWriter writer = Files.newBufferedWriter(file)) {
            writer.write(HEADER);
            writer.newLine();
            for (int row = 0; row < scores.length; row++) {
                writer.write(NabTimestamps.format(timestamps[row]));
                writer.write(',');
                writer.write(plainText(values[row]));
                writer.write(',');
                writer.write(plainText(scores[row]));
                writer.write(series.inWindow(row) ? ",1" : ",0");
                writer.newLine();
            }
        }
        return file;
    }

    /** Returns a number without exponent or trailing zeros, as NAB's files write it: 10844, 0.0301. */
    static String plainText(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("Cannot write the non-finite number " + value + " to a NAB file");
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /**
     * Reads the {@code anomaly_score} column of a detector's result files for every series of the corpus, keyed by
     * series name as {@link NabScorer#score} takes them.
     */
    public static Map<String, double[]> read(Path folder, String detector, NabCorpus corpus) throws IOException {
        Map<String, double[]> scoresByFile = new LinkedHashMap<>();
        for (NabSeries series : corpus.series()) {
            double[] scores = readScores(fileOf(folder, detector, series));
            if (scores.length != series.rowCount()) {
                throw new IllegalArgumentException(fileOf(folder, detector, series) + " has " + scores.length
                        + " rows but data/" + series.name() + " has " + series.rowCount()
                        + "; a result file needs one row per data row");
            }
            scoresByFile.put(series.name(), scores);
        }
        return scoresByFile;
    }

    private static double[] readScores(Path file) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file)) {
            String header = reader.readLine();
            List<String> columns =
                    header == null ? List.of() : Arrays.asList(header.strip().split(","));
            int scoreColumn = columns.indexOf("anomaly_score");
            if (scoreColumn < 0) {
                throw new IllegalArgumentException(file + ": header [" + header + "] has no anomaly_score column");
            }
            double[] scores = new double[1024];
            int count = 0;
            int lineNumber = 1;
            String line;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                if (count == scores.length) {
                    scores = Arrays.copyOf(scores, count * 2);
                }
                scores[count] = parseScore(file, lineNumber, line.split(",", -1), scoreColumn);
                count++;
            }
            return Arrays.copyOf(scores, count);
        }
    }

    private static double parseScore(Path file, int lineNumber, String[] fields, int scoreColumn) {
        if (fields.length <= scoreColumn) {
            throw new IllegalArgumentException(file + " line " + lineNumber + ": missing anomaly_score column");
        }
        try {
            return Double.parseDouble(fields[scoreColumn].strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    file + " line " + lineNumber + ": anomaly_score [" + fields[scoreColumn] + "] is not a number", e);
        }
    }
}
