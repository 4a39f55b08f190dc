package io.vigil.results.domain;

import java.util.Optional;

/** The job facts the results endpoints need: whether a job exists, and its state. */
public interface JobLookup {

    /** Returns the state of the job ({@code closed}, {@code opened}, ...), or empty when no job has this id. */
    Optional<String> state(String jobId);

    /**
     * Returns the state like {@link #state}, and keeps the job from changing state until the caller's transaction
     * ends, so that an import cannot race with opening the job.
     */
    Optional<String> lockState(String jobId);
}
