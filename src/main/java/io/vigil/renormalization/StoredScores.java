package io.vigil.renormalization;

import java.util.function.BooleanSupplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rescores a job's stored final results within a window: buckets with their bucket influencers, records and
 * influencers. Interim results are never read or written, and {@code initial_*} scores are never touched.
 */
@Component
class StoredScores {

    /** How many results of each type a run wrote back. */
    record Written(long buckets, long records, long influencers) {

        long total() {
            return buckets + records + influencers;
        }
    }

    private final BucketsRescorer buckets;
    private final ProbabilityRowsRescorer rows;

    StoredScores(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.buckets = new BucketsRescorer(jdbc, transactions);
        this.rows = new ProbabilityRowsRescorer(jdbc);
    }

    Written rescore(String jobId, RenormalizationRequest request, BooleanSupplier cancelled) {
        long bucketCount = buckets.rescore(jobId, request, cancelled);
        long recordCount = rows.rescore(ProbabilityScoredTable.RECORDS, jobId, request, cancelled);
        long influencerCount = rows.rescore(ProbabilityScoredTable.INFLUENCERS, jobId, request, cancelled);
        return new Written(bucketCount, recordCount, influencerCount);
    }
}
