package io.vigil.engine;

import io.vigil.results.AnomalyRecord;
import io.vigil.results.Bucket;
import io.vigil.results.BucketInfluencer;
import io.vigil.results.Influencer;
import io.vigil.scoring.MaxScoreScope;
import io.vigil.scoring.NormalizerKey;
import io.vigil.scoring.Normalizers;
import io.vigil.scoring.ScoreAggregator;
import io.vigil.scoring.ScoreLevel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Normalizes a bucket's results and chooses which to write.
 *
 * <p>A node is written when a leaf below it has a probability under 3.5%, or, to keep drill-down consistent, when
 * its own smallest leaf probability is within a factor 1.2 of a written parent's (Elastic ml-cpp's
 * {@code unusualProbabilityThreshold} and {@code OUTPUT_TOLERANCE}). So the bucket has a {@code bucket_time}
 * bucket influencer exactly when it has records. Records are capped at 500 per bucket, least probable first, and
 * influencer results at 500, highest score first (Elastic's {@code xpack.ml.max_anomaly_records} default).
 *
 * <p>A by value's first occurrence gets the probability ceiling of its own probability, without the family-wise
 * correction, at every level it reaches: its record, {@code bucket_time}, and each influencer and field bucket
 * influencer that explains it (see {@link FirstOccurrenceInfluences}).
 */
final class BucketScorer {

    static final double UNUSUAL_PROBABILITY = ScoreAggregator.MAX_ANOMALOUS_PROBABILITY;
    static final double OUTPUT_TOLERANCE = 1.2;
    static final int MAX_RECORDS = 500;
    static final int MAX_INFLUENCERS = 500;

    private static final Comparator<Leaf> LEAST_PROBABLE_FIRST = Comparator.comparingDouble(Leaf::probability)
            .thenComparingInt(leaf -> leaf.detector().detectorIndex())
            .thenComparingInt(leaf -> leaf.series().ordinal());

    private final String jobId;
    private final long bucketSpanSeconds;
    private final List<String> influencerFields;
    private final RecordBuilder recordBuilder;

    BucketScorer(String jobId, long bucketSpanSeconds, List<String> influencerFields) {
        this.jobId = jobId;
        this.bucketSpanSeconds = bucketSpanSeconds;
        this.influencerFields = influencerFields;
        this.recordBuilder = new RecordBuilder(jobId, bucketSpanSeconds, influencerFields);
    }

    /**
     * Adds every result of a final bucket to its normalizer, written or not. Returns true on a big change of any
     * normalizer. A leaf under a {@code skip_model_update} rule updates no normalizer, and when such a leaf is
     * anomalous (raw score above 0) the bucket's aggregate levels, which include its score, update none either. The
     * bucket level receives at least the aggregate raw score of its least probable first occurrence, as it is scored.
     */
    /**
     * Counts the results a {@code skip_result} rule removed as unremarkable in the record and bucket histories, with a
     * raw score of 0. Without them the histories would hold only the results the rules kept, usually the larger
     * ones, and a kept result would rank lower among them than among all the job's results.
     */
    void updateNormalizersForSkipped(Normalizers normalizers, List<Leaf> scored, List<Leaf> skipped) {
        for (Leaf leaf : skipped) {
            if (!leaf.modelUpdateSkipped()) {
                normalizers.update(ScoreLevel.RECORD, leaf.detector().recordKey(), recordScope(leaf), 0.0);
            }
        }
        if (scored.isEmpty() && !skipped.isEmpty()) {
            normalizers.update(ScoreLevel.BUCKET, NormalizerKey.BUCKET, MaxScoreScope.ALL, 0.0);
        }
    }

    boolean updateNormalizers(Normalizers normalizers, List<Leaf> leaves, BucketTree tree) {
        boolean bigChange = false;
        boolean aggregatesSkipped = false;
        for (Leaf leaf : leaves) {
            if (leaf.modelUpdateSkipped()) {
                aggregatesSkipped |= Normalizers.rawScoreOf(leaf.probability()) > 0.0;
                continue;
            }
            bigChange |= normalizers.update(
                    ScoreLevel.RECORD,
                    leaf.detector().recordKey(),
                    recordScope(leaf),
                    Normalizers.rawScoreOf(leaf.probability()));
        }
        if (aggregatesSkipped) {
            return bigChange;
        }
        for (BucketTree.PartitionNode partition : tree.partitions()) {
            bigChange |= normalizers.update(
                    ScoreLevel.PARTITION,
                    NormalizerKey.partition(partition.fieldName()),
                    new MaxScoreScope(partition.value(), null),
                    input(ScoreLevel.PARTITION, partition.node()));
        }
        if (!leaves.isEmpty()) {
            double firstOccurrenceRawScore = Normalizers.aggregateRawScoreOf(firstOccurrenceProbability(leaves));
            bigChange |= normalizers.update(
                    ScoreLevel.BUCKET,
                    NormalizerKey.BUCKET,
                    MaxScoreScope.ALL,
                    Math.max(tree.root().rawScore(), firstOccurrenceRawScore));
        }
        for (BucketTree.InfluencerNode influencer : tree.influencers()) {
            bigChange |= normalizers.update(
                    ScoreLevel.INFLUENCER,
                    influencerKey(influencer.fieldIndex()),
                    influencerScope(influencer),
                    input(ScoreLevel.INFLUENCER, influencer.node()));
        }
        if (!leaves.isEmpty()) {
            bigChange |= updateInfluencerFields(normalizers, leaves, tree);
        }
        return bigChange;
    }

    /**
     * Updates the bucket influencer normalizer of every influencer field, with 0 when no value of the field
     * explains a leaf of the bucket. Adds a 0 to the influencer history for each leaf that no value of the field
     * explains. Both levels then rank a score among all buckets and series, as the bucket and record levels do.
     */
    private boolean updateInfluencerFields(Normalizers normalizers, List<Leaf> leaves, BucketTree tree) {
        boolean bigChange = false;
        double[] rawScores = new double[influencerFields.size()];
        for (BucketTree.InfluencerFieldNode field : tree.influencerFields()) {
            rawScores[field.fieldIndex()] = field.node().rawScore();
        }
        int[] unexplainedLeaves = new int[influencerFields.size()];
        for (Leaf leaf : leaves) {
            boolean[] explained = new boolean[influencerFields.size()];
            for (InfluenceWeight influence : leaf.influences()) {
                explained[influence.fieldIndex()] = true;
            }
            for (int field = 0; field < explained.length; field++) {
                unexplainedLeaves[field] += explained[field] ? 0 : 1;
            }
        }
        for (int field = 0; field < influencerFields.size(); field++) {
            bigChange |= normalizers.update(
                    ScoreLevel.BUCKET_INFLUENCER, influencerKey(field), MaxScoreScope.ALL, rawScores[field]);
            for (int i = 0; i < unexplainedLeaves[field]; i++) {
                normalizers.addToHistory(ScoreLevel.INFLUENCER, influencerKey(field), 0.0);
            }
        }
        return bigChange;
    }

    /** Builds the bucket's written results, normalized against the current state of {@code normalizers}. */
    BucketResults results(
            Normalizers normalizers,
            long bucketStartMs,
            long eventCount,
            List<Leaf> leaves,
            BucketTree tree,
            boolean interim,
            long processingTimeMs) {
        double minLeafProbability = tree.root().minLeafProbability();
        boolean bucketWritten = !leaves.isEmpty() && minLeafProbability < UNUSUAL_PROBABILITY;
        List<AnomalyRecord> records =
                records(normalizers, leaves, bucketWritten, minLeafProbability, bucketStartMs, interim);

        FirstOccurrenceInfluences firstOccurrences = new FirstOccurrenceInfluences(records);
        List<Influencer> influencers = new ArrayList<>();
        List<BucketInfluencer> bucketInfluencers = new ArrayList<>();
        for (BucketTree.InfluencerFieldNode field : tree.influencerFields()) {
            double fieldMinLeaf = field.node().minLeafProbability();
            if (fieldMinLeaf >= UNUSUAL_PROBABILITY) {
                continue;
            }
            String name = influencerFields.get(field.fieldIndex());
            FirstOccurrenceInfluences.Explained explained = firstOccurrences.ofField(name);
            double score = normalizers.normalizeAggregate(
                    ScoreLevel.BUCKET_INFLUENCER,
                    influencerKey(field.fieldIndex()),
                    MaxScoreScope.ALL,
                    field.node().rawScore(),
                    explained.probability());
            score = Math.max(score, explained.recordScore());
            bucketInfluencers.add(bucketInfluencer(name, field.node(), score, bucketStartMs, interim));
            addInfluencers(
                    normalizers,
                    tree,
                    field.fieldIndex(),
                    fieldMinLeaf,
                    firstOccurrences,
                    bucketStartMs,
                    interim,
                    influencers);
        }
        if (bucketWritten) {
            double score = normalizers.normalizeAggregate(
                    ScoreLevel.BUCKET,
                    NormalizerKey.BUCKET,
                    MaxScoreScope.ALL,
                    tree.root().rawScore(),
                    firstOccurrenceProbability(leaves));
            score = Math.max(score, firstOccurrenceRecordScore(records));
            bucketInfluencers.add(
                    bucketInfluencer(BucketInfluencer.BUCKET_TIME, tree.root(), score, bucketStartMs, interim));
        }
        influencers.sort(Comparator.comparingDouble(Influencer::influencerScore)
                .reversed()
                .thenComparingDouble(Influencer::probability)
                .thenComparing(Influencer::influencerFieldName)
                .thenComparing(Influencer::influencerFieldValue));
        List<Influencer> cappedInfluencers =
                List.copyOf(influencers.subList(0, Math.min(influencers.size(), MAX_INFLUENCERS)));

        double anomalyScore = 0.0;
        for (BucketInfluencer bucketInfluencer : bucketInfluencers) {
            anomalyScore = Math.max(anomalyScore, bucketInfluencer.anomalyScore());
        }
        Bucket bucket = new Bucket(
                jobId,
                bucketStartMs,
                anomalyScore,
                bucketSpanSeconds,
                anomalyScore,
                null,
                eventCount,
                interim,
                List.copyOf(bucketInfluencers),
                processingTimeMs,
                null,
                null);
        return new BucketResults(bucket, records, cappedInfluencers);
    }

    /**
     * Returns the smallest probability of a leaf that is written as a record and is a by value's first occurrence,
     * or 1 when there is none. Renormalization reads the same from the bucket's stored records.
     */
    static double firstOccurrenceProbability(List<Leaf> leaves) {
        double smallest = 1.0;
        for (Leaf leaf : leaves) {
            if (leaf.probability() < UNUSUAL_PROBABILITY && isFirstOccurrence(leaf)) {
                smallest = Math.min(smallest, leaf.probability());
            }
        }
        return smallest;
    }

    /**
     * Returns the largest score of the records that are a by value's first occurrence, or 0. The bucket scores at
     * least this much, so that a new value alerts at the bucket level as it does at the record level even where the
     * job's other detectors make the bucket's own history noisy. Renormalization applies the same rule.
     */
    private static double firstOccurrenceRecordScore(List<AnomalyRecord> records) {
        double largest = 0.0;
        for (AnomalyRecord record : records) {
            if (FirstOccurrenceInfluences.isFirstOccurrence(record)) {
                largest = Math.max(largest, record.recordScore());
            }
        }
        return largest;
    }

    private static boolean isFirstOccurrence(Leaf leaf) {
        return leaf.detail() != null && Boolean.TRUE.equals(leaf.detail().byFieldFirstOccurrence());
    }

    private List<AnomalyRecord> records(
            Normalizers normalizers,
            List<Leaf> leaves,
            boolean bucketWritten,
            double minLeafProbability,
            long bucketStartMs,
            boolean interim) {
        List<Leaf> written = new ArrayList<>();
        for (Leaf leaf : leaves) {
            double p = leaf.probability();
            if (p < UNUSUAL_PROBABILITY || (bucketWritten && p < OUTPUT_TOLERANCE * minLeafProbability)) {
                written.add(leaf);
            }
        }
        written.sort(LEAST_PROBABLE_FIRST);
        List<AnomalyRecord> records = new ArrayList<>(Math.min(written.size(), MAX_RECORDS));
        for (Leaf leaf : written.subList(0, Math.min(written.size(), MAX_RECORDS))) {
            double score = normalizers.normalize(
                    ScoreLevel.RECORD,
                    leaf.detector().recordKey(),
                    recordScope(leaf),
                    leaf.probability(),
                    isFirstOccurrence(leaf));
            records.add(recordBuilder.record(leaf, score, bucketStartMs, interim));
        }
        return List.copyOf(records);
    }

    private void addInfluencers(
            Normalizers normalizers,
            BucketTree tree,
            int fieldIndex,
            double fieldMinLeaf,
            FirstOccurrenceInfluences firstOccurrences,
            long bucketStartMs,
            boolean interim,
            List<Influencer> influencers) {
        for (BucketTree.InfluencerNode influencer : tree.influencers()) {
            if (influencer.fieldIndex() != fieldIndex) {
                continue;
            }
            double smallest = Math.min(
                    influencer.node().writtenProbability(), influencer.node().minLeafProbability());
            if (smallest >= UNUSUAL_PROBABILITY && smallest >= OUTPUT_TOLERANCE * fieldMinLeaf) {
                continue;
            }
            String fieldName = influencerFields.get(fieldIndex);
            double probability = influencer.node().writtenProbability();
            FirstOccurrenceInfluences.Explained explained = firstOccurrences.ofValue(fieldName, influencer.value());
            double score = normalizers.normalizeAggregate(
                    ScoreLevel.INFLUENCER,
                    influencerKey(fieldIndex),
                    influencerScope(influencer),
                    probability,
                    explained.probability());
            score = Math.max(score, explained.recordScore());
            influencers.add(new Influencer(
                    jobId,
                    fieldName,
                    influencer.value(),
                    score,
                    score,
                    probability,
                    bucketSpanSeconds,
                    interim,
                    bucketStartMs,
                    null));
        }
    }

    private BucketInfluencer bucketInfluencer(
            String fieldName, BucketTree.Node node, double score, long bucketStartMs, boolean interim) {
        return new BucketInfluencer(
                jobId,
                fieldName,
                score,
                score,
                node.rawScore(),
                node.writtenProbability(),
                bucketStartMs,
                bucketSpanSeconds,
                interim,
                null);
    }

    /** Returns what a normalizer of {@code level} receives for an aggregate node, matching renormalization. */
    private static double input(ScoreLevel level, BucketTree.Node node) {
        return level.storedAsRawScore() ? node.rawScore() : Normalizers.rawScoreOf(node.writtenProbability());
    }

    private NormalizerKey influencerKey(int fieldIndex) {
        return NormalizerKey.influencer(influencerFields.get(fieldIndex));
    }

    private static MaxScoreScope influencerScope(BucketTree.InfluencerNode influencer) {
        return new MaxScoreScope(null, influencer.value());
    }

    private static MaxScoreScope recordScope(Leaf leaf) {
        if (leaf.detail() != null && leaf.detail().population()) {
            return MaxScoreScope.ALL;
        }
        return new MaxScoreScope(leaf.series().partitionValue(), leaf.series().byValue());
    }
}
