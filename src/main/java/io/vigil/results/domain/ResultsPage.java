package io.vigil.results.domain;

import java.util.List;

/** One page of results and the total number of results that match the request, independent of paging. */
public record ResultsPage<T>(long count, List<T> results) {}
