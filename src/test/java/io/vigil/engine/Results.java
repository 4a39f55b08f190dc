package io.vigil.engine;

import io.vigil.results.Bucket;

/** Helpers for comparing results in tests. */
final class Results {

    private Results() {}

    /** Returns the results with the bucket's processing time set to 0, which varies from run to run. */
    static BucketResults withoutTiming(BucketResults results) {
        Bucket b = results.bucket();
        Bucket untimed = new Bucket(
                b.jobId(),
                b.timestamp(),
                b.anomalyScore(),
                b.bucketSpan(),
                b.initialAnomalyScore(),
                b.records(),
                b.eventCount(),
                b.isInterim(),
                b.bucketInfluencers(),
                0L,
                b.scheduledEvents(),
                b.scoredAt());
        return new BucketResults(untimed, results.records(), results.influencers());
    }
}
