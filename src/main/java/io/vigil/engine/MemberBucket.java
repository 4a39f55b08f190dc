package io.vigil.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One population member's records in one bucket: the statistics per by value (attribute) it had, and the values of
 * the influencer fields that are not its own split fields.
 */
final class MemberBucket {

    final PopulationMember member;
    final List<Series> attributes = new ArrayList<>(2);
    final List<BucketStatistics> statistics = new ArrayList<>(2);
    /** Per attribute and feature, the bucket value, set when a final bucket is assessed. */
    double[][] values;

    /** The member's leaf in a final bucket, which custom rules may mark to skip the model update. */
    Leaf leaf;

    private Set<String>[] influencerValues;

    MemberBucket(PopulationMember member) {
        this.member = member;
    }

    /** Returns the statistics of {@code attribute}, creating them for its first record in the bucket. */
    BucketStatistics statisticsOf(Series attribute, boolean keepValues, boolean keepDistinct) {
        for (int i = 0; i < attributes.size(); i++) {
            if (attributes.get(i) == attribute) {
                return statistics.get(i);
            }
        }
        BucketStatistics created = new BucketStatistics(keepValues, keepDistinct);
        attributes.add(attribute);
        statistics.add(created);
        return created;
    }

    @SuppressWarnings("unchecked")
    void addInfluencerValue(int fieldIndex, int fieldCount, String value) {
        if (influencerValues == null) {
            influencerValues = new Set[fieldCount];
        }
        if (influencerValues[fieldIndex] == null) {
            influencerValues[fieldIndex] = new LinkedHashSet<>();
        }
        influencerValues[fieldIndex].add(value);
    }

    /** Returns the values of influencer field {@code fieldIndex} in the member's records, empty when none. */
    Set<String> influencerValues(int fieldIndex) {
        if (influencerValues == null || influencerValues[fieldIndex] == null) {
            return Set.of();
        }
        return influencerValues[fieldIndex];
    }

    /** Returns an estimate of the heap this bucket data retains, in bytes. */
    long memoryBytes() {
        long bytes = 96L;
        for (BucketStatistics statistic : statistics) {
            bytes += 16L + statistic.memoryBytes();
        }
        return bytes;
    }
}
