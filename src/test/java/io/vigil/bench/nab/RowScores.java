package io.vigil.bench.nab;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * NAB scores of a series' rows from its job's buckets. A row at time t belongs to the bucket starting at {@code
 * floor(t / span) * span} (buckets are aligned to multiples of the span since the epoch) and gets that bucket's
 * {@code initial_anomaly_score / 100}, clamped to [0, 1]. NAB scores a stream, so the score as first written is the
 * one that uses no later data.
 */
final class RowScores {

    /** Scores of every row, and how many rows found no bucket (they score 0). */
    record Result(double[] scores, int rowsWithoutBucket) {}

    private RowScores() {}

    static Result of(long[] timestampsMillis, long bucketSpanSeconds, List<BucketScore> buckets) {
        long spanMillis = bucketSpanSeconds * 1000;
        Map<Long, Double> initialScoreByStart = new HashMap<>();
        for (BucketScore bucket : buckets) {
            initialScoreByStart.put(bucket.timestampMillis(), bucket.initialAnomalyScore());
        }
        double[] scores = new double[timestampsMillis.length];
        int rowsWithoutBucket = 0;
        for (int row = 0; row < timestampsMillis.length; row++) {
            Double initialScore = initialScoreByStart.get(bucketStart(timestampsMillis[row], spanMillis));
            if (initialScore == null) {
                rowsWithoutBucket++;
            } else {
                scores[row] = Math.min(1.0, Math.max(0.0, initialScore / 100.0));
            }
        }
        return new Result(scores, rowsWithoutBucket);
    }

    /** Returns the start of the bucket containing a time, both epoch milliseconds. */
    static long bucketStart(long timeMillis, long spanMillis) {
        return Math.floorDiv(timeMillis, spanMillis) * spanMillis;
    }
}
