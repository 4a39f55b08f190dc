package io.vigil.engine;

import io.vigil.analytics.SeriesModel;

/**
 * A member of a population (one over field value within a partition): the identity its records are written under
 * and when it was last seen. Members have no models of their own; the population's models are per by value.
 */
final class PopulationMember {

    private static final SeriesModel[] NO_MODELS = new SeriesModel[0];

    /** Estimate of the heap one member retains with its map entry, in bytes. */
    static final long BASE_BYTES = 200L;

    final String overValue;
    final Series identity;
    long lastSeenBucketMs;

    PopulationMember(int ordinal, String partitionValue, String overValue, long lastSeenBucketMs) {
        this.overValue = overValue;
        this.identity = new Series(ordinal, partitionValue, null, NO_MODELS, false, false, Double.NaN, Long.MIN_VALUE);
        this.lastSeenBucketMs = lastSeenBucketMs;
    }

    int ordinal() {
        return identity.ordinal();
    }

    String partitionValue() {
        return identity.partitionValue();
    }

    long memoryBytes() {
        return BASE_BYTES + 2L * overValue.length();
    }
}
