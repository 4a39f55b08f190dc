package io.vigil.renormalization;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rescores a job's stored final results within a window: buckets with their bucket influencers, records and
 * influencers. Interim results are never read or written, and {@code initial_*} scores are never touched.
 *
 * <p>The window is cut into consecutive parts, whole buckets each, that writer threads rescore at the same time. The
 * row updates dominate the cost, and PostgreSQL runs each connection's statements on one core, so two writers use
 * both cores of a small machine.
 */
@Component
class StoredScores {

    /** How many results of each type a run wrote back. */
    record Written(long buckets, long records, long influencers) {

        static final Written NONE = new Written(0, 0, 0);

        long total() {
            return buckets + records + influencers;
        }

        Written plus(Written other) {
            return new Written(buckets + other.buckets, records + other.records, influencers + other.influencers);
        }
    }

    /** Parts per writer, so that a part with more results than the others does not leave a writer idle for long. */
    private static final int PARTS_PER_WRITER = 4;

    private final BucketsRescorer buckets;
    private final ProbabilityRowsRescorer rows;
    private final ExecutorService writers;
    private final int writerCount;

    StoredScores(
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            @Value("${vigil.renormalization.writers:2}") int writerCount) {
        this.buckets = new BucketsRescorer(jdbc, transactions);
        this.rows = new ProbabilityRowsRescorer(jdbc);
        this.writerCount = Math.max(1, writerCount);
        this.writers = Executors.newFixedThreadPool(this.writerCount, runnable -> {
            Thread thread = new Thread(runnable, "vigil-renormalization-writer");
            thread.setDaemon(true);
            return thread;
        });
    }

    Written rescore(String jobId, RenormalizationRequest request, BooleanSupplier cancelled) {
        List<Future<Written>> parts = new ArrayList<>();
        for (RenormalizationRequest part : split(request, writerCount * PARTS_PER_WRITER)) {
            parts.add(writers.submit(() -> rescorePart(jobId, part, cancelled)));
        }
        Written written = Written.NONE;
        try {
            for (Future<Written> part : parts) {
                written = written.plus(part.get());
            }
        } catch (InterruptedException e) {
            parts.forEach(part -> part.cancel(true));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while renormalizing the results of job " + jobId, e);
        } catch (ExecutionException e) {
            parts.forEach(part -> part.cancel(true));
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
        return written;
    }

    private Written rescorePart(String jobId, RenormalizationRequest part, BooleanSupplier cancelled) {
        // Records first: a bucket scores at least as high as its first occurrence records.
        long recordCount = rows.rescore(ProbabilityScoredTable.RECORDS, jobId, part, cancelled);
        long bucketCount = buckets.rescore(jobId, part, cancelled);
        long influencerCount = rows.rescore(ProbabilityScoredTable.INFLUENCERS, jobId, part, cancelled);
        return new Written(bucketCount, recordCount, influencerCount);
    }

    /**
     * Cuts the window into at most {@code count} consecutive parts that start at bucket boundaries of the window. Each
     * part gets its own copy of the normalizers, because normalizers are not thread-safe.
     */
    static List<RenormalizationRequest> split(RenormalizationRequest request, int count) {
        long span = Math.max(1L, request.bucketSpanMs());
        long buckets = Math.max(1L, (request.windowEndMs() - request.windowStartMs() + span - 1) / span);
        long bucketsPerPart = (buckets + count - 1) / count;
        List<RenormalizationRequest> parts = new ArrayList<>();
        for (long start = request.windowStartMs(); start < request.windowEndMs(); start += bucketsPerPart * span) {
            long end = Math.min(request.windowEndMs(), start + bucketsPerPart * span);
            parts.add(new RenormalizationRequest(request.normalizers().copy(), start, end, request.bucketSpanMs()));
        }
        return parts;
    }
}
