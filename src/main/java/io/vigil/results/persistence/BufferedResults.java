package io.vigil.results.persistence;

import io.vigil.results.AnomalyRecord;
import io.vigil.results.Bucket;
import io.vigil.results.BucketInfluencer;
import io.vigil.results.CategoryDefinition;
import io.vigil.results.Influencer;
import io.vigil.results.StoredResultCounts;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.UncategorizedSQLException;

/**
 * Results held in memory and written with one JDBC batch of upserts per table, for batches small enough that the
 * fixed cost of staging tables would dominate, such as the buckets one data request finalizes. Documents are kept
 * by identity, so the last one added of each identity is written, as a merge of staged documents does.
 */
final class BufferedResults {

    private final Map<Long, Bucket> buckets = new LinkedHashMap<>();
    private final Map<List<Object>, AnomalyRecord> records = new LinkedHashMap<>();
    private final Map<List<Object>, Influencer> influencers = new LinkedHashMap<>();
    private final Map<Long, CategoryDefinition> categories = new LinkedHashMap<>();
    private long addedRows;

    void add(Bucket bucket) {
        buckets.put(bucket.timestamp(), bucket);
        addedRows += 1 + nested(bucket).size();
    }

    void add(AnomalyRecord record) {
        records.put(List.of(record.timestamp(), record.detectorIndex(), SeriesKeys.of(record)), record);
        addedRows++;
    }

    void add(Influencer influencer) {
        List<Object> identity =
                List.of(influencer.timestamp(), influencer.influencerFieldName(), influencer.influencerFieldValue());
        influencers.put(identity, influencer);
        addedRows++;
    }

    void add(CategoryDefinition category) {
        categories.put(category.categoryId(), category);
        addedRows++;
    }

    /** Returns the number of rows added so far, counting replaced documents too. */
    long addedRows() {
        return addedRows;
    }

    /** Adds the documents held here to staged results, as when the batch outgrows memory. */
    void moveTo(StagedResults staged) {
        buckets.values().forEach(staged::add);
        records.values().forEach(staged::add);
        influencers.values().forEach(staged::add);
        categories.values().forEach(staged::add);
        buckets.clear();
        records.clear();
        influencers.clear();
        categories.clear();
    }

    /** Writes the documents into the result tables on {@code connection} and returns how many were stored. */
    StoredResultCounts write(Connection connection, String jobId, ResultRowValues values, long scoredAt) {
        try {
            upsert(connection, MergeStatements.UPSERT_BUCKET, jobId, scoredAt, buckets.values(), values::bucket);
            long storedBucketInfluencers = replaceBucketInfluencers(connection, jobId, values, scoredAt);
            upsert(connection, MergeStatements.UPSERT_RECORD, jobId, scoredAt, records.values(), values::record);
            upsert(
                    connection,
                    MergeStatements.UPSERT_INFLUENCER,
                    jobId,
                    scoredAt,
                    influencers.values(),
                    values::influencer);
            upsert(connection, MergeStatements.UPSERT_CATEGORY, jobId, null, categories.values(), values::category);
            return new StoredResultCounts(
                    buckets.size(), storedBucketInfluencers, records.size(), influencers.size(), categories.size());
        } catch (SQLException e) {
            throw new UncategorizedSQLException("write results of job [" + jobId + "]", null, e);
        }
    }

    private interface RowValues<T> {
        Object[] of(T document);
    }

    /** Binds the job id, each document's values and, unless it is null, {@code scoredAt}. */
    private static <T> void upsert(
            Connection connection, String sql, String jobId, Long scoredAt, Iterable<T> documents, RowValues<T> values)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            boolean any = false;
            for (T document : documents) {
                statement.setString(1, jobId);
                int next = bind(statement, 2, values.of(document));
                if (scoredAt != null) {
                    statement.setLong(next, scoredAt);
                }
                statement.addBatch();
                any = true;
            }
            if (any) {
                statement.executeBatch();
            }
        }
    }

    /**
     * Deletes the stored influencers of every bucket written here and inserts each bucket's own, so a bucket's
     * influencers are replaced as a whole. Of several influencers of one bucket with the same field name, the last
     * is kept, at its position.
     */
    private long replaceBucketInfluencers(Connection connection, String jobId, ResultRowValues values, long scoredAt)
            throws SQLException {
        if (buckets.isEmpty()) {
            return 0;
        }
        try (PreparedStatement delete = connection.prepareStatement(MergeStatements.DELETE_BUCKET_INFLUENCERS_AT)) {
            Array timestamps =
                    connection.createArrayOf("bigint", buckets.keySet().toArray());
            delete.setString(1, jobId);
            delete.setArray(2, timestamps);
            delete.executeUpdate();
        }
        long stored = 0;
        try (PreparedStatement insert = connection.prepareStatement(MergeStatements.INSERT_BUCKET_INFLUENCER)) {
            for (Bucket bucket : buckets.values()) {
                List<BucketInfluencer> nested = nested(bucket);
                Map<String, Integer> lastPositions = new LinkedHashMap<>();
                for (int position = 0; position < nested.size(); position++) {
                    lastPositions.put(nested.get(position).influencerFieldName(), position);
                }
                for (int position : lastPositions.values()) {
                    insert.setString(1, jobId);
                    int next = bind(insert, 2, values.bucketInfluencer(bucket.timestamp(), nested.get(position)));
                    insert.setLong(next, scoredAt);
                    insert.setInt(next + 1, position);
                    insert.addBatch();
                    stored++;
                }
            }
            if (stored > 0) {
                insert.executeBatch();
            }
        }
        return stored;
    }

    /** Binds {@code values} from parameter {@code first} on and returns the index of the next parameter. */
    private static int bind(PreparedStatement statement, int first, Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                statement.setNull(first + i, Types.OTHER);
            } else {
                statement.setObject(first + i, values[i]);
            }
        }
        return first + values.length;
    }

    private static List<BucketInfluencer> nested(Bucket bucket) {
        return bucket.bucketInfluencers() == null ? List.of() : bucket.bucketInfluencers();
    }
}
