package io.vigil.results.domain;

/**
 * A request for log message categories: one category when {@code categoryId} is set, otherwise a page of them in
 * id order. {@code partitionFieldValue}, when set, keeps only categories of that partition.
 */
public record CategoriesQuery(String jobId, Long categoryId, String partitionFieldValue, Paging paging) {}
