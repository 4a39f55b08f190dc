package io.vigil.overall;

import io.vigil.overall.OverallBucketsRepository.ScoreRows;
import java.util.Arrays;

/** Per-job non-zero maxima of a chunk grouped by interval: a counting sort of the rows by interval index. */
final class ScoresByInterval {

    /** Receives one job's maximum within an interval. */
    interface JobScoreConsumer {
        void accept(int job, double score);
    }

    /** Row positions of interval {@code i} are {@code offsets[i]} to {@code offsets[i + 1]} (exclusive). */
    private final int[] offsets;

    private final int[] jobs;
    private final double[] scores;

    private ScoresByInterval(int[] offsets, int[] jobs, double[] scores) {
        this.offsets = offsets;
        this.jobs = jobs;
        this.scores = scores;
    }

    static ScoresByInterval of(ScoreRows rows, long keyFrom, long intervalMs, int intervals) {
        int[] offsets = new int[intervals + 1];
        int[] indexes = new int[rows.size()];
        for (int row = 0; row < rows.size(); row++) {
            indexes[row] = Math.toIntExact((rows.keys()[row] - keyFrom) / intervalMs);
            offsets[indexes[row] + 1]++;
        }
        for (int i = 1; i <= intervals; i++) {
            offsets[i] += offsets[i - 1];
        }
        int[] next = offsets.clone();
        int[] jobs = new int[rows.size()];
        double[] scores = new double[rows.size()];
        for (int row = 0; row < rows.size(); row++) {
            int position = next[indexes[row]]++;
            jobs[position] = rows.jobs()[row];
            scores[position] = rows.scores()[row];
        }
        return new ScoresByInterval(offsets, jobs, scores);
    }

    /** Returns a copy of the non-zero job maxima of the interval, in no particular order. */
    double[] scores(int interval) {
        return Arrays.copyOfRange(scores, offsets[interval], offsets[interval + 1]);
    }

    void forEach(int interval, JobScoreConsumer consumer) {
        for (int position = offsets[interval]; position < offsets[interval + 1]; position++) {
            consumer.accept(jobs[position], scores[position]);
        }
    }
}
