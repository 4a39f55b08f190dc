package io.vigil.results.domain;

/**
 * The filters that buckets, records and influencers requests share, times in epoch milliseconds: {@code start}
 * inclusive and {@code end} exclusive on the result timestamp, interim results dropped when
 * {@code excludeInterim}, and with {@code changedSince} only results scored after that time. A null time is no
 * bound.
 */
public record ResultFilters(Long start, Long end, boolean excludeInterim, Long changedSince) {

    public static final ResultFilters NONE = new ResultFilters(null, null, false, null);

    /** Returns whether a request with these filters returns every result, interim ones included, of its job. */
    public boolean isEmpty() {
        return start == null && end == null && !excludeInterim && changedSince == null;
    }

    /** Returns whether documents carry {@code scored_at}, which only requests with {@code changed_since} get. */
    public boolean withScoredAt() {
        return changedSince != null;
    }
}
