package io.vigil.bench.nab;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One NAB data file: its rows in file order (timestamps may repeat or step backwards, rows are paired with scores by
 * position) and its labelled windows. Immutable, so one instance can be scored from several threads.
 */
public final class NabSeries {

    /** NAB's probation: the first 15 % of a file's rows, at most 750, are not scored (NAB v1.1, probationPercent). */
    static final double PROBATION_FRACTION = 0.15;

    static final int MAX_PROBATION_ROWS = 750;

    private final String name;
    private final long[] timestampsMillis;
    private final double[] values;
    private final List<NabWindow> windows;
    private final int[] windowIndexByRow;
    private final Map<Profile, double[]> weightsByProfile = new EnumMap<>(Profile.class);

    /**
     * Creates a series.
     *
     * @param name the path under {@code data/}, for example {@code realKnownCause/nyc_taxi.csv}
     * @param timestampsMillis each row's timestamp, epoch milliseconds (UTC)
     * @param windows the labelled windows, sorted and not overlapping, within the rows
     */
    public NabSeries(String name, long[] timestampsMillis, double[] values, List<NabWindow> windows) {
        if (timestampsMillis.length != values.length) {
            throw new IllegalArgumentException(name + ": " + timestampsMillis.length + " timestamps but "
                    + values.length + " values; expected one of each per row");
        }
        this.name = name;
        this.timestampsMillis = timestampsMillis.clone();
        this.values = values.clone();
        this.windows = List.copyOf(windows);
        this.windowIndexByRow = indexWindows(name, values.length, this.windows);
        for (Profile profile : Profile.values()) {
            weightsByProfile.put(profile, RowWeights.of(values.length, this.windows, profile));
        }
    }

    private static int[] indexWindows(String name, int rowCount, List<NabWindow> windows) {
        int[] windowIndexByRow = new int[rowCount];
        Arrays.fill(windowIndexByRow, -1);
        int previousLastRow = -1;
        for (int index = 0; index < windows.size(); index++) {
            NabWindow window = windows.get(index);
            if (window.firstRow() <= previousLastRow || window.lastRow() >= rowCount) {
                throw new IllegalArgumentException(name + ": window " + window + " overlaps the previous window or"
                        + " lies beyond the last row " + (rowCount - 1) + "; expected sorted, disjoint windows");
            }
            Arrays.fill(windowIndexByRow, window.firstRow(), window.lastRow() + 1, index);
            previousLastRow = window.lastRow();
        }
        return windowIndexByRow;
    }

    /** Returns the path under {@code data/}, for example {@code realKnownCause/nyc_taxi.csv}. */
    public String name() {
        return name;
    }

    /** Returns the folder under {@code data/}, for example {@code realKnownCause}. */
    public String category() {
        int slash = name.lastIndexOf('/');
        return slash < 0 ? "" : name.substring(0, slash);
    }

    /** Returns the file name, for example {@code nyc_taxi.csv}. */
    public String fileName() {
        return name.substring(name.lastIndexOf('/') + 1);
    }

    public int rowCount() {
        return values.length;
    }

    /** Returns a copy of the rows' timestamps, epoch milliseconds (UTC), in file order. */
    public long[] timestampsMillis() {
        return timestampsMillis.clone();
    }

    /** Returns a copy of the rows' values in file order. */
    public double[] values() {
        return values.clone();
    }

    public List<NabWindow> windows() {
        return windows;
    }

    /** Returns P = min(floor(0.15 n), 750), the number of leading rows that scoring ignores. */
    public int probationRows() {
        return Math.min((int) Math.floor(PROBATION_FRACTION * values.length), MAX_PROBATION_ROWS);
    }

    /** Returns whether the row lies inside a labelled window (the {@code label} column of NAB result files). */
    public boolean inWindow(int row) {
        return windowIndexByRow[row] >= 0;
    }

    /** Returns the index in {@link #windows()} of the window containing the row, or -1 outside every window. */
    int windowIndex(int row) {
        return windowIndexByRow[row];
    }

    /** Returns S(i) of every row under the profile; the array is shared and must not be modified. */
    double[] weights(Profile profile) {
        return weightsByProfile.get(profile);
    }

    @Override
    public String toString() {
        return name + " (" + values.length + " rows, " + windows.size() + " windows)";
    }
}
