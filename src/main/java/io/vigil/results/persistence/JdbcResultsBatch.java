package io.vigil.results.persistence;

import io.vigil.results.AnomalyRecord;
import io.vigil.results.Bucket;
import io.vigil.results.BucketInfluencer;
import io.vigil.results.CategoryDefinition;
import io.vigil.results.Influencer;
import io.vigil.results.ResultsBatch;
import io.vigil.results.StoredResultCounts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import tools.jackson.databind.ObjectMapper;

/** A results batch on the connection of the caller's transaction. */
final class JdbcResultsBatch implements ResultsBatch {

    /** Staging tables with more rows than this are emptied with TRUNCATE, smaller ones with DELETE. */
    private static final long TRUNCATE_ROWS = 10_000;

    private final String jobId;
    private final DataSource dataSource;
    private final Connection connection;
    private final RecordDocuments recordDocuments;
    private final ObjectMapper mapper;
    private final long scoredAt;

    private final CopyRows buckets = new CopyRows("staged_buckets", StagingTables.BUCKET_COLUMNS);
    private final CopyRows bucketInfluencers =
            new CopyRows("staged_bucket_influencers", StagingTables.BUCKET_INFLUENCER_COLUMNS);
    private final CopyRows records = new CopyRows("staged_records", StagingTables.RECORD_COLUMNS);
    private final CopyRows influencers = new CopyRows("staged_influencers", StagingTables.INFLUENCER_COLUMNS);
    private final CopyRows categories = new CopyRows("staged_categories", StagingTables.CATEGORY_COLUMNS);
    private long seq;
    private boolean finished;

    JdbcResultsBatch(
            String jobId, DataSource dataSource, RecordDocuments recordDocuments, ObjectMapper mapper, long scoredAt) {
        this.jobId = jobId;
        this.dataSource = dataSource;
        this.connection = DataSourceUtils.getConnection(dataSource);
        this.recordDocuments = recordDocuments;
        this.mapper = mapper;
        this.scoredAt = scoredAt;
        execute(StagingTables.CREATE);
    }

    @Override
    public void add(Bucket bucket) {
        long bucketSeq = ++seq;
        buckets.add(bucketSeq)
                .add(bucket.timestamp())
                .add(bucket.bucketSpan())
                .add(bucket.anomalyScore())
                .add(bucket.initialAnomalyScore())
                .add(bucket.eventCount())
                .add(bucket.isInterim())
                .add(bucket.processingTimeMs())
                .add(bucket.scheduledEvents() == null ? null : mapper.writeValueAsString(bucket.scheduledEvents()))
                .endRow(connection);
        List<BucketInfluencer> nested = bucket.bucketInfluencers() == null ? List.of() : bucket.bucketInfluencers();
        for (int position = 0; position < nested.size(); position++) {
            BucketInfluencer influencer = nested.get(position);
            bucketInfluencers
                    .add(bucketSeq)
                    .add(position)
                    .add(bucket.timestamp())
                    .add(influencer.influencerFieldName())
                    .add(influencer.bucketSpan())
                    .add(influencer.anomalyScore())
                    .add(influencer.initialAnomalyScore())
                    .add(influencer.rawAnomalyScore())
                    .add(influencer.probability())
                    .add(influencer.isInterim())
                    .endRow(connection);
        }
    }

    @Override
    public void add(AnomalyRecord record) {
        records.add(++seq)
                .add(record.timestamp())
                .add(record.bucketSpan())
                .add(record.detectorIndex())
                .add(SeriesKeys.of(record))
                .add(record.probability())
                .add(record.multiBucketImpact())
                .add(record.recordScore())
                .add(record.initialRecordScore())
                .add(record.isInterim())
                .add(record.function())
                .add(record.fieldName())
                .add(record.byFieldName())
                .add(record.byFieldValue())
                .add(record.partitionFieldName())
                .add(record.partitionFieldValue())
                .add(record.overFieldName())
                .add(record.overFieldValue())
                .add(recordDocuments.write(record))
                .add(recordDocuments.render(record))
                .endRow(connection);
    }

    @Override
    public void add(Influencer influencer) {
        influencers
                .add(++seq)
                .add(influencer.timestamp())
                .add(influencer.bucketSpan())
                .add(influencer.influencerFieldName())
                .add(influencer.influencerFieldValue())
                .add(influencer.influencerScore())
                .add(influencer.initialInfluencerScore())
                .add(influencer.probability())
                .add(influencer.isInterim())
                .endRow(connection);
    }

    @Override
    public void add(CategoryDefinition category) {
        List<String> examples =
                category.examples() == null ? List.of() : List.copyOf(new TreeSet<>(category.examples()));
        List<Long> preferredTo =
                category.preferredToCategories() == null ? List.of() : category.preferredToCategories();
        categories
                .add(++seq)
                .add(category.categoryId())
                .add(category.partitionFieldName())
                .add(category.partitionFieldValue())
                .add(category.terms() == null ? "" : category.terms())
                .add(category.regex() == null ? "" : category.regex())
                .add(category.maxMatchingLength())
                .add(mapper.writeValueAsString(examples))
                .add(mapper.writeValueAsString(preferredTo))
                .add(category.numMatches())
                .endRow(connection);
    }

    @Override
    public StoredResultCounts finish() {
        if (finished) {
            throw new IllegalStateException("The results batch of job [" + jobId + "] is already finished");
        }
        finished = true;
        try {
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
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
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
