package io.vigil.job;

import io.vigil.common.VigilException;
import io.vigil.job.persistence.JobConfigCodec;
import io.vigil.job.persistence.JobRepository;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Reads stored job configurations for other features: one job by id, or the jobs an expression matches. Each job is
 * returned as the API shows it, with every default applied.
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
}
