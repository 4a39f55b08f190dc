package io.vigil.analytics;

import java.io.DataInput;
import java.io.IOException;

/**
 * Creates the adaptive series models for one bucket span: seasonal decomposition with a seasonality test, a residual
 * distribution per {@link SeriesKind}, tail calibration, a multi-bucket view and an anomaly-episode view.
 */
public final class DefaultSeriesModelFactory implements SeriesModelFactory {

    private final long bucketSpanMs;

    /**
     * Creates a factory for buckets of {@code bucketSpanSeconds} seconds.
     *
     * @throws IllegalArgumentException if the span is not positive
     */
    public DefaultSeriesModelFactory(long bucketSpanSeconds) {
        if (bucketSpanSeconds <= 0) {
            throw new IllegalArgumentException(
                    "bucketSpanSeconds must be positive but was " + bucketSpanSeconds + "; pass the job's bucket_span");
        }
        this.bucketSpanMs = bucketSpanSeconds * 1000;
    }

    @Override
    public SeriesModel create(SeriesKind kind) {
        return new AdaptiveSeriesModel(kind, bucketSpanMs);
    }

    /**
     * {@inheritDoc}
     *
     * @throws IOException if the state was written by an unsupported state version or is truncated
     */
    @Override
    public SeriesModel read(DataInput in) throws IOException {
        byte version = in.readByte();
        if (version < AdaptiveSeriesModel.OLDEST_STATE_VERSION || version > AdaptiveSeriesModel.STATE_VERSION) {
            throw new IOException("Series model state version " + version + " is not supported; this build reads "
                    + "versions " + AdaptiveSeriesModel.OLDEST_STATE_VERSION + " to "
                    + AdaptiveSeriesModel.STATE_VERSION
                    + ". Restore a snapshot written by one of them.");
        }
        return AdaptiveSeriesModel.readAfterVersion(in, version);
    }
}
