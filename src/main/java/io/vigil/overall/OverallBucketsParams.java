package io.vigil.overall;

import java.time.Duration;

/**
 * The options of an overall-buckets request after parsing.
 *
 * @param topN how many of the highest per-job maxima are averaged, at least 1
 * @param bucketSpan the requested overall span, or null for the longest job span
 * @param overallScore the minimum {@code overall_score} of a returned bucket (inclusive)
 * @param excludeInterim whether interim job buckets are left out of the computation
 * @param start inclusive lower bound in epoch ms, or null for unbounded
 * @param end exclusive upper bound in epoch ms, or null for unbounded
 */
public record OverallBucketsParams(
        int topN, Duration bucketSpan, double overallScore, boolean excludeInterim, Long start, Long end) {}
