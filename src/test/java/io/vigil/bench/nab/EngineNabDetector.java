package io.vigil.bench.nab;

import io.vigil.analytics.DefaultSeriesModelFactory;
import io.vigil.engine.BucketAnalyzer;
import io.vigil.engine.DefaultBucketAnalyzerFactory;
import io.vigil.engine.InputRecord;
import io.vigil.job.AnalysisConfig;
import io.vigil.job.Detector;
import io.vigil.job.Job;
import java.util.Arrays;
import java.util.List;

/**
 * Runs one NAB series through the detection engine in process, the way the job processor runs a job with one
 * {@code mean(value)} detector and {@code bucket_span} the series' median positive step: buckets are aligned to
 * multiples of the span since the epoch, a record older than the latest one is out of order and dropped (latency
 * 0), every bucket from the first record's to the last record's is finalized in order (empty ones too), and each row
 * gets its bucket's {@code initial_anomaly_score / 100}. Only HTTP, parsing and the results store are left out.
 */
final class EngineNabDetector {

    /**
     * The outcome of one series.
     *
     * @param bucketStartsMillis the start of every finalized bucket, in order
     * @param bucketScores each bucket's initial anomaly score in [0, 100]
     * @param rowScores each row's score in [0, 1], in file order
     * @param outOfOrderRows rows dropped because an earlier row had a later time; they keep their bucket's score
     */
    record Run(
            long bucketSpanSeconds,
            long[] bucketStartsMillis,
            double[] bucketScores,
            double[] rowScores,
            int outOfOrderRows) {}

    private EngineNabDetector() {}

    static Run run(NabSeries series) {
        long[] times = series.timestampsMillis();
        double[] values = series.values();
        long spanSeconds = BucketSpans.medianPositiveStepSeconds(series.name(), times);
        long spanMs = spanSeconds * 1000;
        BucketAnalyzer analyzer = DefaultBucketAnalyzerFactory.withModels(DefaultSeriesModelFactory::new)
                .create(job(series.name(), spanSeconds));

        long firstBucket = Math.floorDiv(times[0], spanMs) * spanMs;
        int capacity = (int) ((max(times) - firstBucket) / spanMs + 1);
        long[] starts = new long[capacity];
        double[] scores = new double[capacity];
        int finalized = 0;
        long openBucket = firstBucket;
        long latest = Long.MIN_VALUE;
        int outOfOrder = 0;
        for (int row = 0; row < times.length; row++) {
            long time = times[row];
            if (time < latest) {
                outOfOrder++;
                continue;
            }
            while (time >= openBucket + spanMs) {
                starts[finalized] = openBucket;
                scores[finalized++] =
                        analyzer.finalizeBucket(openBucket).bucket().initialAnomalyScore();
                openBucket += spanMs;
            }
            analyzer.add(openBucket, new InputRecord(time, new String[] {Double.toString(values[row])}));
            latest = time;
        }
        starts[finalized] = openBucket;
        scores[finalized++] = analyzer.finalizeBucket(openBucket).bucket().initialAnomalyScore();

        double[] rowScores = new double[times.length];
        for (int row = 0; row < times.length; row++) {
            long bucket = (Math.floorDiv(times[row], spanMs) * spanMs - firstBucket) / spanMs;
            double score = bucket >= 0 ? scores[(int) bucket] : 0.0;
            rowScores[row] = Math.min(1.0, Math.max(0.0, score / 100.0));
        }
        return new Run(
                spanSeconds, Arrays.copyOf(starts, finalized), Arrays.copyOf(scores, finalized), rowScores, outOfOrder);
    }

    /** Returns the job of the benchmark's one configuration rule, as {@link NabSeriesJob} creates it over HTTP. */
    static Job job(String seriesName, long bucketSpanSeconds) {
        Detector mean = new Detector(null, "mean", "value", null, null, null, null, null, null, null);
        AnalysisConfig config = new AnalysisConfig(
                bucketSpanSeconds + "s", null, null, null, null, null, null, List.of(mean), null, null, null);
        return new Job(
                NabSeriesJob.jobIdOf(seriesName),
                "anomaly_detector",
                null,
                null,
                "NAB series " + seriesName,
                null,
                null,
                null,
                null,
                config,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    private static long max(long[] values) {
        long max = Long.MIN_VALUE;
        for (long value : values) {
            max = Math.max(max, value);
        }
        return max;
    }
}
