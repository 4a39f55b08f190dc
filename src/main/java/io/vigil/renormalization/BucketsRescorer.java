package io.vigil.renormalization;

import io.vigil.results.BucketInfluencer;
import io.vigil.scoring.MaxScoreScope;
import io.vigil.scoring.NormalizerKey;
import io.vigil.scoring.Normalizers;
import io.vigil.scoring.ScoreLevel;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rescores the final buckets of a window from the raw scores of their bucket influencers, a slice of buckets at a
 * time. A {@code bucket_time} bucket influencer scores at least as high as the bucket's first occurrence records,
 * and a field's bucket influencer at least as high as those that list the field. The renormalizer rescores the
 * records before the buckets. A bucket influencer is written back when its score changed materially; its bucket is
 * then written too, with {@code anomaly_score} the maximum of its bucket influencers' scores, so that the bucket and
 * the bucket influencers it embeds change in one short transaction and share one {@code scored_at}.
 */
final class BucketsRescorer {

    /** Buckets read per slice; a bucket has one bucket influencer per influencer field plus {@code bucket_time}. */
    static final int BUCKETS_PER_SLICE = 2_000;

    private static final String SLICE_QUERY = """
            SELECT b.timestamp, b.anomaly_score, b.scored_at, i.influencer_field_name, i.raw_anomaly_score,
                i.anomaly_score AS influencer_score, i.scored_at AS influencer_scored_at,
                f.first_occurrence_probability, f.first_occurrence_score
            FROM buckets b JOIN bucket_influencers i ON i.job_id = b.job_id AND i.timestamp = b.timestamp
            LEFT JOIN (%s) f ON f.timestamp = b.timestamp AND f.influencer_field_name = i.influencer_field_name
            WHERE b.job_id = ? AND NOT b.is_interim AND NOT i.is_interim AND b.timestamp >= ? AND b.timestamp < ?
            ORDER BY b.timestamp, i.position, i.influencer_field_name
            """.formatted(FirstOccurrenceRecords.byInfluencerField());

    private static final String UPDATE_BUCKETS = """
            UPDATE buckets AS b SET anomaly_score = c.score, scored_at = ?
            FROM unnest(?::bigint[], ?::float8[], ?::bigint[]) AS c(timestamp, score, read_scored_at)
            WHERE b.job_id = ? AND b.timestamp = c.timestamp AND NOT b.is_interim AND b.scored_at = c.read_scored_at
                AND b.timestamp >= ? AND b.timestamp < ?
            """;

    private static final String UPDATE_BUCKET_INFLUENCERS = """
            UPDATE bucket_influencers AS i SET anomaly_score = c.score, scored_at = ?
            FROM unnest(?::bigint[], ?::text[], ?::float8[], ?::bigint[])
                AS c(timestamp, influencer_field_name, score, read_scored_at)
            WHERE i.job_id = ? AND i.timestamp = c.timestamp AND i.influencer_field_name = c.influencer_field_name
                AND NOT i.is_interim AND i.scored_at = c.read_scored_at AND i.timestamp >= ? AND i.timestamp < ?
            """;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    BucketsRescorer(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Rescores the buckets of the request's window and returns how many buckets were written back. */
    long rescore(String jobId, RenormalizationRequest request, BooleanSupplier cancelled) {
        long sliceMs = Math.max(1L, request.bucketSpanMs()) * BUCKETS_PER_SLICE;
        long written = 0;
        for (long start = request.windowStartMs();
                start < request.windowEndMs() && !cancelled.getAsBoolean();
                start = Math.min(request.windowEndMs(), start + sliceMs)) {
            long end = Math.min(request.windowEndMs(), start + sliceMs);
            written += rescoreSlice(jobId, request.normalizers(), start, end);
        }
        return written;
    }

    private long rescoreSlice(String jobId, Normalizers normalizers, long start, long end) {
        List<StoredBucket> buckets = new ArrayList<>();
        jdbc.query(
                SLICE_QUERY,
                row -> {
                    long timestamp = row.getLong("timestamp");
                    StoredBucket bucket = buckets.isEmpty() ? null : buckets.get(buckets.size() - 1);
                    if (bucket == null || bucket.timestamp != timestamp) {
                        bucket = new StoredBucket(timestamp, row.getDouble("anomaly_score"), row.getLong("scored_at"));
                        buckets.add(bucket);
                    }
                    String name = row.getString("influencer_field_name");
                    double firstOccurrence = row.getDouble("first_occurrence_probability");
                    if (row.wasNull()) {
                        firstOccurrence = 1.0;
                    }
                    double rescored = rescoreBucketInfluencer(
                            normalizers, name, row.getDouble("raw_anomaly_score"), firstOccurrence);
                    rescored = Math.max(rescored, row.getDouble("first_occurrence_score"));
                    bucket.addInfluencer(
                            name, row.getDouble("influencer_score"), rescored, row.getLong("influencer_scored_at"));
                },
                jobId,
                start,
                end,
                jobId,
                start,
                end);
        return write(jobId, buckets, start, end);
    }

    /**
     * Rescores a bucket influencer from its raw score. {@code bucket_time} uses the bucket level's normalizer and a
     * field the normalizer of its bucket influencers. The probability ceiling is at most that of the least probable
     * first occurrence record that the bucket has or, for a field, that lists the field (1 when none).
     */
    static double rescoreBucketInfluencer(
            Normalizers normalizers, String influencerFieldName, double rawScore, double firstOccurrenceProbability) {
        if (BucketInfluencer.BUCKET_TIME.equals(influencerFieldName)) {
            return normalizers.normalizeAggregate(
                    ScoreLevel.BUCKET, NormalizerKey.BUCKET, MaxScoreScope.ALL, rawScore, firstOccurrenceProbability);
        }
        return normalizers.normalizeAggregate(
                ScoreLevel.BUCKET_INFLUENCER,
                NormalizerKey.influencer(influencerFieldName),
                MaxScoreScope.ALL,
                rawScore,
                firstOccurrenceProbability);
    }

    /**
     * Writes the changed buckets of the slice {@code [start, end)}. The slice bounds in the updates match every bucket
     * of the slice, so they change no result. They let the planner join through the time index instead of hashing
     * every bucket of the job for each slice.
     */
    private long write(String jobId, List<StoredBucket> buckets, long start, long end) {
        ScoreChanges bucketChanges = new ScoreChanges();
        List<String> influencerNames = new ArrayList<>();
        ScoreChanges influencerChanges = new ScoreChanges();
        for (StoredBucket bucket : buckets) {
            if (bucket.changed) {
                bucketChanges.add(bucket.timestamp, bucket.maxScore, bucket.anomalyScore, bucket.scoredAt);
                for (StoredBucket.Influencer influencer : bucket.changedInfluencers) {
                    influencerNames.add(influencer.name());
                    influencerChanges.add(
                            bucket.timestamp, influencer.score(), influencer.readScore(), influencer.readScoredAt());
                }
            }
        }
        if (bucketChanges.isEmpty()) {
            return 0;
        }
        long scoredAt = System.currentTimeMillis();
        Integer updated = transactions.execute(status -> {
            jdbc.update(UPDATE_BUCKET_INFLUENCERS, statement -> {
                Connection connection = statement.getConnection();
                statement.setLong(1, scoredAt);
                statement.setArray(2, ProbabilityRowsRescorer.bigints(connection, influencerChanges.ids()));
                statement.setArray(3, connection.createArrayOf("text", influencerNames.toArray()));
                statement.setArray(4, ProbabilityRowsRescorer.doubles(connection, influencerChanges.scores()));
                statement.setArray(5, ProbabilityRowsRescorer.bigints(connection, influencerChanges.readScoredAts()));
                statement.setString(6, jobId);
                statement.setLong(7, start);
                statement.setLong(8, end);
            });
            return jdbc.update(UPDATE_BUCKETS, statement -> {
                Connection connection = statement.getConnection();
                statement.setLong(1, scoredAt);
                statement.setArray(2, ProbabilityRowsRescorer.bigints(connection, bucketChanges.ids()));
                statement.setArray(3, ProbabilityRowsRescorer.doubles(connection, bucketChanges.scores()));
                statement.setArray(4, ProbabilityRowsRescorer.bigints(connection, bucketChanges.readScoredAts()));
                statement.setString(5, jobId);
                statement.setLong(6, start);
                statement.setLong(7, end);
            });
        });
        return updated == null ? 0 : updated;
    }

    /** A stored bucket and its bucket influencers as read, with their rescored values. */
    private static final class StoredBucket {

        record Influencer(String name, double score, double readScore, long readScoredAt) {}

        final long timestamp;
        final double anomalyScore;
        final long scoredAt;
        final List<Influencer> changedInfluencers = new ArrayList<>();
        double maxScore;
        boolean changed;

        StoredBucket(long timestamp, double anomalyScore, long scoredAt) {
            this.timestamp = timestamp;
            this.anomalyScore = anomalyScore;
            this.scoredAt = scoredAt;
        }

        /** Adds a bucket influencer; the bucket's score becomes the maximum of the scores it will store. */
        void addInfluencer(String name, double readScore, double rescored, long readScoredAt) {
            if (ScoreChange.isMaterial(readScore, rescored)) {
                changedInfluencers.add(new Influencer(name, rescored, readScore, readScoredAt));
                changed = true;
                maxScore = Math.max(maxScore, rescored);
            } else {
                maxScore = Math.max(maxScore, readScore);
            }
        }
    }
}
