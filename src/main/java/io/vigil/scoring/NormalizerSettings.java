package io.vigil.scoring;

/**
 * The constants of a job's normalizers that depend on its bucket span.
 *
 * @param countPerSample how many consecutive updates a normalizer folds into one histogram sample (their maximum):
 *     {@code 3600 / clamp(2 · bucket_span, 300 s, 3600 s)}, so 6 for 5-minute and 1 for 30-minute buckets
 * @param maxScoreDecayPerBucket the factor a scope's maximum score is multiplied by per final bucket,
 *     {@code exp(-2 · 0.0005 · bucket_span / 1800 s)}: a half-life of about 14.4 days for any bucket span
 * @param historyDecayPerBucket the factor the histogram weights and the result count are multiplied by per final
 *     bucket, {@code exp(-0.0005 · bucket_span / 1800 s / (20 · countPerSample))}: a half-life of years, so the
 *     rank of a score depends on a long history
 */
public record NormalizerSettings(int countPerSample, double maxScoreDecayPerBucket, double historyDecayPerBucket) {

    // Rates from Elastic ml-cpp: decayRate 0.0005 per 30 minutes (CAnomalyDetectorModelConfig), the maximum decaying
    // at twice that rate and the quantiles aged every QUANTILE_DECAY_TIME = 20 samples (CAnomalyScore.cc). Here the
    // histogram ages a little every bucket instead of in steps, with the same average rate.

    private static final double DECAY_RATE_PER_30_MINUTES = 0.0005;
    private static final double QUANTILE_DECAY_SAMPLES = 20.0;

    /** Returns the settings for buckets of {@code bucketSpanSeconds} (at least 1). */
    public static NormalizerSettings forBucketSpan(long bucketSpanSeconds) {
        long span = Math.max(bucketSpanSeconds, 1);
        int countPerSample = (int) (3600 / Math.min(Math.max(2 * span, 300), 3600));
        double decayRate = DECAY_RATE_PER_30_MINUTES * span / 1800.0;
        return new NormalizerSettings(
                countPerSample,
                Math.exp(-2.0 * decayRate),
                Math.exp(-decayRate / (QUANTILE_DECAY_SAMPLES * countPerSample)));
    }
}
