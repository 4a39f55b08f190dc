package io.vigil.engine;

import io.vigil.common.TimeValues;
import io.vigil.job.Job;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Creates the detection engine's analyzer for a job, with series models from the configured provider. */
@Component
public class DefaultBucketAnalyzerFactory implements BucketAnalyzerFactory {

    private final SeriesModelFactoryProvider models;

    DefaultBucketAnalyzerFactory(SeriesModelFactoryProvider models) {
        this.models = models;
    }

    /** Creates a factory whose analyzers take their series models from {@code models}. */
    public static DefaultBucketAnalyzerFactory withModels(SeriesModelFactoryProvider models) {
        return new DefaultBucketAnalyzerFactory(models);
    }

    @Override
    public BucketAnalyzer create(Job job) {
        String bucketSpan = job.analysisConfig().bucketSpan();
        long bucketSpanSeconds = TimeValues.parse(
                        bucketSpan == null || bucketSpan.isEmpty() ? "5m" : bucketSpan, "analysis_config.bucket_span")
                .toSeconds();
        return new DetectionBucketAnalyzer(job, models.forBucketSpan(Math.max(bucketSpanSeconds, 1L)));
    }

    @Override
    public Optional<String> unsupported(Job job) {
        return UnsupportedSettings.firstOf(job);
    }
}
