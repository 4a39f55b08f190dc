package io.vigil.process;

import io.vigil.engine.BucketResults;
import io.vigil.results.CategoryDefinition;
import io.vigil.results.ResultsBatch;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the results of finalized and interim buckets through the results writer that the import uses, so every
 * stored result has the same shape whichever path wrote it. Each call is one transaction that also stores the job's
 * statistics, so readers never see a half-written bucket or counts that disagree with the results.
 */
@Component
class ResultsWriter {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final io.vigil.results.ResultsWriter results;

    ResultsWriter(
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            JsonMapper json,
            io.vigil.results.ResultsWriter results) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
        this.results = results;
    }

    /**
     * Writes final results, replacing any interim results of the same buckets, together with the changed category
     * definitions and the job's statistics.
     */
    void writeFinal(
            String jobId,
            List<BucketResults> results,
            List<CategoryDefinition> changedCategories,
            boolean interimResultsExist,
            JobStatsDocuments stats) {
        transactions.executeWithoutResult(status -> {
            if (interimResultsExist && !results.isEmpty()) {
                long first = results.get(0).bucket().timestamp();
                long last = results.get(results.size() - 1).bucket().timestamp();
                deleteInterim(jobId, "timestamp between ? and ?", first, last);
            }
            insert(jobId, results, changedCategories);
            upsertStats(jobId, stats, System.currentTimeMillis());
        });
    }

    /** Replaces all interim results of the job with {@code results}, marked {@code is_interim: true}. */
    void replaceInterim(String jobId, List<BucketResults> results) {
        transactions.executeWithoutResult(status -> {
            deleteInterim(jobId, "true");
            insert(jobId, results, List.of());
        });
    }

    /** Stores the job's statistics alone, as after a request that finalized no bucket. */
    void writeStats(String jobId, JobStatsDocuments stats) {
        upsertStats(jobId, stats, System.currentTimeMillis());
    }

    /**
     * Deletes the results after {@code latestResultTimestamp} (all results when it is null), every interim result
     * and, unless {@code maxCategoryId} is null, the categories above it. It then stores {@code stats}, so the job
     * matches the snapshot it is restored from.
     */
    void rollBackTo(String jobId, Long latestResultTimestamp, Long maxCategoryId, JobStatsDocuments stats) {
        transactions.executeWithoutResult(status -> {
            long after = latestResultTimestamp == null ? Long.MIN_VALUE : latestResultTimestamp;
            for (String table : List.of("buckets", "bucket_influencers", "records", "influencers")) {
                jdbc.update(
                        "delete from " + table + " where job_id = ? and (timestamp > ? or is_interim)", jobId, after);
            }
            if (maxCategoryId != null) {
                jdbc.update("delete from categories where job_id = ? and category_id > ?", jobId, maxCategoryId);
            }
            upsertStats(jobId, stats, System.currentTimeMillis());
        });
    }

    /** Returns whether a processor of this job has finalized buckets or skipped time before. */
    boolean hasProcessedData(String jobId) {
        return !jdbc.queryForList(
                        "select 1 from job_stats where job_id = ? and last_finalized_bucket_end is not null",
                        Integer.class,
                        jobId)
                .isEmpty();
    }

    private void insert(String jobId, List<BucketResults> bucketResults, List<CategoryDefinition> categories) {
        if (bucketResults.isEmpty() && categories.isEmpty()) {
            return;
        }
        ResultsBatch batch = results.begin(jobId);
        for (BucketResults result : bucketResults) {
            batch.add(result.bucket());
            result.records().forEach(batch::add);
            result.influencers().forEach(batch::add);
        }
        categories.forEach(batch::add);
        batch.finish();
    }

    private void deleteInterim(String jobId, String condition, Object... arguments) {
        Object[] parameters = new Object[arguments.length + 1];
        parameters[0] = jobId;
        System.arraycopy(arguments, 0, parameters, 1, arguments.length);
        for (String table : List.of("buckets", "bucket_influencers", "records", "influencers")) {
            jdbc.update("delete from " + table + " where job_id = ? and is_interim and " + condition, parameters);
        }
    }

    private void upsertStats(String jobId, JobStatsDocuments stats, long now) {
        jdbc.update("""
                insert into job_stats (job_id, data_counts, model_size_stats, timing_stats,
                    last_finalized_bucket_end, updated_at)
                values (?, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?)
                on conflict (job_id) do update set data_counts = excluded.data_counts,
                    model_size_stats = excluded.model_size_stats, timing_stats = excluded.timing_stats,
                    last_finalized_bucket_end = excluded.last_finalized_bucket_end, updated_at = excluded.updated_at
                """, (PreparedStatement statement) -> {
            statement.setString(1, jobId);
            statement.setString(2, json.writeValueAsString(stats.dataCounts()));
            statement.setString(3, json.writeValueAsString(stats.modelSizeStats()));
            statement.setString(4, json.writeValueAsString(stats.timingStats()));
            setNullableLong(statement, 5, stats.lastFinalizedBucketEnd());
            statement.setLong(6, now);
        });
    }

    static void setNullableLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }
}
