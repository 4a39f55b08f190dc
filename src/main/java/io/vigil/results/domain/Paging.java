package io.vigil.results.domain;

import io.vigil.common.VigilException;

/**
 * The page of results a request asks for: skip {@code from} hits and return at most {@code size}. A page holds at
 * most {@value #MAX_SIZE} results; {@code from} has no upper bound, because results are read from tables, not from
 * a search index with a result window.
 */
public record Paging(int from, int size) {

    public static final int DEFAULT_FROM = 0;
    public static final int DEFAULT_SIZE = 100;
    public static final int MAX_SIZE = 10_000;
    public static final Paging DEFAULT = new Paging(DEFAULT_FROM, DEFAULT_SIZE);

    /**
     * Checks the paging parameters with the messages Elasticsearch clients match on.
     *
     * @throws VigilException 400 when {@code from} or {@code size} is negative or {@code size} is over the maximum
     */
    public Paging {
        if (from < 0) {
            throw VigilException.badRequest("Parameter [from] cannot be < 0");
        }
        if (size < 0) {
            throw VigilException.badRequest("Parameter [size] cannot be < 0");
        }
        if (size > MAX_SIZE) {
            throw VigilException.badRequest("Parameter [size] cannot be > " + MAX_SIZE + ", got [" + size
                    + "]; request the following results with [from]");
        }
    }
}
