package io.vigil.job.domain;

import io.vigil.common.VigilException;
import io.vigil.job.JobDeletingEvent;
import io.vigil.job.JobState;
import io.vigil.job.persistence.JobEntity;
import io.vigil.job.persistence.JobRepository;
import io.vigil.job.persistence.JobResultsDeleter;
import jakarta.annotation.PreDestroy;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Deletes a job with its results. Before anything is removed, {@link JobDeletingEvent} is published synchronously
 * so that the job processor can stop a running job; a job that is still not closed afterwards is deleted only with
 * {@code force}.
 */
@Service
public class JobDeleter {

    private static final Logger log = LoggerFactory.getLogger(JobDeleter.class);

    private final JobRepository jobs;
    private final JobResultsDeleter deleter;
    private final ApplicationEventPublisher events;
    private final ExecutorService background = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "vigil-job-delete");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong taskNumbers = new AtomicLong();

    JobDeleter(JobRepository jobs, JobResultsDeleter deleter, ApplicationEventPublisher events) {
        this.jobs = jobs;
        this.deleter = deleter;
        this.events = events;
    }

    /**
     * Deletes the job, or marks it {@code deleting} and deletes it in the background when
     * {@code waitForCompletion} is false.
     *
     * @return null when the delete is complete, otherwise the id of the background task
     * @throws VigilException 404 for an unknown job, 409 for a job that is not closed without {@code force}
     */
    public String delete(String jobId, boolean force, boolean waitForCompletion) {
        if (!jobs.existsById(jobId)) {
            throw VigilException.jobNotFound(jobId);
        }
        events.publishEvent(new JobDeletingEvent(jobId, force));
        JobState state = jobs.findById(jobId)
                .map(JobEntity::getState)
                .map(JobState::fromValue)
                .orElseThrow(() -> VigilException.jobNotFound(jobId));
        if (state != JobState.CLOSED && !force) {
            throw VigilException.statusError(
                    HttpStatus.CONFLICT, "Cannot delete job [" + jobId + "] because the job is " + state);
        }
        if (state != JobState.CLOSED) {
            log.warn("[{}] Force-deleting the job in state {}", jobId, state);
        }

        jobs.markDeleting(jobId);
        if (waitForCompletion) {
            deleter.deleteJob(jobId);
            return null;
        }
        String taskId = "vigil:" + taskNumbers.incrementAndGet();
        background.execute(() -> deleteInBackground(jobId, taskId));
        return taskId;
    }

    private void deleteInBackground(String jobId, String taskId) {
        try {
            deleter.deleteJob(jobId);
        } catch (RuntimeException e) {
            log.error(
                    "[{}] Delete task {} failed; the job stays marked as deleting, delete it again", jobId, taskId, e);
        }
    }

    @PreDestroy
    void stop() {
        background.shutdown();
    }
}
