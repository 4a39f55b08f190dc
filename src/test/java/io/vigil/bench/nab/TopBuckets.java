package io.vigil.bench.nab;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The highest-scoring buckets of a series run, and whether each starts inside one of the series' labelled windows. */
final class TopBuckets {

    /** One bucket, its initial anomaly score in [0, 100] and whether it starts inside a labelled window. */
    record Entry(long startMillis, double score, boolean inWindow) {

        @Override
        public String toString() {
            return String.format("%s %5.1f %s", NabTimestamps.format(startMillis), score, inWindow ? "window" : "-");
        }
    }

    private TopBuckets() {}

    /** Returns the {@code count} buckets with the highest scores, highest first, earlier first on a tie. */
    static List<Entry> of(NabSeries series, EngineNabDetector.Run run, int count) {
        List<Entry> entries = new ArrayList<>();
        long[] starts = run.bucketStartsMillis();
        double[] scores = run.bucketScores();
        for (int bucket = 0; bucket < starts.length; bucket++) {
            entries.add(new Entry(starts[bucket], scores[bucket], inLabelledWindow(series, starts[bucket])));
        }
        entries.sort(Comparator.comparingDouble(Entry::score).reversed().thenComparingLong(Entry::startMillis));
        return List.copyOf(entries.subList(0, Math.min(count, entries.size())));
    }

    /** Returns whether a bucket start lies between the first and last timestamps of one of the series' windows. */
    static boolean inLabelledWindow(NabSeries series, long bucketStartMillis) {
        long[] timestamps = series.timestampsMillis();
        return series.windows().stream()
                .anyMatch(window -> bucketStartMillis >= timestamps[window.firstRow()]
                        && bucketStartMillis <= timestamps[window.lastRow()]);
    }
}
