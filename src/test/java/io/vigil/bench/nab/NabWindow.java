package io.vigil.bench.nab;

/**
 * Labelled anomaly window of one series, as the inclusive range of row positions {@code [firstRow, lastRow]}
 * (0-based, in file order).
 */
public record NabWindow(int firstRow, int lastRow) {

    public NabWindow {
        if (firstRow < 0 || lastRow < firstRow) {
            throw new IllegalArgumentException(
                    "Invalid window rows [" + firstRow + ", " + lastRow + "]: expected 0 <= firstRow <= lastRow");
        }
    }

    /** Returns the window width w = lastRow - firstRow + 1, in rows. */
    public int rowCount() {
        return lastRow - firstRow + 1;
    }

    public boolean contains(int row) {
        return row >= firstRow && row <= lastRow;
    }
}
