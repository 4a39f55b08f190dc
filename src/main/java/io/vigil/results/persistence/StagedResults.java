package io.vigil.results.persistence;

import io.vigil.results.AnomalyRecord;
import io.vigil.results.Bucket;
import io.vigil.results.BucketInfluencer;
import io.vigil.results.CategoryDefinition;
import io.vigil.results.Influencer;
import io.vigil.results.StoredResultCounts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.springframework.jdbc.UncategorizedSQLException;

/**
 * Results streamed with COPY into session-local staging tables and merged into the result tables at the end, for
 * batches too large to hold in memory. The staging tables are created on first use of a connection and emptied
 * after each merge.
 */
final class StagedResults {

    /** Staging tables with more rows than this are emptied with TRUNCATE, smaller ones with DELETE. */
    private static final long TRUNCATE_ROWS = 10_000;

    private final String jobId;
    private final Connection connection;
    private final ResultRowValues values;
    private final long scoredAt;

    private final CopyRows buckets = new CopyRows("staged_buckets", StagingTables.BUCKET_COLUMNS);
    private final CopyRows bucketInfluencers =
            new CopyRows("staged_bucket_influencers", StagingTables.BUCKET_INFLUENCER_COLUMNS);
    private final CopyRows records = new CopyRows("staged_records", StagingTables.RECORD_COLUMNS);
    private final CopyRows influencers = new CopyRows("staged_influencers", StagingTables.INFLUENCER_COLUMNS);
    private final CopyRows categories = new CopyRows("staged_categories", StagingTables.CATEGORY_COLUMNS);
    private long seq;

    StagedResults(String jobId, Connection connection, ResultRowValues values, long scoredAt) {
        this.jobId = jobId;
        this.connection = connection;
        this.values = values;
        this.scoredAt = scoredAt;
        execute(StagingTables.CREATE);
    }

    void add(Bucket bucket) {
        long bucketSeq = ++seq;
        buckets.add(bucketSeq, values.bucket(bucket)).endRow(connection);
        List<BucketInfluencer> nested = bucket.bucketInfluencers() == null ? List.of() : bucket.bucketInfluencers();
        for (int position = 0; position < nested.size(); position++) {
            bucketInfluencers
                    .add(bucketSeq)
                    .add(position, values.bucketInfluencer(bucket.timestamp(), nested.get(position)))
                    .endRow(connection);
        }
    }

    void add(AnomalyRecord record) {
        records.add(++seq, values.record(record)).endRow(connection);
    }

    void add(Influencer influencer) {
        influencers.add(++seq, values.influencer(influencer)).endRow(connection);
    }

    void add(CategoryDefinition category) {
        categories.add(++seq, values.category(category)).endRow(connection);
    }

    /** Merges the staged documents into the result tables and empties the staging tables. */
    StoredResultCounts finish() {
        for (CopyRows rows : List.of(buckets, bucketInfluencers, records, influencers, categories)) {
            rows.flush(connection);
        }
        long storedBuckets = merge(buckets, MergeStatements.BUCKETS, true);
        if (buckets.rowCount() > 0) {
            update(MergeStatements.DELETE_REPLACED_BUCKET_INFLUENCERS, false);
        }
        long storedBucketInfluencers = merge(bucketInfluencers, MergeStatements.BUCKET_INFLUENCERS, true);
        long storedRecords = merge(records, MergeStatements.RECORDS, true);
        long storedInfluencers = merge(influencers, MergeStatements.INFLUENCERS, true);
        long storedCategories = merge(categories, MergeStatements.CATEGORIES, false);
        clear();
        return new StoredResultCounts(
                storedBuckets, storedBucketInfluencers, storedRecords, storedInfluencers, storedCategories);
    }

    private long merge(CopyRows staged, String sql, boolean withScoredAt) {
        return staged.rowCount() == 0 ? 0 : update(sql, withScoredAt);
    }

    private long update(String sql, boolean withScoredAt) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, jobId);
            if (withScoredAt) {
                statement.setLong(2, scoredAt);
            }
            return statement.executeLargeUpdate();
        } catch (SQLException e) {
            throw new UncategorizedSQLException("merge staged results of job [" + jobId + "]", sql, e);
        }
    }

    private void clear() {
        clear("staged_buckets", buckets);
        clear("staged_bucket_influencers", bucketInfluencers);
        clear("staged_records", records);
        clear("staged_influencers", influencers);
        clear("staged_categories", categories);
    }

    private void clear(String table, CopyRows staged) {
        if (staged.rowCount() > TRUNCATE_ROWS) {
            execute("TRUNCATE " + table);
        } else if (staged.rowCount() > 0) {
            execute("DELETE FROM " + table);
        }
    }

    private void execute(String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new UncategorizedSQLException("prepare results staging of job [" + jobId + "]", sql, e);
        }
    }
}
