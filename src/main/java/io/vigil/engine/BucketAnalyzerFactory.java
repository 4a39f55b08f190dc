package io.vigil.engine;

import io.vigil.job.Job;
import java.util.Optional;

/** Creates the analysis of an opening job, and reports which job settings the analysis cannot run. */
public interface BucketAnalyzerFactory {

    /** Creates an empty analyzer for {@code job}; call only when {@link #unsupported} is empty. */
    BucketAnalyzer create(Job job);

    /**
     * Returns a message naming the first function or setting of {@code job} that the analysis does not run, or empty
     * when it runs all of them.
     */
    Optional<String> unsupported(Job job);
}
