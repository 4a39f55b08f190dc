package io.vigil.bench.nab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

/**
 * One NAB data file: its name relative to the data folder ({@code category/file.csv}), row timestamps (epoch
 * milliseconds, read as UTC) and values, in file order.
 */
record NabSeries(String name, long[] timesMs, double[] values) {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** Reads a file with the header {@code timestamp,value}. */
    static NabSeries read(Path dataFolder, String name) throws IOException {
        List<String> lines = Files.readAllLines(dataFolder.resolve(name));
        int rows = lines.size() - 1;
        long[] times = new long[rows];
        double[] values = new double[rows];
        for (int i = 0; i < rows; i++) {
            String line = lines.get(i + 1);
            int comma = line.indexOf(',');
            times[i] = LocalDateTime.parse(line.substring(0, comma), TIMESTAMP)
                    .toInstant(ZoneOffset.UTC)
                    .toEpochMilli();
            values[i] = Double.parseDouble(line.substring(comma + 1));
        }
        return new NabSeries(name, times, values);
    }

    /** Returns the median of the positive steps between consecutive rows, in milliseconds. */
    long medianStepMs() {
        long[] steps = new long[timesMs.length];
        int count = 0;
        for (int i = 1; i < timesMs.length; i++) {
            long step = timesMs[i] - timesMs[i - 1];
            if (step > 0) {
                steps[count++] = step;
            }
        }
        long[] positive = Arrays.copyOf(steps, count);
        Arrays.sort(positive);
        return positive[count / 2];
    }
}
