package io.vigil.process;

import io.vigil.common.VigilException;
import io.vigil.job.Job;
import io.vigil.renormalization.Renormalizers;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * The processor of one open job: a single thread that owns the job's analysis and runs its tasks in order. Data
 * uploads, flushes, updates and the close are queued to it, so the analysis needs no locks. Uploads are serialized
 * by a permit that one request holds from its first record to its response.
 */
public final class JobProcessor {

    private static final Logger log = LoggerFactory.getLogger(JobProcessor.class);

    // Batches queued ahead of the processor; a full queue blocks the parsing request thread, which bounds the
    // memory an upload uses whatever its size.
    private static final int QUEUE_CAPACITY = 8;

    private static final Runnable STOP = () -> {};

    /** How long a flush waits for a running renormalization, so that its caller reads settled scores. */
    private static final Duration FLUSH_RENORMALIZATION_WAIT = Duration.ofMinutes(5);

    private final String jobId;
    private final JobAnalysis analysis;
    private final ProcessorSnapshots snapshots;
    private final Renormalizers renormalizers;
    private final Duration defaultPersistInterval;
    private final BlockingQueue<Runnable> tasks = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final Semaphore uploadPermit = new Semaphore(1, true);
    private final Thread thread;
    private volatile boolean stopped;
    private volatile Job job;
    private long lastPersistMs = System.currentTimeMillis();

    JobProcessor(
            String jobId,
            JobAnalysis analysis,
            ProcessorSnapshots snapshots,
            Renormalizers renormalizers,
            Duration defaultPersistInterval) {
        this.jobId = jobId;
        this.job = analysis.state().job();
        this.analysis = analysis;
        this.snapshots = snapshots;
        this.renormalizers = renormalizers;
        this.defaultPersistInterval = defaultPersistInterval;
        this.thread = new Thread(this::runTasks, "vigil-job-" + jobId);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    public String jobId() {
        return jobId;
    }

    boolean isRunning() {
        return !stopped;
    }

    /** Returns the job's configuration as the processor last received it. */
    public Job job() {
        return job;
    }

    /** Returns the number of analysis fields each record carries, as {@code processed_field_count} counts them. */
    public int analysedFieldsPerRecord() {
        return analysis.analysedFieldsPerRecord();
    }

    /**
     * Starts a data upload. It waits for uploads already running on this job and fails with 409 when the job closes
     * in the meantime.
     */
    public Upload beginUpload() {
        acquireUploadPermit(Duration.ofMinutes(30));
        return new Upload(this);
    }

    /**
     * Runs a flush after the queued work and returns the end of the last finalized bucket. It then waits for the
     * job's renormalization to finish, so that results read after the flush have settled scores. The wait happens on
     * the caller's thread, so ingestion goes on meanwhile.
     */
    public Optional<Long> flush(FlushParams params) {
        Optional<Long> flushed = call(() -> {
            Optional<Long> lastFinalizedBucketEnd = analysis.flush(params);
            persistIfDue();
            return lastFinalizedBucketEnd;
        });
        awaitRenormalization(FLUSH_RENORMALIZATION_WAIT);
        return flushed;
    }

    /** Waits up to {@code timeout} for the job's renormalization to finish, and logs a warning when it does not. */
    void awaitRenormalization(Duration timeout) {
        if (!renormalizers.awaitIdle(jobId, timeout)) {
            log.warn("[{}] Renormalization still running after {}; results may change shortly", jobId, timeout);
        }
    }

    void update(Job updated) {
        job = updated;
        enqueue(() -> analysis.update(updated));
    }

    /** Queues new filter items for the custom rules; they apply from the bucket after the current one. */
    void updateFilters(Map<String, Set<String>> itemsByFilterId) {
        enqueue(() -> analysis.updateFilters(itemsByFilterId));
    }

    /**
     * Finalizes the open buckets, saves a snapshot and stops the thread. Unless {@code force} is set, it first waits
     * up to {@code timeout} for running uploads.
     */
    void close(boolean force, Duration timeout) {
        if (!force) {
            acquireUploadPermit(timeout);
        }
        try {
            call(() -> {
                analysis.finalizeOpenBuckets();
                snapshots.save(analysis, "State persisted due to job close");
                return null;
            });
        } finally {
            stop();
            if (!force) {
                uploadPermit.release();
            }
        }
    }

    /**
     * Queues the finalizing of the open buckets and the saving of a snapshot, followed by the stop, as when the
     * service shuts down. A snapshot contains no open bucket, so without the finalizing the records of the last bucket
     * would count as processed but be lost on the next start. As after a close, records that arrive later for a
     * finalized bucket count as out of order. The returned future completes when the snapshot is saved.
     */
    CompletableFuture<Void> persistAndStopAsync() {
        CompletableFuture<Void> saved = new CompletableFuture<>();
        enqueue(() -> {
            try {
                log.info(
                        "[{}] Finalizing any open bucket before the shutdown snapshot, so records that arrive "
                                + "for it after the restart count as out of order",
                        jobId);
                analysis.finalizeOpenBuckets();
                snapshots.save(analysis, "State persisted due to service shutdown");
                saved.complete(null);
            } catch (RuntimeException e) {
                saved.completeExceptionally(e);
            }
        });
        stopped = true;
        putTask(STOP);
        return saved;
    }

    /** Stops without saving anything: queued work is skipped, as before a forced delete. */
    void stopWithoutPersisting() {
        stop();
    }

    private void stop() {
        boolean wasRunning = !stopped;
        stopped = true;
        if (wasRunning) {
            putTask(STOP);
        }
        try {
            thread.join(TimeUnit.MINUTES.toMillis(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void runBatch(RecordBatch batch, Upload upload) {
        enqueue(() -> {
            if (stopped) {
                upload.fail(VigilException.jobNotOpen(jobId));
            } else if (upload.failure() == null) {
                try {
                    analysis.process(batch, upload.requestCounts());
                    persistIfDue();
                } catch (RuntimeException e) {
                    log.error("[{}] Failed to process a batch of {} records", jobId, batch.size(), e);
                    upload.fail(e);
                }
            }
        });
    }

    void runReset(long startMs, long endMs, Upload upload) {
        enqueue(() -> {
            if (stopped) {
                upload.fail(VigilException.jobNotOpen(jobId));
            } else if (upload.failure() == null) {
                try {
                    analysis.resetBuckets(startMs, endMs);
                } catch (RuntimeException e) {
                    log.error("[{}] Failed to reset the buckets from {} to {}", jobId, startMs, endMs, e);
                    upload.fail(e);
                }
            }
        });
    }

    DataCounts endUpload(Upload upload) {
        return call(() -> analysis.endRequest(upload.requestCounts()));
    }

    void releaseUpload() {
        uploadPermit.release();
    }

    // NOTE: a background snapshot taken inside a bucket keeps the counts of that bucket's records but not their
    // statistics, so after a crash those records count as processed although the restored job never saw them.
    private void persistIfDue() {
        Duration interval = Optional.ofNullable(
                        JobSettings.of(analysis.state().job()).backgroundPersistInterval())
                .orElse(defaultPersistInterval);
        long now = System.currentTimeMillis();
        if (now - lastPersistMs >= interval.toMillis()) {
            snapshots.save(analysis, "State persisted due to the background persist interval");
            lastPersistMs = now;
        }
    }

    private void acquireUploadPermit(Duration timeout) {
        try {
            if (!uploadPermit.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw VigilException.statusError(
                        HttpStatus.REQUEST_TIMEOUT,
                        "Timed out after [" + timeout.toSeconds() + "s] waiting for running uploads of job [" + jobId
                                + "]; retry later or raise [timeout]");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw VigilException.jobNotOpen(jobId);
        }
        if (stopped) {
            uploadPermit.release();
            throw VigilException.jobNotOpen(jobId);
        }
    }

    private <T> T call(Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        enqueue(() -> {
            try {
                if (stopped) {
                    throw VigilException.jobNotOpen(jobId);
                }
                result.complete(work.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        try {
            // A task queued while the processor stopped never runs; the wait ends when the thread is gone.
            while (true) {
                try {
                    return result.get(1, TimeUnit.SECONDS);
                } catch (TimeoutException stillRunning) {
                    if (!thread.isAlive()) {
                        throw VigilException.jobNotOpen(jobId);
                    }
                }
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw VigilException.jobNotOpen(jobId);
        }
    }

    private void enqueue(Runnable task) {
        if (stopped) {
            throw VigilException.jobNotOpen(jobId);
        }
        putTask(task);
    }

    private void putTask(Runnable task) {
        try {
            tasks.put(task);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw VigilException.jobNotOpen(jobId);
        }
    }

    private void runTasks() {
        while (true) {
            Runnable task;
            try {
                task = tasks.take();
            } catch (InterruptedException e) {
                return;
            }
            if (task == STOP) {
                runRemainingTasks();
                return;
            }
            task.run();
        }
    }

    // Tasks queued behind the stop see that the processor stopped and fail their callers with 409.
    private void runRemainingTasks() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            task.run();
        }
    }
}
