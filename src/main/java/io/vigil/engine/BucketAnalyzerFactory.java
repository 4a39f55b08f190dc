package io.vigil.engine;

import io.vigil.job.Job;
import java.util.Optional;

/**
 * Creates the analysis of a job when it opens. The service has one bean of this type; a detection engine replaces
 * the default one by declaring its own factory as {@code @Primary}.
 */
public interface BucketAnalyzerFactory {

    /** Creates an empty analyzer for {@code job}; the caller restores saved state with {@link BucketAnalyzer#readState}. */
    BucketAnalyzer create(Job job);

    /**
     * Returns a message naming the first function or setting of {@code job} that this analysis does not run, or
     * empty when it runs all of them. Opening a job fails with this message.
     */
    Optional<String> unsupported(Job job);
}
