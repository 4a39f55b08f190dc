package io.vigil.overall;

import java.time.Duration;

/** A job taking part in overall buckets, with its bucket span as configured (for example {@code 60m}). */
public record JobSpan(String jobId, Duration bucketSpan, String configuredBucketSpan) {}
