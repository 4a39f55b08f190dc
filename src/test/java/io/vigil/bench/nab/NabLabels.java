package io.vigil.bench.nab;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code labels/combined_windows.json}: {@code {"<category>/<file>.csv": [[start, end], ...]}}, inclusive
 * windows given by timestamps such as {@code 2014-04-10 07:15:00.000000}.
 */
final class NabLabels {

    /** Path of the window labels under a NAB folder; the only label file that scoring uses. */
    static final String WINDOWS_FILE = "labels/combined_windows.json";

    private NabLabels() {}

    /** Returns each file's windows as [start, end] timestamp text, keyed by the file's path under {@code data/}. */
    static Map<String, List<List<String>>> readWindows(Path nabFolder) throws IOException {
        Path file = nabFolder.resolve(WINDOWS_FILE);
        try (InputStream input = Files.newInputStream(file)) {
            return JsonMapper.builder().build().readValue(input, new TypeReference<>() {});
        }
    }

    /**
     * Converts windows given by timestamps into row ranges: a window starts at the first row whose timestamp is at or
     * after its start and ends at the last row whose timestamp is at or before its end. In NAB v1.1 every endpoint is
     * the timestamp of exactly one row, so this is that row.
     */
    static List<NabWindow> toRows(String name, long[] timestampsMillis, List<List<String>> windows) {
        List<NabWindow> rows = new ArrayList<>(windows.size());
        for (List<String> window : windows) {
            if (window.size() != 2) {
                throw new IllegalArgumentException(
                        name + ": window " + window + " in " + WINDOWS_FILE + " must be a [start, end] pair");
            }
            long start = NabTimestamps.parseMillis(window.get(0));
            long end = NabTimestamps.parseMillis(window.get(1));
            int firstRow = firstRowAtOrAfter(timestampsMillis, start);
            int lastRow = lastRowAtOrBefore(timestampsMillis, end);
            if (firstRow < 0 || lastRow < firstRow) {
                throw new IllegalArgumentException(name + ": window " + window + " in " + WINDOWS_FILE
                        + " contains no row of the data file; fix the window or the file");
            }
            rows.add(new NabWindow(firstRow, lastRow));
        }
        rows.sort((left, right) -> Integer.compare(left.firstRow(), right.firstRow()));
        return rows;
    }

    private static int firstRowAtOrAfter(long[] timestampsMillis, long time) {
        for (int row = 0; row < timestampsMillis.length; row++) {
            if (timestampsMillis[row] >= time) {
                return row;
            }
        }
        return -1;
    }

    private static int lastRowAtOrBefore(long[] timestampsMillis, long time) {
        for (int row = timestampsMillis.length - 1; row >= 0; row--) {
            if (timestampsMillis[row] <= time) {
                return row;
            }
        }
        return -1;
    }
}
