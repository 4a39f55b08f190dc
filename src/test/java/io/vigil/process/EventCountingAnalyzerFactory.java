package io.vigil.process;

import io.vigil.VigilApplication;
import io.vigil.engine.BucketAnalyzer;
import io.vigil.engine.BucketAnalyzerFactory;
import io.vigil.job.Job;
import java.util.Optional;
import org.springframework.boot.SpringApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Creates analyzers that count the events of each bucket and score every bucket 0, so that tests and the ingest
 * benchmark exercise the processor, the bucket clock and the results writer apart from the detection engine.
 */
public final class EventCountingAnalyzerFactory implements BucketAnalyzerFactory {

    @Override
    public BucketAnalyzer create(Job job) {
        return new EventCountingAnalyzer(job);
    }

    @Override
    public Optional<String> unsupported(Job job) {
        return Optional.empty();
    }

    /**
     * Bean definitions that make this factory the service's analyzer factory, for {@code @Import} or as an extra
     * source of a {@link SpringApplication}. The class carries no annotation, so component scanning skips it.
     */
    public static class Beans {

        @Bean
        @Primary
        BucketAnalyzerFactory eventCountingAnalyzerFactory() {
            return new EventCountingAnalyzerFactory();
        }
    }

    /** Starts the service with this factory; a test runs it in a separate process. */
    public static void main(String[] args) {
        SpringApplication.run(new Class<?>[] {VigilApplication.class, Beans.class}, args);
    }
}
