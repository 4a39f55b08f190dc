package io.vigil.analytics;

/**
 * The forgetting rate of the distribution models (population values, times of day, categories, locations): each
 * bucket multiplies the weight of everything learned before by {@code exp(-rate)}.
 */
public final class DistributionDecay {

    /** The time over which learned weight falls to 1/e, unless a bucket span of over a day makes it longer. */
    static final long MEMORY_SECONDS = 20L * 86_400L;

    /** The largest rate per bucket, so that even long buckets remember about 20 of them. */
    static final double MAX_RATE = 0.05;

    private DistributionDecay() {}

    /** Returns the rate per bucket for buckets of {@code bucketSpanSeconds}. */
    public static double perBucket(long bucketSpanSeconds) {
        return Math.min(MAX_RATE, (double) Math.max(bucketSpanSeconds, 1L) / MEMORY_SECONDS);
    }

    /**
     * Returns the factor by which weights learned in bucket {@code fromMs} shrink by bucket {@code toMs}; 1 when the
     * buckets are the same or the earlier one is unknown.
     */
    static double factor(long fromMs, long toMs, long bucketSpanMs, double rate) {
        if (fromMs == Long.MIN_VALUE || toMs <= fromMs) {
            return 1.0;
        }
        double buckets = (double) (toMs - fromMs) / bucketSpanMs;
        return Math.exp(-rate * buckets);
    }
}
