package io.vigil.engine;

import io.vigil.analytics.Assessment;
import io.vigil.analytics.CategoryFrequencies;
import io.vigil.analytics.SeriesModel;
import io.vigil.job.Detector;
import io.vigil.scoring.StateStrings;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code rare} function without an over field: by values that are rare over time, per partition. Each bucket
 * in which a by value appears counts one occurrence of it ({@link CategoryFrequencies}), so a value is rare when it
 * appears in few buckets, and a value never seen before is judged by how often new values have appeared. The record
 * of a by value carries its event count as {@code actual}, its mean events per bucket as {@code typical}, and
 * {@code by_field_first_occurrence} and {@code by_field_relative_rarity} in its explanation.
 */
final class RareAnalysis extends AnalysisIdentity implements DistributionAnalysis {

    private static final SeriesModel[] NO_MODELS = new SeriesModel[0];

    private final SplitFields split;
    private final ExcludeFrequent excludeFrequent;
    private final int[] influencerInputIndexes;
    private final long bucketSpanSeconds;
    private final SeriesRegistry registry;
    private final Map<String, CategoryFrequencies> frequencies = new TreeMap<>();
    private final FrequentValues frequentBy = new FrequentValues();
    private List<Leaf> collected;
    private long collectedBucketMs = Long.MIN_VALUE;

    RareAnalysis(
            int detectorIndex,
            Detector detector,
            DetectorFunction function,
            AnalysisFields fields,
            int[] influencerInputIndexes,
            long bucketSpanSeconds) {
        super(detectorIndex, detector, function, recordKey(detector, function, detector.byFieldName()));
        this.split = new SplitFields(detector, false, fields);
        this.excludeFrequent = ExcludeFrequent.of(detector.excludeFrequent());
        this.influencerInputIndexes = influencerInputIndexes;
        this.bucketSpanSeconds = bucketSpanSeconds;
        this.registry = new SeriesRegistry(split.partitionIndex >= 0, true);
    }

    /** Returns the assessment of a rare-style value with probability {@code probability}. */
    static Assessment assessment(double probability, double typical) {
        return new Assessment(
                probability, probability, 1.0, -5.0, typical, typical, typical, true, 1, 1.0, false, false, false);
    }

    @Override
    public void add(long bucketStartMs, InputRecord record, double weight, ModelMemory memory) {
        String partitionValue = split.value(record, split.partitionIndex);
        String byValue = split.value(record, split.byIndex);
        if (partitionValue == SplitFields.MISSING || byValue == SplitFields.MISSING || byValue == null) {
            return;
        }
        Series series = registry.find(partitionValue, byValue);
        if (series == null) {
            if (!memory.mayCreateSeries()) {
                memory.seriesRejected(bucketStartMs);
                return;
            }
            series = new Series(
                    registry.nextOrdinal(),
                    partitionValue,
                    byValue,
                    NO_MODELS,
                    false,
                    false,
                    Double.NaN,
                    Long.MIN_VALUE);
            registry.add(series);
            memory.seriesCreated(series.memoryBytes());
        }
        BucketStatistics statistics = series.statisticsFor(bucketStartMs);
        statistics.addEvent(weight);
        for (int i = 0; i < influencerInputIndexes.length; i++) {
            int inputIndex = influencerInputIndexes[i];
            String influencerValue = inputIndex < 0 ? null : record.value(inputIndex);
            if (influencerValue != null) {
                statistics
                        .influencerValue(i, influencerInputIndexes.length, influencerValue)
                        .addEvent(weight);
            }
        }
    }

    @Override
    public void collectLeaves(long bucketStartMs, boolean interim, double completeness, List<Leaf> leaves) {
        List<Leaf> found = new java.util.ArrayList<>();
        for (Series series : registry.all()) {
            BucketStatistics statistics = interim ? series.peek(bucketStartMs) : series.take(bucketStartMs);
            if (statistics != null && !statistics.isEmpty(Feature.RARE)) {
                found.add(leaf(series, statistics));
            }
        }
        leaves.addAll(found);
        if (!interim) {
            collected = found;
            collectedBucketMs = bucketStartMs;
        }
    }

    private Leaf leaf(Series series, BucketStatistics statistics) {
        CategoryFrequencies values = frequencies.get(partitionKey(series));
        String byValue = series.byValue();
        double probability = values == null ? 1.0 : values.probability(byValue);
        if (excludeFrequent.excludesBy() && frequentBy.frequent(byValue)) {
            probability = 1.0;
        }
        double typical = values == null ? 0.0 : values.typicalEvents(byValue);
        boolean first = values == null || !values.seen(byValue);
        double rarity = values == null ? 1.0 : values.relativeRarity(byValue);
        RecordDetail detail = new RecordDetail(null, null, null, null, first, rarity, false);
        return new Leaf(
                this,
                series,
                statistics,
                new double[] {statistics.value(Feature.RARE)},
                new double[1],
                new double[] {1.0},
                new Assessment[] {assessment(probability, typical)},
                probability,
                0,
                detail);
    }

    @Override
    public void learn(long bucketStartMs) {
        List<Leaf> leaves = collectedBucketMs == bucketStartMs ? collected : List.of();
        collected = null;
        collectedBucketMs = Long.MIN_VALUE;
        frequentBy.startBucket(bucketStartMs);
        for (Leaf leaf : leaves) {
            if (leaf.modelUpdateSkipped()) {
                continue;
            }
            Series series = leaf.series();
            frequentBy.occurred(bucketStartMs, series.byValue());
            frequencies
                    .computeIfAbsent(partitionKey(series), ignored -> new CategoryFrequencies(bucketSpanSeconds))
                    .learn(bucketStartMs, series.byValue(), 1.0, leaf.actual(0));
        }
    }

    private static String partitionKey(Series series) {
        return series.partitionValue() == null ? "" : series.partitionValue();
    }

    @Override
    public void resetBuckets(long startMs, long endMs) {
        for (Series series : registry.all()) {
            series.resetBuckets(startMs, endMs);
        }
    }

    /**
     * Removes the series of by values without records since {@code oldestKeptMs}; their frequencies stay, so a
     * returning value is not taken for a first occurrence.
     */
    @Override
    public void prune(long oldestKeptMs) {
        registry.removeIf(series -> series.lastSeenBucketMs() < oldestKeptMs);
        frequentBy.prune();
    }

    @Override
    public long memoryBytes() {
        long bytes = 256L + frequentBy.memoryBytes();
        for (Series series : registry.all()) {
            bytes += series.memoryBytes() + 64L;
        }
        for (CategoryFrequencies values : frequencies.values()) {
            bytes += values.memoryBytes();
        }
        return bytes;
    }

    @Override
    public long byValueCount() {
        return registry.byValueCount();
    }

    @Override
    public long overValueCount() {
        return 0;
    }

    @Override
    public long partitionValueCount() {
        return registry.partitionValueCount();
    }

    @Override
    public void writeState(DataOutput out) throws IOException {
        out.writeInt(registry.nextOrdinal());
        out.writeInt(registry.all().size());
        for (Series series : registry.all()) {
            out.writeInt(series.ordinal());
            StateStrings.write(out, series.partitionValue());
            StateStrings.write(out, series.byValue());
            out.writeLong(series.lastSeenBucketMs());
        }
        out.writeInt(frequencies.size());
        for (Map.Entry<String, CategoryFrequencies> entry : frequencies.entrySet()) {
            StateStrings.write(out, entry.getKey());
            entry.getValue().writeTo(out);
        }
        frequentBy.writeTo(out);
    }

    @Override
    public void readState(DataInput in) throws IOException {
        registry.clear();
        collected = null;
        collectedBucketMs = Long.MIN_VALUE;
        int nextOrdinal = in.readInt();
        int count = in.readInt();
        if (count < 0) {
            throw new IOException("state of detector " + detectorIndex + " has " + count + " series; it is corrupt");
        }
        for (int i = 0; i < count; i++) {
            int ordinal = in.readInt();
            String partitionValue = StateStrings.read(in);
            String byValue = StateStrings.read(in);
            long lastSeen = in.readLong();
            registry.add(new Series(ordinal, partitionValue, byValue, NO_MODELS, false, false, Double.NaN, lastSeen));
        }
        registry.restoreNextOrdinal(nextOrdinal);
        frequencies.clear();
        int partitions = in.readInt();
        for (int i = 0; i < partitions; i++) {
            String key = StateStrings.read(in);
            frequencies.put(key, CategoryFrequencies.read(in));
        }
        frequentBy.readFrom(in);
    }
}
