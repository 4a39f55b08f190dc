package io.vigil.job;

import io.vigil.common.VigilException;
import io.vigil.job.persistence.JobConfigCodec;
import io.vigil.job.persistence.JobRepository;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Reads stored jobs for other features: one job by id, the jobs an expression matches, and a job's lifecycle
 * state. Each job is returned as the API shows it, with every default applied.
 */
@Service
public class JobRegistry {

    private final JobRepository jobs;
    private final JobConfigCodec codec;
    private final JobExpressions expressions;

    JobRegistry(JobRepository jobs, JobConfigCodec codec, JobExpressions expressions) {
        this.jobs = jobs;
        this.codec = codec;
        this.expressions = expressions;
    }

    /**
     * Returns the job with this id.
     *
     * @throws VigilException 404 "No known job with id 'x'" when there is none
     */
    public Job getJob(String jobId) {
        return jobs.findById(jobId).map(codec::fromEntity).orElseThrow(() -> VigilException.jobNotFound(jobId));
    }

    /**
     * Returns the jobs an expression matches, sorted by job id; see {@link JobExpressions} for the matching rules.
     */
    public List<Job> getJobs(String expression, boolean allowNoMatch) {
        List<String> ids = expressions.expandIds(expression, allowNoMatch);
        return jobs.findByJobIdInOrderByJobId(ids).stream()
                .map(codec::fromEntity)
                .toList();
    }

    public boolean exists(String jobId) {
        return jobs.existsById(jobId);
    }

    /** Returns the job's lifecycle state, or empty when no job has this id. It reads one column, not the config. */
    public Optional<JobState> findState(String jobId) {
        return jobs.findStateByJobId(jobId).map(JobState::fromValue);
    }

    /**
     * Returns the state like {@link #findState} and keeps the job from changing state until the caller's
     * transaction ends, so that a write that needs a closed job cannot race with opening it. Outside a transaction
     * the lock ends with the query, so call it inside one.
     */
    public Optional<JobState> lockState(String jobId) {
        return jobs.lockStateByJobId(jobId).map(JobState::fromValue);
    }

    /** Returns the ids of the jobs in {@code state}, sorted. */
    public List<String> jobIdsInState(JobState state) {
        return jobs.findJobIdsByState(state.value());
    }
}
