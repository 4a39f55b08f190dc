package io.vigil.renormalization;

import io.vigil.job.JobDeletingEvent;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Renormalizes jobs' stored results in the background when their normalizers changed. Each job has one
 * renormalizer that coalesces its requests; runs of different jobs share a small pool of threads, so that a burst of
 * requests cannot take the cores ingestion needs.
 */
@Service
public class Renormalizers {

    private static final Logger log = LoggerFactory.getLogger(Renormalizers.class);

    private final Map<String, JobRenormalizer> renormalizers = new ConcurrentHashMap<>();
    private final StoredScores scores;
    private final ExecutorService executor;

    Renormalizers(StoredScores scores, @Value("${vigil.renormalization.threads:2}") int threads) {
        this.scores = scores;
        this.executor = Executors.newFixedThreadPool(Math.max(1, threads), daemonThreads());
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "vigil-renormalizer-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Queues the renormalization of a job's stored results; it returns at once. */
    public void request(String jobId, RenormalizationRequest request) {
        renormalizers
                .computeIfAbsent(jobId, id -> new JobRenormalizer(id, scores, executor))
                .submit(request);
        log.debug(
                "[{}] Requested renormalization of results from {} to {}",
                jobId,
                request.windowStartMs(),
                request.windowEndMs());
    }

    /**
     * Waits until the job's renormalizer has no work, at most {@code timeout}, so that a caller reads results that
     * are not half renormalized. Returns false when the wait timed out.
     */
    public boolean awaitIdle(String jobId, Duration timeout) {
        JobRenormalizer renormalizer = renormalizers.get(jobId);
        if (renormalizer == null) {
            return true;
        }
        try {
            return renormalizer.awaitIdle(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @EventListener
    void onJobDeleting(JobDeletingEvent event) {
        JobRenormalizer renormalizer = renormalizers.remove(event.jobId());
        if (renormalizer != null) {
            renormalizer.cancel();
        }
    }

    @PreDestroy
    void stop() {
        renormalizers.values().forEach(JobRenormalizer::cancel);
        executor.shutdownNow();
    }
}
