package io.vigil.analytics;

/** The kind of values a series holds, which decides the shape of its residual distribution. */
public enum SeriesKind {
    /** Non-negative integers, often sparse: event counts, non-zero counts and distinct counts. */
    COUNT,
    /** Real values, possibly skewed or multimodal: means, medians, minima, maxima, sums and variances. */
    METRIC
}
