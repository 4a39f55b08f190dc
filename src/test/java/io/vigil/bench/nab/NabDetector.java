package io.vigil.bench.nab;

import io.vigil.analytics.Assessment;
import io.vigil.analytics.DefaultSeriesModelFactory;
import io.vigil.analytics.SeriesKind;
import io.vigil.analytics.SeriesModel;
import io.vigil.analytics.Side;

/**
 * Runs one NAB series through a series model in process, the way the engine would with a {@code mean(value)}
 * detector: rows fall into buckets of the series' median positive step aligned to epoch multiples, a bucket's value
 * is the mean of its rows, and each closed bucket is assessed (two-sided) and then learned. A row whose timestamp
 * falls before the open bucket (NAB has a few backward steps) joins the open bucket. Every row gets the score of its
 * bucket, {@link Deviation#rawScore} of that bucket's probability divided by 100, so no later data leaks into it.
 */
final class NabDetector {

    private NabDetector() {}

    /** Returns one anomaly score in [0, 1] per row of {@code series}. */
    static double[] scores(NabSeries series) {
        long[] times = series.timestampsMillis();
        double[] values = series.values();
        long stepMs = BucketSpans.medianPositiveStepSeconds(series.name(), times) * 1000;
        SeriesModel model = new DefaultSeriesModelFactory(stepMs / 1000).create(SeriesKind.METRIC);
        double[] scores = new double[values.length];
        int first = 0;
        long openBucket = Math.floorDiv(times[0], stepMs);
        double sum = 0;
        for (int row = 0; row < scores.length; row++) {
            long bucket = Math.max(Math.floorDiv(times[row], stepMs), openBucket);
            if (bucket != openBucket) {
                closeBucket(model, openBucket * stepMs, sum / (row - first), scores, first, row);
                first = row;
                openBucket = bucket;
                sum = 0;
            }
            sum += values[row];
        }
        closeBucket(model, openBucket * stepMs, sum / (scores.length - first), scores, first, scores.length);
        return scores;
    }

    private static void closeBucket(
            SeriesModel model, long bucketStartMs, double mean, double[] scores, int from, int to) {
        Assessment assessment = model.assess(bucketStartMs, mean, 1, Side.TWO_SIDED);
        model.learn(bucketStartMs, mean, 1);
        double score = Deviation.rawScore(assessment.probability()) / 100;
        for (int row = from; row < to; row++) {
            scores[row] = score;
        }
    }
}
