package io.vigil.results.domain;

/**
 * A request for buckets. With {@code timestamp} set it asks for that one bucket: then only the timestamp (and
 * {@code changed_since}) select it, and {@code anomalyScore}, the other filters and paging do not apply. With
 * {@code expand} each bucket that has bucket influencers carries its records.
 */
public record BucketsQuery(
        String jobId,
        Long timestamp,
        ResultFilters filters,
        double anomalyScore,
        boolean expand,
        Paging paging,
        ResultSort sort) {

    public boolean isSingleBucket() {
        return timestamp != null;
    }
}
