package io.vigil.bench.nab;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Reads NAB data files: a header {@code timestamp,value}, then one row per line. */
final class NabDataFiles {

    /** Rows of one data file, in file order. */
    record Rows(long[] timestampsMillis, double[] values) {}

    private NabDataFiles() {}

    static Rows read(Path file) throws IOException {
        long[] timestamps = new long[1024];
        double[] values = new double[1024];
        int count = 0;
        try (BufferedReader reader = Files.newBufferedReader(file)) {
            String header = reader.readLine();
            if (header == null || !header.strip().equals("timestamp,value")) {
                throw new IllegalArgumentException(
                        file + ": invalid header [" + header + "]; expected [timestamp,value]");
            }
            String line;
            int lineNumber = 1;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                if (count == values.length) {
                    timestamps = Arrays.copyOf(timestamps, count * 2);
                    values = Arrays.copyOf(values, count * 2);
                }
                int comma = line.indexOf(',');
                if (comma < 0) {
                    throw new IllegalArgumentException(
                            file + " line " + lineNumber + ": expected [timestamp,value] but found [" + line + "]");
                }
                timestamps[count] = NabTimestamps.parseMillis(line.substring(0, comma));
                values[count] = parseValue(file, lineNumber, line.substring(comma + 1));
                count++;
            }
        }
        return new Rows(Arrays.copyOf(timestamps, count), Arrays.copyOf(values, count));
    }

    private static double parseValue(Path file, int lineNumber, String text) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    file + " line " + lineNumber + ": value [" + text + "] is not a number", e);
        }
    }
}
