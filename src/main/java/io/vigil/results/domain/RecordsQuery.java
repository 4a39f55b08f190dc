package io.vigil.results.domain;

/** A request for records; {@code recordScore} keeps records scoring at least that much when it is above 0. */
public record RecordsQuery(String jobId, ResultFilters filters, double recordScore, Paging paging, ResultSort sort) {}
