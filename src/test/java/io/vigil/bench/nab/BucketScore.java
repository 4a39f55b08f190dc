package io.vigil.bench.nab;

/**
 * Scores of one result bucket, as the buckets API returns them.
 *
 * @param timestampMillis the bucket's start, epoch milliseconds
 * @param initialAnomalyScore {@code initial_anomaly_score}, 0 to 100, the score when the bucket was first written
 * @param anomalyScore {@code anomaly_score}, 0 to 100, possibly renormalized by later data
 */
record BucketScore(long timestampMillis, double initialAnomalyScore, double anomalyScore) {}
