package io.vigil.job.domain;

import io.vigil.common.TimeValues;
import java.util.List;

/**
 * The deprecation warning for a {@code bucket_span} that does not divide a day evenly (or, above a day, is not a
 * whole number of days). Such jobs still run; buckets would not line up with days, which daily seasonality relies on.
 */
final class BucketSpanWarnings {

    private static final long DAY_SECONDS = 86_400;

    private BucketSpanWarnings() {}

    static List<String> of(String bucketSpan) {
        long seconds = TimeValues.parse(bucketSpan, "bucket_span").toSeconds();
        boolean aligned = seconds <= DAY_SECONDS ? DAY_SECONDS % seconds == 0 : seconds % DAY_SECONDS == 0;
        if (aligned) {
            return List.of();
        }
        return List.of("bucket_span " + bucketSpan + " [" + seconds + "s] is not an integral divisor of the number "
                + "of seconds in 1d [" + DAY_SECONDS + "s]. This is now deprecated.");
    }
}
