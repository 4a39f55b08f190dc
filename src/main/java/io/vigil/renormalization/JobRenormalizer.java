package io.vigil.renormalization;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The renormalizer of one job. It runs at most one renormalization at a time on an executor thread and coalesces
 * the requests that arrive meanwhile into one: the newest normalizers win and the window reaches back to the
 * earliest pending start. A failed run is logged, and its window start is carried into the next request.
 */
final class JobRenormalizer {

    private static final Logger log = LoggerFactory.getLogger(JobRenormalizer.class);

    private final String jobId;
    private final StoredScores scores;
    private final Executor executor;

    // Guarded by this.
    private RenormalizationRequest pending;
    private long failedWindowStartMs = Long.MAX_VALUE;
    private boolean running;
    private volatile boolean cancelled;

    JobRenormalizer(String jobId, StoredScores scores, Executor executor) {
        this.jobId = jobId;
        this.scores = scores;
        this.executor = executor;
    }

    /** Queues a request. It runs after the current run, merged with any other request that waits. */
    synchronized void submit(RenormalizationRequest request) {
        if (cancelled) {
            return;
        }
        pending = pending == null ? request : pending.coalesce(request);
        if (!running) {
            running = true;
            executor.execute(this::drain);
        }
    }

    /** Waits at most {@code timeout} until no request runs or waits. Returns false when the wait timed out. */
    synchronized boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (running) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, remaining);
        }
        return true;
    }

    /** Drops waiting requests and stops the running one after its current page, as when the job is deleted. */
    synchronized void cancel() {
        cancelled = true;
        pending = null;
    }

    private void drain() {
        while (true) {
            RenormalizationRequest next = takeNext();
            if (next == null) {
                return;
            }
            run(next);
        }
    }

    private synchronized RenormalizationRequest takeNext() {
        RenormalizationRequest next = pending;
        pending = null;
        if (next == null || cancelled) {
            running = false;
            notifyAll();
            return null;
        }
        if (failedWindowStartMs < next.windowStartMs()) {
            next = new RenormalizationRequest(
                    next.normalizers(), failedWindowStartMs, next.windowEndMs(), next.bucketSpanMs());
        }
        failedWindowStartMs = Long.MAX_VALUE;
        return next;
    }

    private void run(RenormalizationRequest request) {
        long started = System.nanoTime();
        try {
            StoredScores.Written written = scores.rescore(jobId, request, () -> cancelled);
            long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            if (written.total() > 0) {
                log.info(
                        "[{}] Renormalized {} results ({} buckets, {} records, {} influencers) in {} ms",
                        jobId,
                        written.total(),
                        written.buckets(),
                        written.records(),
                        written.influencers(),
                        elapsedMs);
            } else {
                log.debug("[{}] Renormalized 0 results in {} ms", jobId, elapsedMs);
            }
        } catch (RuntimeException e) {
            synchronized (this) {
                failedWindowStartMs = Math.min(failedWindowStartMs, request.windowStartMs());
            }
            log.error(
                    "[{}] Renormalization of results from {} to {} failed; the next renormalization covers them again",
                    jobId,
                    request.windowStartMs(),
                    request.windowEndMs(),
                    e);
        }
    }
}
