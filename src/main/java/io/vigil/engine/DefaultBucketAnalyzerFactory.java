package io.vigil.engine;

import io.vigil.common.TimeValues;
import io.vigil.job.Job;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** Creates the detection engine's analyzer for a job, with series models from the configured provider. */
@Component
public class DefaultBucketAnalyzerFactory implements BucketAnalyzerFactory {

    private final ObjectProvider<SeriesModelFactoryProvider> models;

    @Autowired
    DefaultBucketAnalyzerFactory(ObjectProvider<SeriesModelFactoryProvider> models) {
        this.models = models;
    }

    /** Creates a factory whose analyzers take their series models from {@code models}. */
    public static DefaultBucketAnalyzerFactory withModels(SeriesModelFactoryProvider models) {
        return new DefaultBucketAnalyzerFactory(new FixedProvider(models));
    }

    @Override
    public BucketAnalyzer create(Job job) {
        SeriesModelFactoryProvider provider = models.getIfAvailable();
        if (provider == null) {
            throw new IllegalStateException("no series model implementation is configured");
        }
        String bucketSpan = job.analysisConfig().bucketSpan();
        long bucketSpanSeconds = TimeValues.parse(
                        bucketSpan == null || bucketSpan.isEmpty() ? "5m" : bucketSpan, "analysis_config.bucket_span")
                .toSeconds();
        return new DetectionBucketAnalyzer(job, provider.forBucketSpan(Math.max(bucketSpanSeconds, 1L)));
    }

    @Override
    public Optional<String> unsupported(Job job) {
        Optional<String> setting = UnsupportedSettings.firstOf(job);
        if (setting.isPresent()) {
            return setting;
        }
        // TODO: register the analytics package's default series models as the provider bean once they exist;
        // until then jobs cannot be opened in the running service.
        if (models.getIfAvailable() == null) {
            return Optional.of("no series model implementation is configured in this build, so jobs cannot be opened");
        }
        return Optional.empty();
    }

    /** An object provider that always returns one instance, for use outside a Spring context. */
    private record FixedProvider(SeriesModelFactoryProvider provider)
            implements ObjectProvider<SeriesModelFactoryProvider> {

        @Override
        public SeriesModelFactoryProvider getObject() {
            return provider;
        }

        @Override
        public SeriesModelFactoryProvider getObject(Object... args) {
            return provider;
        }

        @Override
        public SeriesModelFactoryProvider getIfAvailable() {
            return provider;
        }

        @Override
        public SeriesModelFactoryProvider getIfUnique() {
            return provider;
        }
    }
}
