package io.vigil.process;

import io.vigil.engine.BucketAnalyzer;
import io.vigil.engine.BucketAnalyzerFactory;
import io.vigil.job.Job;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The analysis used until a detection engine is installed: it counts the events of each bucket and scores every
 * bucket 0. A factory bean marked {@code @Primary} replaces it.
 */
@Component
class EventCountingAnalyzerFactory implements BucketAnalyzerFactory {

    @Override
    public BucketAnalyzer create(Job job) {
        return new EventCountingAnalyzer(job);
    }

    @Override
    public Optional<String> unsupported(Job job) {
        return Optional.empty();
    }
}
