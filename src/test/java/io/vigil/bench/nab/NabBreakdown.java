package io.vigil.bench.nab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a detector gains and loses NAB points at one threshold: per file and per category, the windows detected, the
 * false positives, the raw score they add up to, and per window how early the first detection came. The raw scores
 * follow the rules of {@link NabScorer}, so the files' raw scores sum to the corpus' raw score at that threshold.
 */
final class NabBreakdown {

    /**
     * One labelled window at the threshold.
     *
     * @param firstDetection position of the first detected row in the window, 0 at the left edge and 1 at the right,
     *     or NaN when no row is detected
     * @param maxScore the largest score of the window's rows after probation
     */
    record WindowOutcome(double firstDetection, double maxScore) {

        boolean detected() {
            return !Double.isNaN(firstDetection);
        }
    }

    /**
     * One file at the threshold.
     *
     * @param rawScore the file's share of the corpus raw score: its windows' weights (or -A_FN) plus its false
     *     positives' weights
     * @param maxOutsideScore the largest score of rows outside windows after probation
     */
    record FileOutcome(
            String name, List<WindowOutcome> windows, int falsePositives, double rawScore, double maxOutsideScore) {

        int detectedWindows() {
            return (int) windows.stream().filter(WindowOutcome::detected).count();
        }
    }

    /** A category's totals at the threshold. */
    record CategoryOutcome(
            String category, int files, int windows, int detectedWindows, int falsePositives, double rawScore) {}

    private NabBreakdown() {}

    /** Returns the outcome of every file of the corpus at {@code threshold}, in corpus order. */
    static List<FileOutcome> files(
            NabCorpus corpus, Map<String, double[]> scoresByFile, Profile profile, double threshold) {
        List<FileOutcome> outcomes = new ArrayList<>();
        for (NabSeries series : corpus.series()) {
            outcomes.add(file(series, scoresByFile.get(series.name()), profile, threshold));
        }
        return outcomes;
    }

    static FileOutcome file(NabSeries series, double[] scores, Profile profile, double threshold) {
        double[] weights = series.weights(profile);
        int probation = series.probationRows();
        double raw = 0;
        int falsePositives = 0;
        double maxOutside = 0;
        for (int row = probation; row < scores.length; row++) {
            if (!series.inWindow(row)) {
                maxOutside = Math.max(maxOutside, scores[row]);
                if (scores[row] >= threshold) {
                    raw += weights[row];
                    falsePositives++;
                }
            }
        }
        List<WindowOutcome> windows = new ArrayList<>();
        for (NabWindow window : series.windows()) {
            int first = -1;
            double maxScore = 0;
            for (int row = Math.max(window.firstRow(), probation); row <= window.lastRow(); row++) {
                maxScore = Math.max(maxScore, scores[row]);
                if (first < 0 && scores[row] >= threshold) {
                    first = row;
                }
            }
            raw += first >= 0 ? weights[first] : -profile.falseNegativeWeight();
            double position =
                    first >= 0 ? (first - window.firstRow()) / (double) Math.max(window.rowCount() - 1, 1) : Double.NaN;
            windows.add(new WindowOutcome(position, maxScore));
        }
        return new FileOutcome(series.name(), windows, falsePositives, raw, maxOutside);
    }

    /** Returns the totals per category, in the order categories first appear. */
    static List<CategoryOutcome> categories(List<FileOutcome> files) {
        Map<String, List<FileOutcome>> byCategory = new LinkedHashMap<>();
        for (FileOutcome file : files) {
            String category = file.name().contains("/")
                    ? file.name().substring(0, file.name().indexOf('/'))
                    : "";
            byCategory.computeIfAbsent(category, ignored -> new ArrayList<>()).add(file);
        }
        List<CategoryOutcome> outcomes = new ArrayList<>();
        byCategory.forEach((category, members) -> outcomes.add(new CategoryOutcome(
                category,
                members.size(),
                members.stream().mapToInt(file -> file.windows().size()).sum(),
                members.stream().mapToInt(FileOutcome::detectedWindows).sum(),
                members.stream().mapToInt(FileOutcome::falsePositives).sum(),
                members.stream().mapToDouble(FileOutcome::rawScore).sum())));
        return outcomes;
    }
}
