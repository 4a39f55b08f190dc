package io.vigil.results.domain;

/**
 * A request for influencers; {@code influencerScore} keeps influencers scoring at least that much when it is
 * above 0.
 */
public record InfluencersQuery(
        String jobId, ResultFilters filters, double influencerScore, Paging paging, ResultSort sort) {}
