package io.vigil.bench.nab;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Detector scores of a corpus, checked and grouped into levels: the distinct scores of all rows after probation,
 * ascending. Lowering the threshold to level k makes every row of level k or above a detection.
 */
final class ScoreLevels {

    private final NabCorpus corpus;
    private final Map<String, double[]> scoresByFile;
    private final double[] levels;
    private final int[][] levelByRow;

    ScoreLevels(NabCorpus corpus, Map<String, double[]> scoresByFile) {
        checkScores(corpus, scoresByFile);
        this.corpus = corpus;
        this.scoresByFile = Map.copyOf(scoresByFile);
        this.levels = distinctScoresAfterProbation(corpus, scoresByFile);
        this.levelByRow = new int[corpus.series().size()][];
        List<NabSeries> series = corpus.series();
        for (int index = 0; index < series.size(); index++) {
            levelByRow[index] = levelsOf(
                    series.get(index), scoresByFile.get(series.get(index).name()));
        }
    }

    private static void checkScores(NabCorpus corpus, Map<String, double[]> scoresByFile) {
        for (String name : scoresByFile.keySet()) {
            corpus.series(name);
        }
        for (NabSeries series : corpus.series()) {
            double[] scores = scoresByFile.get(series.name());
            if (scores == null) {
                throw new IllegalArgumentException(
                        "Scores missing for " + series.name() + "; give one array of scores per series of the corpus");
            }
            if (scores.length != series.rowCount()) {
                throw new IllegalArgumentException(series.name() + " has " + series.rowCount() + " rows but "
                        + scores.length + " scores were given; give one score per row, in file order");
            }
            for (int row = 0; row < scores.length; row++) {
                if (!(scores[row] >= 0.0 && scores[row] <= 1.0)) {
                    throw new IllegalArgumentException("Score " + scores[row] + " of row " + row + " of "
                            + series.name() + " is outside [0, 1]; anomaly_score must be in [0, 1]");
                }
            }
        }
    }

    private static double[] distinctScoresAfterProbation(NabCorpus corpus, Map<String, double[]> scoresByFile) {
        double[] all = new double[corpus.rowCount()];
        int count = 0;
        for (NabSeries series : corpus.series()) {
            double[] scores = scoresByFile.get(series.name());
            for (int row = series.probationRows(); row < scores.length; row++) {
                all[count++] = withoutNegativeZero(scores[row]);
            }
        }
        double[] sorted = Arrays.copyOf(all, count);
        Arrays.sort(sorted);
        int distinct = 0;
        for (int index = 0; index < sorted.length; index++) {
            if (distinct == 0 || sorted[index] != sorted[distinct - 1]) {
                sorted[distinct++] = sorted[index];
            }
        }
        return Arrays.copyOf(sorted, distinct);
    }

    private int[] levelsOf(NabSeries series, double[] scores) {
        int[] rowLevels = new int[scores.length];
        Arrays.fill(rowLevels, -1);
        for (int row = series.probationRows(); row < scores.length; row++) {
            rowLevels[row] = Arrays.binarySearch(levels, withoutNegativeZero(scores[row]));
        }
        return rowLevels;
    }

    /** Returns 0.0 for -0.0, which sorts below 0.0 but passes the same thresholds. */
    private static double withoutNegativeZero(double score) {
        return score + 0.0;
    }

    NabCorpus corpus() {
        return corpus;
    }

    int levelCount() {
        return levels.length;
    }

    /** Returns the score of a level. */
    double level(int level) {
        return levels[level];
    }

    /** Returns the detector's scores of the series at a position of {@code corpus().series()}. */
    double[] scores(int seriesIndex) {
        return scoresByFile.get(corpus.series().get(seriesIndex).name());
    }

    /** Returns the level of each row of the series at a position of {@code corpus().series()}, or -1 in probation. */
    int[] levelByRow(int seriesIndex) {
        return levelByRow[seriesIndex];
    }
}
