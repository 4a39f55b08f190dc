package io.vigil.renormalization;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.process.ServiceTest;
import io.vigil.scoring.DeviationFunction;
import io.vigil.scoring.MaxScoreScope;
import io.vigil.scoring.NormalizerKey;
import io.vigil.scoring.NormalizerSettings;
import io.vigil.scoring.Normalizers;
import io.vigil.scoring.ScoreLevel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Rescoring stored rows in PostgreSQL: what is written back and what is left alone. */
class StoredScoresTest extends ServiceTest {

    private static final long SPAN_MS = 3_600_000L;
    private static final NormalizerKey RECORD_KEY = NormalizerKey.record(null, "host", "count", null);
    private static final MaxScoreScope SCOPE = new MaxScoreScope(null, "web-1");

    @Autowired
    private StoredScores scores;

    /** Returns normalizers whose history makes a record of probability 1e-3 score well below 90. */
    private static Normalizers normalizers() {
        Normalizers normalizers = new Normalizers(NormalizerSettings.forBucketSpan(3600));
        for (int i = 0; i < 500; i++) {
            double p = i % 50 == 0 ? 1e-12 : 0.5;
            normalizers.update(ScoreLevel.RECORD, RECORD_KEY, SCOPE, Normalizers.rawScoreOf(p));
        }
        return normalizers;
    }

    private void insertRecord(String jobId, long timestamp, boolean interim, long scoredAt) {
        insertRecord(jobId, timestamp, interim, scoredAt, "{}");
    }

    private void insertRecord(String jobId, long timestamp, boolean interim, long scoredAt, String document) {
        jdbc.update("""
                insert into records (job_id, timestamp, bucket_span, detector_index, series_key, probability,
                    record_score, initial_record_score, is_interim, function, by_field_name, by_field_value,
                    scored_at, document)
                values (?, ?, 3600, 0, 'web-1', 0.001, 90, 90, ?, 'count', 'host', 'web-1', ?, ?::jsonb)
                """, jobId, timestamp, interim, scoredAt, document);
    }

    private Map<String, Object> record(String jobId, long timestamp) {
        return jdbc.queryForMap(
                "select record_score, initial_record_score, scored_at from records where job_id = ? and timestamp = ?",
                jobId,
                timestamp);
    }

    private StoredScores.Written rescore(String jobId, long start, long end) {
        return scores.rescore(jobId, new RenormalizationRequest(normalizers(), start, end, SPAN_MS), () -> false);
    }

    @Test
    void finalRecordIsRescoredInitialKept() {
        insertRecord("stored-final", 0, false, 1);
        double expected = normalizers().normalize(ScoreLevel.RECORD, RECORD_KEY, SCOPE, 0.001);

        StoredScores.Written written = rescore("stored-final", 0, SPAN_MS);

        Map<String, Object> row = record("stored-final", 0);
        assertThat(written.records()).isEqualTo(1);
        assertThat(expected).isLessThan(75.0);
        assertThat((Double) row.get("record_score")).isEqualTo(expected);
        assertThat((Double) row.get("initial_record_score")).isEqualTo(90.0);
        assertThat((Long) row.get("scored_at")).isGreaterThan(1L);
    }

    @Test
    void firstOccurrenceKeepsItsProbabilityCeiling() {
        insertRecord(
                "stored-first", 0, false, 1, "{\"anomaly_score_explanation\": {\"by_field_first_occurrence\": true}}");
        double expected = normalizers().normalize(ScoreLevel.RECORD, RECORD_KEY, SCOPE, 0.001, true);
        double seenBefore = normalizers().normalize(ScoreLevel.RECORD, RECORD_KEY, SCOPE, 0.001, false);

        rescore("stored-first", 0, SPAN_MS);

        assertThat(expected).isGreaterThan(seenBefore);
        assertThat((Double) record("stored-first", 0).get("record_score")).isEqualTo(expected);
    }

    @Test
    void everyPartOfLongWindowIsRescored() {
        int buckets = 40;
        for (int i = 0; i < buckets; i++) {
            insertRecord("stored-long-window", i * SPAN_MS, false, 1);
        }
        double expected = normalizers().normalize(ScoreLevel.RECORD, RECORD_KEY, SCOPE, 0.001);

        StoredScores.Written written = rescore("stored-long-window", 0, buckets * SPAN_MS);

        List<Double> stored = jdbc.queryForList(
                "select record_score from records where job_id = 'stored-long-window' order by timestamp",
                Double.class);
        assertThat(written.records()).isEqualTo(buckets);
        assertThat(stored).hasSize(buckets);
        assertThat(stored).containsOnly(expected);
    }

    @Test
    void pageBreakInsideBucketMissesNoRecord() {
        // One bucket with more records than a page, so the second page starts in the middle of a timestamp.
        int count = ProbabilityRowsRescorer.PAGE_SIZE + 2_000;
        jdbc.update("""
                insert into records (job_id, timestamp, bucket_span, detector_index, series_key, probability,
                    record_score, initial_record_score, function, by_field_name, by_field_value, scored_at, document)
                select 'stored-pages', 0, 3600, 0, 'web-' || r, 0.001, 90, 90, 'count', 'host', 'web-1', 1, '{}'
                from generate_series(1, ?) as r
                """, count);
        double expected = normalizers().normalize(ScoreLevel.RECORD, RECORD_KEY, SCOPE, 0.001);

        StoredScores.Written written = rescore("stored-pages", 0, SPAN_MS);

        List<Double> stored = jdbc.queryForList(
                "select distinct record_score from records where job_id = 'stored-pages'", Double.class);
        assertThat(written.records()).isEqualTo(count);
        assertThat(stored).containsExactly(expected);
    }

    @Test
    void interimRecordIsNotRescored() {
        insertRecord("stored-interim", 0, true, 1);

        StoredScores.Written written = rescore("stored-interim", 0, SPAN_MS);

        assertThat(written.records()).isZero();
        assertThat((Double) record("stored-interim", 0).get("record_score")).isEqualTo(90.0);
    }

    @Test
    void recordsOutsideWindowAreLeftAlone() {
        insertRecord("stored-window", 0, false, 1);
        insertRecord("stored-window", SPAN_MS, false, 1);
        insertRecord("stored-window", 2 * SPAN_MS, false, 1);

        rescore("stored-window", SPAN_MS, 2 * SPAN_MS);

        assertThat((Double) record("stored-window", 0).get("record_score")).isEqualTo(90.0);
        assertThat((Double) record("stored-window", SPAN_MS).get("record_score"))
                .isLessThan(75.0);
        assertThat((Double) record("stored-window", 2 * SPAN_MS).get("record_score"))
                .isEqualTo(90.0);
    }

    @Test
    void rowRewrittenAfterReadKeepsNewerScore() {
        insertRecord("stored-rewritten", 0, false, 1);
        jdbc.update("update records set record_score = 42, scored_at = 7 where job_id = 'stored-rewritten'");

        int updated = jdbc.update(ProbabilityScoredTable.RECORDS.updateStatement(), statement -> {
            var connection = statement.getConnection();
            statement.setLong(1, 100);
            statement.setArray(2, ProbabilityRowsRescorer.bigints(connection, new long[] {recordId()}));
            statement.setArray(3, ProbabilityRowsRescorer.doubles(connection, new double[] {10.0}));
            statement.setArray(4, ProbabilityRowsRescorer.doubles(connection, new double[] {90.0}));
            statement.setArray(5, ProbabilityRowsRescorer.bigints(connection, new long[] {1}));
            statement.setString(6, "stored-rewritten");
            statement.setLong(7, 0);
            statement.setLong(8, 0);
        });

        assertThat(updated).isZero();
        assertThat((Double) record("stored-rewritten", 0).get("record_score")).isEqualTo(42.0);
    }

    private long recordId() {
        return jdbc.queryForObject("select id from records where job_id = 'stored-rewritten'", Long.class);
    }

    @Test
    void bucketTakesMaximumOfRescoredInfluencers() {
        jdbc.update("insert into buckets (job_id, timestamp, bucket_span, anomaly_score, initial_anomaly_score, "
                + "scored_at) values ('stored-bucket', 0, 3600, 95, 95, 1)");
        jdbc.update("insert into bucket_influencers (job_id, timestamp, influencer_field_name, bucket_span, "
                + "anomaly_score, initial_anomaly_score, raw_anomaly_score, probability, scored_at) values "
                + "('stored-bucket', 0, 'bucket_time', 3600, 95, 95, 3.0, 0.001, 1)");
        Normalizers normalizers = new Normalizers(NormalizerSettings.forBucketSpan(3600));
        for (int i = 0; i < 500; i++) {
            double raw = i % 50 == 0 ? DeviationFunction.score(1e-12) : 0.0;
            normalizers.update(ScoreLevel.BUCKET, NormalizerKey.BUCKET, MaxScoreScope.ALL, raw);
        }

        scores.rescore("stored-bucket", new RenormalizationRequest(normalizers, 0, SPAN_MS, SPAN_MS), () -> false);

        double influencerScore = jdbc.queryForObject(
                "select anomaly_score from bucket_influencers where job_id = 'stored-bucket'", Double.class);
        List<Map<String, Object>> bucket = jdbc.queryForList(
                "select anomaly_score, initial_anomaly_score from buckets where job_id = 'stored-bucket'");
        assertThat(influencerScore).isLessThan(75.0);
        assertThat((Double) bucket.get(0).get("anomaly_score")).isEqualTo(influencerScore);
        assertThat((Double) bucket.get(0).get("initial_anomaly_score")).isEqualTo(95.0);
    }

    /**
     * Inserts a bucket with a first occurrence record of host web-1, influencer rows for web-1 and web-2, and a
     * bucket influencer row for the host field, all scored 90.
     */
    private void insertFirstOccurrenceBucket(String jobId) {
        insertRecord(jobId, 0, false, 1, """
                {"anomaly_score_explanation": {"by_field_first_occurrence": true},
                 "influencers": [{"influencer_field_name": "host", "influencer_field_values": ["web-1"]}]}
                """);
        for (String host : List.of("web-1", "web-2")) {
            jdbc.update("""
                    insert into influencers (job_id, timestamp, bucket_span, influencer_field_name,
                        influencer_field_value, influencer_score, initial_influencer_score, probability, scored_at)
                    values (?, 0, 3600, 'host', ?, 90, 90, 0.001, 1)
                    """, jobId, host);
        }
        jdbc.update(
                "insert into buckets (job_id, timestamp, bucket_span, anomaly_score, initial_anomaly_score, "
                        + "scored_at) values (?, 0, 3600, 90, 90, 1)",
                jobId);
        jdbc.update(
                "insert into bucket_influencers (job_id, timestamp, influencer_field_name, bucket_span, "
                        + "anomaly_score, initial_anomaly_score, raw_anomaly_score, probability, scored_at) values "
                        + "(?, 0, 'host', 3600, 90, 90, ?, 0.001, 1)",
                jobId,
                Normalizers.aggregateRawScoreOf(0.001));
    }

    /** Returns the record normalizers plus influencer and bucket influencer histories with many results. */
    private static Normalizers normalizersWithInfluencers() {
        Normalizers normalizers = normalizers();
        NormalizerKey hostKey = NormalizerKey.influencer("host");
        for (int i = 0; i < 5_000; i++) {
            double p = i % 50 == 0 ? 1e-12 : 0.5;
            MaxScoreScope scope = new MaxScoreScope(null, "web-" + (i % 20));
            normalizers.update(ScoreLevel.INFLUENCER, hostKey, scope, Normalizers.rawScoreOf(p));
            normalizers.update(
                    ScoreLevel.BUCKET_INFLUENCER, hostKey, MaxScoreScope.ALL, Normalizers.aggregateRawScoreOf(p));
        }
        return normalizers;
    }

    @Test
    void firstOccurrenceInfluencerKeepsRecordScore() {
        insertFirstOccurrenceBucket("stored-first-influencer");
        Normalizers normalizers = normalizersWithInfluencers();
        double recordScore = normalizers.normalize(ScoreLevel.RECORD, RECORD_KEY, SCOPE, 0.001, true);
        NormalizerKey hostKey = NormalizerKey.influencer("host");
        double familyWise = normalizers.normalize(ScoreLevel.INFLUENCER, hostKey, SCOPE, 0.001);
        double fieldFamilyWise = normalizers.normalize(
                ScoreLevel.BUCKET_INFLUENCER, hostKey, MaxScoreScope.ALL, Normalizers.aggregateRawScoreOf(0.001));

        scores.rescore(
                "stored-first-influencer", new RenormalizationRequest(normalizers, 0, SPAN_MS, SPAN_MS), () -> false);

        double explaining = jdbc.queryForObject(
                "select influencer_score from influencers where job_id = 'stored-first-influencer'"
                        + " and influencer_field_value = 'web-1'",
                Double.class);
        double other = jdbc.queryForObject(
                "select influencer_score from influencers where job_id = 'stored-first-influencer'"
                        + " and influencer_field_value = 'web-2'",
                Double.class);
        double field = jdbc.queryForObject(
                "select anomaly_score from bucket_influencers where job_id = 'stored-first-influencer'", Double.class);
        double storedRecord = (Double) record("stored-first-influencer", 0).get("record_score");
        assertThat(storedRecord).isEqualTo(recordScore);
        assertThat(familyWise).isLessThan(recordScore - 10.0);
        assertThat(fieldFamilyWise).isLessThan(recordScore - 10.0);
        assertThat(explaining).isGreaterThanOrEqualTo(recordScore);
        assertThat(explaining)
                .isEqualTo(Math.max(
                        recordScore,
                        normalizers.normalizeAggregate(ScoreLevel.INFLUENCER, hostKey, SCOPE, 0.001, 0.001)));
        assertThat(field).isGreaterThanOrEqualTo(recordScore);
        assertThat(field)
                .isEqualTo(Math.max(
                        recordScore,
                        normalizers.normalizeAggregate(
                                ScoreLevel.BUCKET_INFLUENCER,
                                hostKey,
                                MaxScoreScope.ALL,
                                Normalizers.aggregateRawScoreOf(0.001),
                                0.001)));
        assertThat(other)
                .isEqualTo(
                        normalizers.normalize(ScoreLevel.INFLUENCER, hostKey, new MaxScoreScope(null, "web-2"), 0.001));
    }
}
