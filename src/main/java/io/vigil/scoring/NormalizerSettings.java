package io.vigil.scoring;

/**
 * The constants of a job's normalizers that depend on its bucket span.
 *
 * @param countPerSample how many consecutive updates a normalizer folds into one histogram sample (their maximum):
 *     {@code 3600 / clamp(2 · bucket_span, 300 s, 3600 s)}, so 6 for 5-minute and 1 for 30-minute buckets
 * @param maxScoreDecayPerBucket the factor a scope's maximum score is multiplied by per final bucket,
 *     {@code exp(-2 · 0.0005 · bucket_span / 1800 s)}: a half-life of about 14.4 days for any bucket span
 * @param historyDecayPerBucket the factor the histogram weights are multiplied by per final bucket,
 *     {@code exp(-0.0005 · bucket_span / 1800 s / (20 · countPerSample))}: a half-life of years, so the rank of a
 *     score depends on a long history
 * @param familyDecayPerBucket the factor the count of results behind the family-wise probability ceiling is
 *     multiplied by per final bucket, {@code exp(-1 / W)} with W the default renormalization window in buckets, the
 *     longer of 30 days and 100 buckets. The family is thus about the results of one window, and an old moderate
 *     anomaly stops sinking once the job is older than that
 */
public record NormalizerSettings(
        int countPerSample, double maxScoreDecayPerBucket, double historyDecayPerBucket, double familyDecayPerBucket) {

    // Rates from Elastic ml-cpp: decayRate 0.0005 per 30 minutes (CAnomalyDetectorModelConfig), the maximum decaying
    // at twice that rate and the quantiles aged every QUANTILE_DECAY_TIME = 20 samples (CAnomalyScore.cc). Here the
    // histogram ages a little every bucket instead of in steps, with the same average rate.

    private static final double DECAY_RATE_PER_30_MINUTES = 0.0005;
    private static final double QUANTILE_DECAY_SAMPLES = 20.0;

    /** The default renormalization window: the longer of 30 days and 100 buckets (Elasticsearch ScoresUpdater). */
    private static final long FAMILY_WINDOW_SECONDS = 30L * 24 * 3600;

    private static final long FAMILY_WINDOW_MIN_BUCKETS = 100;

    /** Returns the settings for buckets of {@code bucketSpanSeconds} (at least 1). */
    public static NormalizerSettings forBucketSpan(long bucketSpanSeconds) {
        long span = Math.max(bucketSpanSeconds, 1);
        int countPerSample = (int) (3600 / Math.min(Math.max(2 * span, 300), 3600));
        double decayRate = DECAY_RATE_PER_30_MINUTES * span / 1800.0;
        return new NormalizerSettings(
                countPerSample,
                Math.exp(-2.0 * decayRate),
                Math.exp(-decayRate / (QUANTILE_DECAY_SAMPLES * countPerSample)),
                familyDecayPerBucket(span));
    }

    /** Returns {@code exp(-1 / W)} with W the longer of 30 days and 100 buckets of {@code bucketSpanSeconds}. */
    static double familyDecayPerBucket(long bucketSpanSeconds) {
        long span = Math.max(bucketSpanSeconds, 1);
        double windowBuckets = Math.max((double) FAMILY_WINDOW_SECONDS / span, FAMILY_WINDOW_MIN_BUCKETS);
        return Math.exp(-1.0 / windowBuckets);
    }

    /**
     * Returns the bucket span in seconds behind {@code maxScoreDecayPerBucket}, for reading states written before the
     * family decay was stored.
     */
    static long bucketSpanOf(double maxScoreDecayPerBucket) {
        return Math.round(-Math.log(maxScoreDecayPerBucket) / (2.0 * DECAY_RATE_PER_30_MINUTES) * 1800.0);
    }
}
