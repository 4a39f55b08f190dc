package io.vigil.renormalization;

import java.util.Arrays;

/**
 * Rescored rows waiting to be written, in parallel primitive arrays that become the SQL arrays of one update: the
 * row's key, its new score, and the score and scoring time it was read with.
 */
final class ScoreChanges {

    private long[] ids = new long[256];
    private double[] scores = new double[256];
    private double[] readScores = new double[256];
    private long[] readScoredAts = new long[256];
    private int size;

    void add(long id, double score, double readScore, long readScoredAt) {
        if (size == ids.length) {
            int capacity = size * 2;
            ids = Arrays.copyOf(ids, capacity);
            scores = Arrays.copyOf(scores, capacity);
            readScores = Arrays.copyOf(readScores, capacity);
            readScoredAts = Arrays.copyOf(readScoredAts, capacity);
        }
        ids[size] = id;
        scores[size] = score;
        readScores[size] = readScore;
        readScoredAts[size] = readScoredAt;
        size++;
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    long[] ids() {
        return Arrays.copyOf(ids, size);
    }

    double[] scores() {
        return Arrays.copyOf(scores, size);
    }

    double[] readScores() {
        return Arrays.copyOf(readScores, size);
    }

    long[] readScoredAts() {
        return Arrays.copyOf(readScoredAts, size);
    }
}
