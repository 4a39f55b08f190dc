package io.vigil.engine;

import io.vigil.scoring.AggregatedScore;
import io.vigil.scoring.AggregationStyle;
import io.vigil.scoring.DeviationFunction;
import io.vigil.scoring.ScoreAggregator;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The aggregate results of one bucket above its leaves: the bucket itself, one node per partition value, one per
 * influencer value (its children are the leaves that value explains) and one per influencer field.
 *
 * <p>A group of leaves aggregates in two steps: per detector with {@link AggregationStyle#SERIES} (the least
 * probable series, adjusted for how many series the detector has in the bucket), then across detectors with
 * {@link AggregationStyle#DETECTORS}. An influencer value's children enter as {@code p^w}, with w the value's
 * influence on that leaf. An influencer field aggregates its values' probabilities with the series style, each leaf that
 * none of its values explains counting as one more value of probability 1.
 *
 * <p>NOTE: detectors are combined without equalization, so in a job with several detectors one whose
 * probabilities are often small (a noisy detector) can dominate the bucket score.
 */
final class BucketTree {

    /**
     * An aggregate result.
     *
     * @param minLeafProbability the smallest probability of a leaf below this node, which decides whether it is
     *     written
     */
    record Node(AggregatedScore score, double minLeafProbability) {

        double rawScore() {
            return score.rawScore();
        }

        /** Returns the probability written with the node: {@code s⁻¹(raw)} when the raw score is positive. */
        double writtenProbability() {
            return score.rawScore() > 0.0 ? DeviationFunction.probability(score.rawScore()) : score.probability();
        }
    }

    record PartitionNode(String fieldName, String value, Node node) {}

    record InfluencerNode(int fieldIndex, String value, Node node) {}

    record InfluencerFieldNode(int fieldIndex, Node node) {}

    private final Node root;
    private final List<PartitionNode> partitions;
    private final List<InfluencerNode> influencers;
    private final List<InfluencerFieldNode> influencerFields;

    private BucketTree(
            Node root,
            List<PartitionNode> partitions,
            List<InfluencerNode> influencers,
            List<InfluencerFieldNode> influencerFields) {
        this.root = root;
        this.partitions = partitions;
        this.influencers = influencers;
        this.influencerFields = influencerFields;
    }

    /** Aggregates the leaves of a bucket of a job with {@code detectorCount} detectors and influencer fields. */
    static BucketTree build(List<Leaf> leaves, int detectorCount, int influencerFieldCount) {
        Node root = aggregate(leaves, Leaf::probability, detectorCount);
        List<PartitionNode> partitions = partitions(leaves, detectorCount);
        List<InfluencerNode> influencers = influencers(leaves, detectorCount);
        List<InfluencerFieldNode> fields = influencerFields(leaves, influencers, influencerFieldCount);
        return new BucketTree(root, partitions, influencers, fields);
    }

    Node root() {
        return root;
    }

    List<PartitionNode> partitions() {
        return partitions;
    }

    List<InfluencerNode> influencers() {
        return influencers;
    }

    List<InfluencerFieldNode> influencerFields() {
        return influencerFields;
    }

    private static List<PartitionNode> partitions(List<Leaf> leaves, int detectorCount) {
        Map<List<String>, List<Leaf>> groups = new LinkedHashMap<>();
        for (Leaf leaf : leaves) {
            String field = leaf.detector().detector().partitionFieldName();
            if (field != null && !field.isEmpty()) {
                groups.computeIfAbsent(List.of(field, leaf.series().partitionValue()), ignored -> new ArrayList<>())
                        .add(leaf);
            }
        }
        List<PartitionNode> nodes = new ArrayList<>(groups.size());
        groups.forEach((key, group) -> nodes.add(
                new PartitionNode(key.get(0), key.get(1), aggregate(group, Leaf::probability, detectorCount))));
        return nodes;
    }

    private static List<InfluencerNode> influencers(List<Leaf> leaves, int detectorCount) {
        Map<InfluenceKey, List<Leaf>> children = new LinkedHashMap<>();
        Map<InfluenceKey, Map<Leaf, Double>> weights = new LinkedHashMap<>();
        for (Leaf leaf : leaves) {
            for (InfluenceWeight influence : leaf.influences()) {
                InfluenceKey key = new InfluenceKey(influence.fieldIndex(), influence.value());
                children.computeIfAbsent(key, ignored -> new ArrayList<>()).add(leaf);
                weights.computeIfAbsent(key, ignored -> new IdentityHashMap<>()).put(leaf, influence.weight());
            }
        }
        List<InfluencerNode> nodes = new ArrayList<>(children.size());
        children.forEach((key, group) -> {
            Map<Leaf, Double> weightOf = weights.get(key);
            ToDoubleFunction<Leaf> weighted = leaf -> Math.pow(leaf.probability(), weightOf.get(leaf));
            nodes.add(new InfluencerNode(key.fieldIndex(), key.value(), aggregate(group, weighted, detectorCount)));
        });
        return nodes;
    }

    /**
     * Aggregates each influencer field's values. Every leaf that no value of the field explains joins the group with
     * probability 1, so the field's probability is corrected for as many series as the bucket's is.
     */
    private static List<InfluencerFieldNode> influencerFields(
            List<Leaf> leaves, List<InfluencerNode> influencers, int fieldCount) {
        List<InfluencerFieldNode> nodes = new ArrayList<>();
        for (int field = 0; field < fieldCount; field++) {
            double[] probabilities = new double[influencers.size() + leaves.size()];
            int count = 0;
            double minLeaf = 1.0;
            for (InfluencerNode influencer : influencers) {
                if (influencer.fieldIndex() == field) {
                    probabilities[count++] = influencer.node().score().probability();
                    minLeaf = Math.min(minLeaf, influencer.node().minLeafProbability());
                }
            }
            if (count > 0) {
                for (Leaf leaf : leaves) {
                    if (!explains(leaf, field)) {
                        probabilities[count++] = 1.0;
                    }
                }
                AggregatedScore values = ScoreAggregator.aggregate(probabilities, count, AggregationStyle.SERIES);
                AggregatedScore score =
                        ScoreAggregator.aggregate(new double[] {values.probability()}, 1, AggregationStyle.DETECTORS);
                nodes.add(new InfluencerFieldNode(field, new Node(score, minLeaf)));
            }
        }
        return nodes;
    }

    private static boolean explains(Leaf leaf, int field) {
        for (InfluenceWeight influence : leaf.influences()) {
            if (influence.fieldIndex() == field) {
                return true;
            }
        }
        return false;
    }

    /** Aggregates leaves per detector with the series style, then across detectors. */
    private static Node aggregate(List<Leaf> leaves, ToDoubleFunction<Leaf> probability, int detectorCount) {
        double[][] byDetector = new double[detectorCount][];
        int[] counts = new int[detectorCount];
        double minLeaf = 1.0;
        for (Leaf leaf : leaves) {
            int detector = leaf.detector().detectorIndex();
            if (byDetector[detector] == null) {
                byDetector[detector] = new double[leaves.size()];
            }
            byDetector[detector][counts[detector]++] = probability.applyAsDouble(leaf);
            minLeaf = Math.min(minLeaf, leaf.probability());
        }
        double[] detectorProbabilities = new double[detectorCount];
        int present = 0;
        for (int detector = 0; detector < detectorCount; detector++) {
            if (counts[detector] > 0) {
                detectorProbabilities[present++] = ScoreAggregator.aggregate(
                                byDetector[detector], counts[detector], AggregationStyle.SERIES)
                        .probability();
            }
        }
        AggregatedScore score = ScoreAggregator.aggregate(detectorProbabilities, present, AggregationStyle.DETECTORS);
        return new Node(score, minLeaf);
    }

    private record InfluenceKey(int fieldIndex, String value) {}
}
