package io.vigil.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The results writer that ingestion uses: transactional batches with replacement by identity. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ResultsWriterTest {

    @Autowired
    ResultsWriter writer;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void batchIsVisibleAfterCommit() {
        StoredResultCounts stored = transactions.execute(status -> {
            ResultsBatch batch = writer.begin("writer-commit");
            batch.add(bucket(60_000, 12.5));
            batch.add(record(60_000, "AAL", 12.5));
            batch.add(record(60_000, "JZA", 3.0));
            return batch.finish();
        });

        assertThat(stored).isEqualTo(new StoredResultCounts(1, 1, 2, 0, 0));
        assertThat(count("buckets", "writer-commit")).isEqualTo(1);
        assertThat(count("records", "writer-commit")).isEqualTo(2);
        assertThat(jdbc.queryForObject(
                        "SELECT document->>'airline' FROM records WHERE job_id = 'writer-commit' "
                                + "AND by_field_value = 'AAL'",
                        String.class))
                .isEqualTo("[\"AAL\"]");
    }

    @Test
    void rolledBackBatchLeavesNothing() {
        transactions.executeWithoutResult(status -> {
            ResultsBatch batch = writer.begin("writer-rollback");
            batch.add(bucket(60_000, 40));
            batch.finish();
            status.setRollbackOnly();
        });

        assertThat(count("buckets", "writer-rollback")).isZero();
    }

    @Test
    void laterBatchReplacesSameIdentity() {
        for (double score : new double[] {10, 90}) {
            transactions.executeWithoutResult(status -> {
                ResultsBatch batch = writer.begin("writer-replace");
                batch.add(record(60_000, "AAL", score));
                batch.finish();
            });
        }

        assertThat(count("records", "writer-replace")).isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT record_score FROM records WHERE job_id = 'writer-replace'", Double.class))
                .isEqualTo(90.0);
    }

    @Test
    void largeBatchKeepsLastOfEachIdentity() {
        int airlines = 3_000;
        StoredResultCounts stored = transactions.execute(status -> {
            ResultsBatch batch = writer.begin("writer-large");
            batch.add(bucket(60_000, 10));
            for (int i = 0; i < airlines; i++) {
                batch.add(record(60_000, "A" + i, 10));
            }
            batch.add(record(60_000, "A7", 95));
            batch.add(bucket(60_000, 95));
            return batch.finish();
        });

        assertThat(stored).isEqualTo(new StoredResultCounts(1, 1, airlines, 0, 0));
        assertThat(count("records", "writer-large")).isEqualTo(airlines);
        assertThat(count("bucket_influencers", "writer-large")).isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT record_score FROM records WHERE job_id = 'writer-large' AND by_field_value = 'A7'",
                        Double.class))
                .isEqualTo(95.0);
        assertThat(jdbc.queryForObject("SELECT anomaly_score FROM buckets WHERE job_id = 'writer-large'", Double.class))
                .isEqualTo(95.0);
    }

    @Test
    void smallAndLargeBatchesStoreSameColumns() {
        transactions.executeWithoutResult(status -> {
            ResultsBatch small = writer.begin("writer-small-shape");
            small.add(bucket(60_000, 42));
            small.add(record(60_000, "AAL", 42));
            small.finish();
            ResultsBatch large = writer.begin("writer-large-shape");
            large.add(bucket(60_000, 42));
            large.add(record(60_000, "AAL", 42));
            for (int i = 0; i < 2_500; i++) {
                large.add(record(120_000, "B" + i, 1));
            }
            large.finish();
        });

        String bucketColumns = "SELECT timestamp, bucket_span, anomaly_score, initial_anomaly_score, event_count, "
                + "is_interim, processing_time_ms, scheduled_events::text FROM buckets WHERE job_id = ?";
        assertThat(jdbc.queryForList(bucketColumns, "writer-small-shape"))
                .isEqualTo(jdbc.queryForList(bucketColumns, "writer-large-shape"));
        String influencerColumns = "SELECT timestamp, influencer_field_name, position, anomaly_score, "
                + "raw_anomaly_score, probability FROM bucket_influencers WHERE job_id = ?";
        assertThat(jdbc.queryForList(influencerColumns, "writer-small-shape"))
                .isEqualTo(jdbc.queryForList(influencerColumns, "writer-large-shape"));
        String recordColumns = "SELECT series_key, probability, multi_bucket_impact, record_score, function, "
                + "field_name, by_field_name, by_field_value, partition_field_value, document::text, "
                + "rendered_fields FROM records WHERE job_id = ? AND timestamp = 60000";
        List<Map<String, Object>> small = jdbc.queryForList(recordColumns, "writer-small-shape");
        assertThat(small).isEqualTo(jdbc.queryForList(recordColumns, "writer-large-shape"));
        assertThat(small.get(0).get("rendered_fields")).isNotNull();
    }

    @Test
    void batchNeedsTransaction() {
        assertThatThrownBy(() -> writer.begin("writer-no-transaction"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("[writer-no-transaction]");
    }

    private long count(String table, String jobId) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE job_id = ?", Long.class, jobId);
    }

    private static Bucket bucket(long timestamp, double score) {
        BucketInfluencer bucketTime = new BucketInfluencer(
                null, BucketInfluencer.BUCKET_TIME, score, score, 1.5, 0.01, timestamp, 60, false, null);
        return new Bucket(null, timestamp, score, 60, score, null, 7, false, List.of(bucketTime), 3, null, null);
    }

    private static AnomalyRecord record(long timestamp, String airline, double score) {
        return new AnomalyRecord(
                null,
                0.01,
                null,
                score,
                score,
                60,
                0,
                false,
                timestamp,
                "airline",
                airline,
                null,
                null,
                null,
                "mean",
                "mean",
                List.of(100.0),
                List.of(250.0),
                "responsetime",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }
}
