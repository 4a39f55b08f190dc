package io.vigil.engine;

import io.vigil.analytics.SeriesModelFactory;

/** Supplies the series model factory for a job's bucket span. */
@FunctionalInterface
public interface SeriesModelFactoryProvider {

    SeriesModelFactory forBucketSpan(long bucketSpanSeconds);
}
