package io.vigil.results.web;

/**
 * A results request: its options, whether they came from the body, and the output options {@code human} (add
 * readable copies of times) and {@code pretty} (indent the JSON), which are read from the query string in both
 * cases.
 */
public record ResultsRequest(RequestParameters parameters, boolean fromBody, boolean human, boolean pretty) {}
