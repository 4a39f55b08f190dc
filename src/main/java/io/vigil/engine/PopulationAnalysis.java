package io.vigil.engine;

import io.vigil.analytics.CategoryFrequencies;
import io.vigil.analytics.SeriesModel;
import io.vigil.job.Detector;
import io.vigil.scoring.StateStrings;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Population analysis of a detector with an {@code over_field_name}: each member (over value) is compared with the
 * behaviour of the whole population rather than with its own history. The models are per by value (the member's
 * "attribute") and shared by all members: each member's bucket value of an attribute is one sample of the
 * attribute's population distribution. A member's record combines its attributes' probabilities and lists the least
 * probable as causes (see {@link PopulationScoring}). {@code rare} and {@code freq_rare} judge attributes by how
 * many members have them instead.
 */
final class PopulationAnalysis extends AnalysisIdentity implements DistributionAnalysis {

    private final List<Feature> features;
    private final SplitFields split;
    private final ExcludeFrequent excludeFrequent;
    private final FeatureModels models;
    private final long bucketSpanSeconds;
    private final boolean keepValues;
    private final boolean keepDistinct;
    private final boolean timeOfPeriod;
    private final int[] influencerInputIndexes;
    private final PopulationScoring scoring;

    private final SeriesRegistry attributes;
    private final Map<String, CategoryFrequencies> rarity = new TreeMap<>();
    private final Map<MemberKey, PopulationMember> members = new LinkedHashMap<>();
    private int nextMemberOrdinal;
    private final FrequentValues frequentBy = new FrequentValues();
    private final FrequentValues frequentOver = new FrequentValues();
    private final TreeMap<Long, Map<MemberKey, MemberBucket>> open = new TreeMap<>();
    private Map<MemberKey, MemberBucket> collected;
    private long collectedBucketMs = Long.MIN_VALUE;

    record MemberKey(String partitionValue, String overValue) {}

    /**
     * @param influencerInputIndexes per job influencer field, its index in the input record, or -1 when the field is
     *     this detector's by, over or partition field and so is explained by the record's own values
     */
    PopulationAnalysis(
            int detectorIndex,
            Detector detector,
            DetectorFunction function,
            AnalysisFields fields,
            List<String> influencerFields,
            int[] influencerInputIndexes,
            FeatureModels models,
            long bucketSpanSeconds) {
        super(detectorIndex, detector, function, recordKey(detector, function, detector.overFieldName()));
        this.features = function.features();
        this.split = new SplitFields(detector, function.needsFieldValue(), fields);
        this.excludeFrequent = ExcludeFrequent.of(detector.excludeFrequent());
        this.models = models;
        this.bucketSpanSeconds = bucketSpanSeconds;
        this.keepValues = features.contains(Feature.MEDIAN);
        this.keepDistinct = features.get(0).keepsDistinct();
        this.timeOfPeriod = features.get(0).timeOfPeriod();
        this.influencerInputIndexes = influencerInputIndexes;
        this.attributes = new SeriesRegistry(split.partitionIndex >= 0, split.byIndex >= 0);
        this.scoring = new PopulationScoring(this, influencerFields);
    }

    /** Returns the frequencies of the by values of {@code partitionValue}, null before any was learned. */
    CategoryFrequencies rarity(String partitionValue) {
        return rarity.get(partitionValue == null ? "" : partitionValue);
    }

    boolean excludedBy(String byValue) {
        return excludeFrequent.excludesBy() && frequentBy.frequent(byValue);
    }

    boolean excludedOver(String overValue) {
        return excludeFrequent.excludesOver() && frequentOver.frequent(overValue);
    }

    @Override
    public void add(long bucketStartMs, InputRecord record, double weight, ModelMemory memory) {
        String partitionValue = split.value(record, split.partitionIndex);
        String overValue = split.value(record, split.overIndex);
        String byValue = split.value(record, split.byIndex);
        if (partitionValue == SplitFields.MISSING
                || overValue == SplitFields.MISSING
                || byValue == SplitFields.MISSING) {
            return;
        }

        String fieldValue = null;
        double value = 0.0;
        if (split.fieldIndex >= 0) {
            fieldValue = record.value(split.fieldIndex);
            if (fieldValue == null) {
                return;
            }
            if (!keepDistinct) {
                value = SplitFields.parseNumber(fieldValue);
                if (Double.isNaN(value)) {
                    return;
                }
            }
        }

        Series attribute = attributes.find(partitionValue, byValue);
        if (attribute == null) {
            if (!memory.mayCreateSeries()) {
                memory.seriesRejected(bucketStartMs);
                return;
            }
            attribute = newAttribute(partitionValue, byValue);
            memory.seriesCreated(attribute.memoryBytes());
        }

        MemberKey key = new MemberKey(partitionValue, overValue);
        PopulationMember member = members.get(key);
        if (member == null) {
            if (!memory.mayCreateSeries()) {
                memory.seriesRejected(bucketStartMs);
                return;
            }
            member = new PopulationMember(nextMemberOrdinal++, partitionValue, overValue, bucketStartMs);
            members.put(key, member);
            memory.seriesCreated(member.memoryBytes());
        }

        MemberBucket bucket = open.computeIfAbsent(bucketStartMs, ignored -> new LinkedHashMap<>())
                .computeIfAbsent(key, ignored -> new MemberBucket(members.get(key)));
        BucketStatistics statistics = bucket.statisticsOf(attribute, keepValues, keepDistinct);
        if (timeOfPeriod) {
            statistics.addValue((record.timestampMs() - bucketStartMs) / 1000.0, weight);
        } else if (split.fieldIndex < 0) {
            statistics.addEvent(weight);
        } else if (keepDistinct) {
            statistics.addDistinct(fieldValue, weight);
        } else {
            statistics.addValue(value, weight);
        }
        for (int i = 0; i < influencerInputIndexes.length; i++) {
            int inputIndex = influencerInputIndexes[i];
            String influencerValue = inputIndex < 0 ? null : record.value(inputIndex);
            if (influencerValue != null) {
                bucket.addInfluencerValue(i, influencerInputIndexes.length, influencerValue);
            }
        }
    }

    private Series newAttribute(String partitionValue, String byValue) {
        SeriesModel[] attributeModels = new SeriesModel[features.size()];
        for (int i = 0; i < attributeModels.length; i++) {
            attributeModels[i] = models.create(features.get(i));
        }
        Series attribute = new Series(
                attributes.nextOrdinal(),
                partitionValue,
                byValue,
                attributeModels,
                false,
                false,
                Double.NaN,
                Long.MIN_VALUE);
        attributes.add(attribute);
        return attribute;
    }

    @Override
    public void collectLeaves(long bucketStartMs, boolean interim, double completeness, List<Leaf> leaves) {
        Map<MemberKey, MemberBucket> data = interim ? open.get(bucketStartMs) : open.remove(bucketStartMs);
        if (!interim) {
            collected = data;
            collectedBucketMs = bucketStartMs;
        }
        if (data == null) {
            return;
        }
        for (MemberBucket bucket : data.values()) {
            Leaf leaf = scoring.assess(bucketStartMs, bucket, interim, completeness);
            if (!interim) {
                bucket.leaf = leaf;
            }
            leaves.add(leaf);
        }
    }

    @Override
    public void learn(long bucketStartMs) {
        Map<MemberKey, MemberBucket> data = collectedBucketMs == bucketStartMs ? collected : null;
        collected = null;
        collectedBucketMs = Long.MIN_VALUE;
        frequentBy.startBucket(bucketStartMs);
        frequentOver.startBucket(bucketStartMs);
        if (data == null) {
            return;
        }
        Map<Series, double[]> occurrences = new IdentityHashMap<>();
        for (MemberBucket bucket : data.values()) {
            if (bucket.leaf != null && bucket.leaf.modelUpdateSkipped()) {
                continue;
            }
            PopulationMember member = bucket.member;
            member.lastSeenBucketMs = Math.max(member.lastSeenBucketMs, bucketStartMs);
            frequentOver.occurred(bucketStartMs, member.overValue);
            for (int j = 0; j < bucket.attributes.size(); j++) {
                Series attribute = bucket.attributes.get(j);
                BucketStatistics statistics = bucket.statistics.get(j);
                double[] counts = occurrences.computeIfAbsent(attribute, ignored -> new double[2]);
                counts[0] += 1.0;
                counts[1] += statistics.value(Feature.COUNT);
                for (int f = 0; f < features.size(); f++) {
                    if (!statistics.isEmpty(features.get(f))) {
                        attribute.model(f).learn(bucketStartMs, bucket.values[j][f], 1.0);
                    }
                }
            }
        }
        for (Map.Entry<Series, double[]> entry : occurrences.entrySet()) {
            Series attribute = entry.getKey();
            frequentBy.occurred(bucketStartMs, attribute.byValue() == null ? "" : attribute.byValue());
            if (function.rare()) {
                String partitionKey = attribute.partitionValue() == null ? "" : attribute.partitionValue();
                rarity.computeIfAbsent(partitionKey, ignored -> new CategoryFrequencies(bucketSpanSeconds))
                        .learn(bucketStartMs, attribute.byValue(), entry.getValue()[0], entry.getValue()[1]);
            }
        }
    }

    @Override
    public void resetBuckets(long startMs, long endMs) {
        open.subMap(startMs, endMs).clear();
    }

    @Override
    public void prune(long oldestKeptMs) {
        members.values().removeIf(member -> member.lastSeenBucketMs < oldestKeptMs);
        frequentBy.prune();
        frequentOver.prune();
    }

    @Override
    public long memoryBytes() {
        long bytes = 512L + frequentBy.memoryBytes() + frequentOver.memoryBytes();
        for (Series attribute : attributes.all()) {
            bytes += attribute.memoryBytes() + 64L;
        }
        for (CategoryFrequencies frequencies : rarity.values()) {
            bytes += frequencies.memoryBytes();
        }
        for (PopulationMember member : members.values()) {
            bytes += member.memoryBytes();
        }
        for (Map<MemberKey, MemberBucket> bucket : open.values()) {
            for (MemberBucket memberBucket : bucket.values()) {
                bytes += memberBucket.memoryBytes();
            }
        }
        return bytes;
    }

    @Override
    public long byValueCount() {
        return attributes.byValueCount();
    }

    @Override
    public long overValueCount() {
        return members.size();
    }

    @Override
    public long partitionValueCount() {
        return attributes.partitionValueCount();
    }

    @Override
    public void writeState(DataOutput out) throws IOException {
        out.writeInt(attributes.nextOrdinal());
        out.writeInt(attributes.all().size());
        for (Series attribute : attributes.all()) {
            out.writeInt(attribute.ordinal());
            StateStrings.write(out, attribute.partitionValue());
            StateStrings.write(out, attribute.byValue());
            for (int f = 0; f < features.size(); f++) {
                attribute.model(f).writeTo(out);
            }
        }
        out.writeInt(rarity.size());
        for (Map.Entry<String, CategoryFrequencies> entry : rarity.entrySet()) {
            StateStrings.write(out, entry.getKey());
            entry.getValue().writeTo(out);
        }
        out.writeInt(nextMemberOrdinal);
        out.writeInt(members.size());
        for (PopulationMember member : members.values()) {
            out.writeInt(member.ordinal());
            StateStrings.write(out, member.partitionValue());
            StateStrings.write(out, member.overValue);
            out.writeLong(member.lastSeenBucketMs);
        }
        frequentBy.writeTo(out);
        frequentOver.writeTo(out);
    }

    @Override
    public void readState(DataInput in) throws IOException {
        open.clear();
        collected = null;
        collectedBucketMs = Long.MIN_VALUE;
        attributes.clear();
        int nextAttributeOrdinal = in.readInt();
        int attributeCount = readCount(in, "attributes");
        for (int i = 0; i < attributeCount; i++) {
            int ordinal = in.readInt();
            String partitionValue = StateStrings.read(in);
            String byValue = StateStrings.read(in);
            SeriesModel[] attributeModels = new SeriesModel[features.size()];
            for (int f = 0; f < attributeModels.length; f++) {
                attributeModels[f] = models.read(features.get(f), in);
            }
            attributes.add(new Series(
                    ordinal, partitionValue, byValue, attributeModels, false, false, Double.NaN, Long.MIN_VALUE));
        }
        attributes.restoreNextOrdinal(nextAttributeOrdinal);

        rarity.clear();
        int rarityCount = readCount(in, "rarity partitions");
        for (int i = 0; i < rarityCount; i++) {
            String partitionKey = StateStrings.read(in);
            rarity.put(partitionKey, CategoryFrequencies.read(in));
        }

        members.clear();
        nextMemberOrdinal = in.readInt();
        int memberCount = readCount(in, "members");
        for (int i = 0; i < memberCount; i++) {
            int ordinal = in.readInt();
            String partitionValue = StateStrings.read(in);
            String overValue = StateStrings.read(in);
            long lastSeen = in.readLong();
            members.put(
                    new MemberKey(partitionValue, overValue),
                    new PopulationMember(ordinal, partitionValue, overValue, lastSeen));
        }

        frequentBy.readFrom(in);
        frequentOver.readFrom(in);
    }

    private int readCount(DataInput in, String section) throws IOException {
        int count = in.readInt();
        if (count < 0) {
            throw new IOException(
                    "state of detector " + detectorIndex + " has " + count + " " + section + "; the state is corrupt");
        }
        return count;
    }

    List<Feature> features() {
        return features;
    }
}
