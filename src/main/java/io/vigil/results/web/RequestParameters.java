package io.vigil.results.web;

import io.vigil.results.domain.Paging;
import java.util.Optional;

/**
 * The options of a results request, read either from its query string or from its JSON body, never both. The two
 * sources name paging differently: {@code from} and {@code size} in the query string, {@code page: {from, size}} in
 * the body.
 */
public interface RequestParameters {

    /** Returns whether the option was given; in the query string this counts as reading it. */
    boolean has(String name);

    Optional<String> text(String name);

    /** Returns a boolean option, which must be {@code true} or {@code false}. */
    Optional<Boolean> flag(String name);

    Optional<Double> number(String name);

    Optional<Long> wholeNumber(String name);

    /** Returns whether paging was given: {@code from} or {@code size}, or a body {@code page}. */
    boolean hasPaging();

    /** Returns the paging, with the defaults for parts that were not given. */
    Paging paging();

    /**
     * Rejects options that no endpoint code read. Only the query string can have them, because the body parser
     * rejects unknown fields while parsing.
     */
    void rejectUnread();
}
