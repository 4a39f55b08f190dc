package io.vigil.bench.nab;

import java.util.List;

/** Builders of small in-memory series for scorer tests. */
final class NabFixtures {

    /** 2014-01-01 00:00:00 UTC. */
    static final long START_MILLIS = 1_388_534_400_000L;

    static final long FIVE_MINUTES_MILLIS = 300_000L;

    private NabFixtures() {}

    /** Returns a series of rows five minutes apart with values 0, 1, 2, ... and the given windows. */
    static NabSeries series(String name, int rowCount, NabWindow... windows) {
        long[] timestamps = new long[rowCount];
        double[] values = new double[rowCount];
        for (int row = 0; row < rowCount; row++) {
            timestamps[row] = START_MILLIS + row * FIVE_MINUTES_MILLIS;
            values[row] = row;
        }
        return new NabSeries(name, timestamps, values, List.of(windows));
    }

    /** Returns scores of 0 except {@code score} at the given rows. */
    static double[] scoresAt(int rowCount, double score, int... rows) {
        double[] scores = new double[rowCount];
        for (int row : rows) {
            scores[row] = score;
        }
        return scores;
    }
}
