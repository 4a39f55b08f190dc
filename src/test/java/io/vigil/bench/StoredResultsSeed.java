package io.vigil.bench;

import io.vigil.scoring.DeviationFunction;
import io.vigil.scoring.MaxScoreScope;
import io.vigil.scoring.NormalizerKey;
import io.vigil.scoring.NormalizerSettings;
import io.vigil.scoring.Normalizers;
import io.vigil.scoring.ScoreLevel;
import java.util.SplittableRandom;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stored final results of one job for the renormalization benchmark, written with SQL in a few statements: per
 * 15-minute bucket, 20 records of {@code count by host} and 4 influencers of {@code host}, from 1,000 hosts, and a
 * bucket with {@code bucket_time} and {@code host} bucket influencers. Probabilities and stored scores come from
 * arithmetic on the row number, so every run stores the same results. {@link #normalizers} builds normalizers for
 * the same keys whose scores differ from most stored ones, the worst case of a renormalization.
 */
final class StoredResultsSeed {

    static final long BUCKET_SPAN_MS = 900_000;
    static final int RECORDS_PER_BUCKET = 20;
    static final int INFLUENCERS_PER_BUCKET = 4;
    static final int HOSTS = 1_000;
    /** 2023-01-02T00:00:00Z. */
    static final long START_MS = 1_672_617_600_000L;

    private final String jobId;
    private final int buckets;

    StoredResultsSeed(String jobId, int buckets) {
        this.jobId = jobId;
        this.buckets = buckets;
    }

    long endMs() {
        return START_MS + buckets * BUCKET_SPAN_MS;
    }

    long resultCount() {
        return (long) buckets * (1 + RECORDS_PER_BUCKET + INFLUENCERS_PER_BUCKET);
    }

    void write(JdbcTemplate jdbc) {
        jdbc.update("""
                INSERT INTO buckets (job_id, timestamp, bucket_span, anomaly_score, initial_anomaly_score,
                    event_count, scored_at)
                SELECT ?, ? + b * ?, 900, (b * 37 % 1000) / 10.0, (b * 37 % 1000) / 10.0, 100, 1
                FROM generate_series(0, ? - 1) AS b
                """, jobId, START_MS, BUCKET_SPAN_MS, buckets);
        jdbc.update("""
                INSERT INTO bucket_influencers (job_id, timestamp, influencer_field_name, bucket_span, anomaly_score,
                    initial_anomaly_score, raw_anomaly_score, probability, scored_at, position)
                SELECT ?, ? + b * ?, name, 900, (b * 37 % 1000) / 10.0, (b * 37 % 1000) / 10.0,
                    (b * 13 % 100) / 10.0, 0.01, 1, position
                FROM generate_series(0, ? - 1) AS b, (VALUES ('host', 0), ('bucket_time', 1)) AS i(name, position)
                """, jobId, START_MS, BUCKET_SPAN_MS, buckets);
        jdbc.update(
                """
                INSERT INTO records (job_id, timestamp, bucket_span, detector_index, series_key, probability,
                    record_score, initial_record_score, function, by_field_name, by_field_value, scored_at, document)
                SELECT ?, ? + (r / ?) * ?, 900, 0, 'host-' || (r % ?), power(10, -(1.5 + (r * 7919 % 1000) / 125.0)),
                    (r * 104729 % 10000) / 100.0, (r * 104729 % 10000) / 100.0, 'count', 'host', 'host-' || (r % ?),
                    1, '{}'
                FROM generate_series(0, ? - 1) AS r
                """,
                jobId, START_MS, RECORDS_PER_BUCKET, BUCKET_SPAN_MS, HOSTS, HOSTS, (long) buckets * RECORDS_PER_BUCKET);
        jdbc.update(
                """
                INSERT INTO influencers (job_id, timestamp, bucket_span, influencer_field_name, influencer_field_value,
                    influencer_score, initial_influencer_score, probability, scored_at)
                SELECT ?, ? + (r / ?) * ?, 900, 'host', 'host-' || (r % ?), (r * 104729 % 10000) / 100.0,
                    (r * 104729 % 10000) / 100.0, power(10, -(1.5 + (r * 7919 % 1000) / 125.0)), 1
                FROM generate_series(0, ? - 1) AS r
                """,
                jobId,
                START_MS,
                INFLUENCERS_PER_BUCKET,
                BUCKET_SPAN_MS,
                HOSTS,
                (long) buckets * INFLUENCERS_PER_BUCKET);
        jdbc.execute("ANALYZE buckets, bucket_influencers, records, influencers");
    }

    /**
     * Returns normalizers of the seeded keys, each fed 200 raw scores per host (most 0, a tail up to {@code s(1e-9)})
     * from a seeded generator.
     */
    static Normalizers normalizers(long seed) {
        Normalizers normalizers = new Normalizers(NormalizerSettings.forBucketSpan(BUCKET_SPAN_MS / 1000));
        SplittableRandom random = new SplittableRandom(seed);
        NormalizerKey recordKey = NormalizerKey.record(null, "host", "count", null);
        NormalizerKey hostKey = NormalizerKey.influencer("host");
        for (int i = 0; i < 200; i++) {
            for (int host = 0; host < HOSTS; host++) {
                MaxScoreScope scope = new MaxScoreScope(null, "host-" + host);
                normalizers.update(ScoreLevel.RECORD, recordKey, scope, rawScore(random));
                normalizers.update(ScoreLevel.INFLUENCER, hostKey, scope, rawScore(random));
            }
            normalizers.update(ScoreLevel.BUCKET, NormalizerKey.BUCKET, MaxScoreScope.ALL, rawScore(random));
            normalizers.update(ScoreLevel.BUCKET_INFLUENCER, hostKey, MaxScoreScope.ALL, rawScore(random));
        }
        return normalizers;
    }

    private static double rawScore(SplittableRandom random) {
        if (random.nextDouble() < 0.7) {
            return 0.0;
        }
        return DeviationFunction.score(Math.pow(10, -(1.5 + 7.5 * random.nextDouble())));
    }
}
