package io.vigil.bench.nab;

import java.util.List;

/**
 * NAB's per-row weight S(i): the score a detection at row i earns. The formulas are those of NAB v1.1 (Ahmad et
 * al., Neurocomputing 2017) as its scorer applies them:
 *
 * <ul>
 *   <li>inside window [L, R] of width w: {@code S = scaledSigmoid(-(R - i + 1) / w) * A_TP / maxTP}, which is A_TP
 *       at the left edge and falls towards 0 at the right edge, so early detection earns more;
 *   <li>before the first window, or in a series without windows: {@code S = -A_FP};
 *   <li>after window [Lp, Rp] of width wp, the last one that ended: {@code S = scaledSigmoid(|Rp - i| / (wp - 1)) *
 *       A_FP}, a cost that grows from about 0 right after the window to A_FP three window widths later.
 * </ul>
 */
final class RowWeights {

    /** {@code scaledSigmoid(-1)}, the weight of a detection at a window's left edge before scaling to A_TP. */
    static final double MAX_TRUE_POSITIVE = scaledSigmoid(-1.0);

    private RowWeights() {}

    /** Returns {@code -1} when {@code y > 3}, else {@code 2 * sigmoid(-5y) - 1}, a value in (-1, 1). */
    static double scaledSigmoid(double y) {
        if (y > 3.0) {
            return -1.0;
        }
        return 2.0 / (1.0 + Math.exp(5.0 * y)) - 1.0;
    }

    /**
     * Returns S(i) for every row of a series of {@code rowCount} rows.
     *
     * @param windows the series' windows in row order, not overlapping
     */
    static double[] of(int rowCount, List<NabWindow> windows, Profile profile) {
        double[] weights = new double[rowCount];
        int firstWindowRow = windows.isEmpty() ? rowCount : windows.get(0).firstRow();
        for (int row = 0; row < firstWindowRow; row++) {
            weights[row] = -profile.falsePositiveWeight();
        }
        for (int index = 0; index < windows.size(); index++) {
            NabWindow window = windows.get(index);
            int nextWindowRow =
                    index + 1 < windows.size() ? windows.get(index + 1).firstRow() : rowCount;
            fillInside(weights, window, profile);
            fillAfter(weights, window, nextWindowRow, profile);
        }
        return weights;
    }

    private static void fillInside(double[] weights, NabWindow window, Profile profile) {
        double width = window.rowCount();
        for (int row = window.firstRow(); row <= window.lastRow(); row++) {
            double position = -(window.lastRow() - row + 1) / width;
            weights[row] = scaledSigmoid(position) * profile.truePositiveWeight() / MAX_TRUE_POSITIVE;
        }
    }

    private static void fillAfter(double[] weights, NabWindow window, int endExclusive, Profile profile) {
        // A window of one row has wp - 1 = 0, so every later row counts as far from it and costs the full A_FP.
        double scale = window.rowCount() - 1;
        for (int row = window.lastRow() + 1; row < endExclusive; row++) {
            double position = scale == 0 ? Double.POSITIVE_INFINITY : (row - window.lastRow()) / scale;
            weights[row] = scaledSigmoid(position) * profile.falsePositiveWeight();
        }
    }
}
