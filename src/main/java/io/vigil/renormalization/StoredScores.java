package io.vigil.renormalization;

import io.vigil.scoring.Normalizers;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
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

    /**
     * Rescores the window's parts on the writer threads. Each writer takes the next part from a shared queue and
     * rescores it with its own copy of the normalizers, because normalizers are not thread-safe. One copy per writer
     * rather than per part also lets each copy's cached rank ceilings serve all the parts its writer rescores.
     */
    Written rescore(String jobId, RenormalizationRequest request, BooleanSupplier cancelled) {
        Queue<RenormalizationRequest> parts =
                new ConcurrentLinkedQueue<>(split(request, writerCount * PARTS_PER_WRITER));
        List<Future<Written>> running = new ArrayList<>();
        for (int i = 0; i < Math.min(writerCount, parts.size()); i++) {
            Normalizers normalizers = request.normalizers().copy();
            running.add(writers.submit(() -> rescoreParts(jobId, parts, normalizers, cancelled)));
        }
        Written written = Written.NONE;
        try {
            for (Future<Written> writer : running) {
                written = written.plus(writer.get());
            }
        } catch (InterruptedException e) {
            running.forEach(writer -> writer.cancel(true));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while renormalizing the results of job " + jobId, e);
        } catch (ExecutionException e) {
            running.forEach(writer -> writer.cancel(true));
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
        return written;
    }

    private Written rescoreParts(
            String jobId, Queue<RenormalizationRequest> parts, Normalizers normalizers, BooleanSupplier cancelled) {
        Written written = Written.NONE;
        for (RenormalizationRequest part = parts.poll(); part != null; part = parts.poll()) {
            RenormalizationRequest writerPart = new RenormalizationRequest(
                    normalizers, part.windowStartMs(), part.windowEndMs(), part.bucketSpanMs());
            written = written.plus(rescorePart(jobId, writerPart, cancelled));
        }
        return written;
    }

    private Written rescorePart(String jobId, RenormalizationRequest part, BooleanSupplier cancelled) {
        // Records first: buckets, bucket influencers and influencers score at least as high as the first occurrence
        // records of their bucket that they explain.
        long recordCount = rows.rescore(ProbabilityScoredTable.RECORDS, jobId, part, cancelled);
        long bucketCount = buckets.rescore(jobId, part, cancelled);
        long influencerCount = rows.rescore(ProbabilityScoredTable.INFLUENCERS, jobId, part, cancelled);
        return new Written(bucketCount, recordCount, influencerCount);
    }

    /**
     * Cuts the window into at most {@code count} consecutive parts that start at bucket boundaries of the window. The
     * parts share the request's normalizers, and {@link #rescore} gives each writer a copy of them.
     */
    static List<RenormalizationRequest> split(RenormalizationRequest request, int count) {
        long span = Math.max(1L, request.bucketSpanMs());
        long buckets = Math.max(1L, (request.windowEndMs() - request.windowStartMs() + span - 1) / span);
        long bucketsPerPart = (buckets + count - 1) / count;
        List<RenormalizationRequest> parts = new ArrayList<>();
        for (long start = request.windowStartMs(); start < request.windowEndMs(); start += bucketsPerPart * span) {
            long end = Math.min(request.windowEndMs(), start + bucketsPerPart * span);
            parts.add(new RenormalizationRequest(request.normalizers(), start, end, request.bucketSpanMs()));
        }
        return parts;
    }
}
