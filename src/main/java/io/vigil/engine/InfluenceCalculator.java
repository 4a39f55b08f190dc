package io.vigil.engine;

import io.vigil.analytics.Assessment;
import io.vigil.analytics.Side;
import io.vigil.scoring.ProbabilityAggregation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Finds the influencer values that explain an anomalous leaf, after Elastic ml-cpp's
 * {@code CProbabilityAndInfluenceCalculator}.
 *
 * <p>Per feature with log probability {@code ℓ = ln p} (single-bucket view), each value v of an influencer field gets
 * a weight in [0, 1]: for counts and sums {@code 1 - ln p(x - x_v) / ℓ}, how much less unusual the bucket is without
 * v; for means and variances the same with v's records left out; for minimum, maximum and distinct count
 * {@code ln p(x_v) / ℓ}, how unusual v's own statistic is. Values are scanned from the most to the least likely to
 * explain the anomaly, and the scan stops at the first weight below {@code 0.5 / max(-ℓ, 1)}: that value keeps its
 * weight and every value not scanned gets half of it. Over several features, a value's record-level influence is
 * {@code ln P_v / ln P} where {@code P_v} combines {@code p_f^{w_vf}} as the leaf probability combines the
 * {@code p_f}. Values with an influence below 0.4 are dropped. A field that is the detector's by or partition
 * field, or that has a single value in the bucket, explains the series with influence 1. Low-side counts and sums
 * get no influences: a missing value cannot be attributed to the values present. Times, locations and rare values
 * give every value present influence 1, as ml-cpp's indicator calculator does.
 */
final class InfluenceCalculator {

    /** Influences below this are not reported (ml-cpp {@code DEFAULT_INFLUENCE_CUTOFF}). */
    static final double INFLUENCE_CUTOFF = 0.4;

    private final List<String> influencerFields;

    InfluenceCalculator(List<String> influencerFields) {
        this.influencerFields = influencerFields;
    }

    /** Returns the influences of {@code leaf} in bucket {@code bucketStartMs}, largest first. */
    List<InfluenceWeight> influences(long bucketStartMs, Leaf leaf) {
        List<InfluenceWeight> result = new ArrayList<>();
        for (int field = 0; field < influencerFields.size(); field++) {
            String ownValue = ownValue(leaf, influencerFields.get(field));
            if (ownValue != null) {
                result.add(new InfluenceWeight(field, ownValue, 1.0));
                continue;
            }
            Map<String, BucketStatistics> values = leaf.statistics().influencerValues(field);
            if (values.size() == 1) {
                result.add(new InfluenceWeight(field, values.keySet().iterator().next(), 1.0));
            } else if (values.size() > 1) {
                addWeights(bucketStartMs, leaf, field, values, result);
            }
        }
        result.sort(Comparator.comparingDouble(InfluenceWeight::weight)
                .reversed()
                .thenComparingInt(InfluenceWeight::fieldIndex)
                .thenComparing(InfluenceWeight::value));
        return result;
    }

    private static String ownValue(Leaf leaf, String field) {
        if (field.equals(leaf.detector().detector().byFieldName())) {
            return leaf.series().byValue();
        }
        if (field.equals(leaf.detector().detector().partitionFieldName())) {
            return leaf.series().partitionValue();
        }
        return null;
    }

    private void addWeights(
            long bucketStartMs,
            Leaf leaf,
            int field,
            Map<String, BucketStatistics> values,
            List<InfluenceWeight> result) {
        List<String> names = new ArrayList<>(values.keySet());
        int featureCount = leaf.featureCount();
        double[][] weights = new double[featureCount][];
        for (int feature = 0; feature < featureCount; feature++) {
            weights[feature] = featureWeights(bucketStartMs, leaf, feature, names, values);
            if (weights[feature] == null) {
                return;
            }
        }
        double logRecord = Math.log(leaf.probability());
        double[] weighted = new double[featureCount];
        for (int v = 0; v < names.size(); v++) {
            double influence;
            if (featureCount == 1) {
                influence = weights[0][v];
            } else {
                double min = 1.0;
                for (int feature = 0; feature < featureCount; feature++) {
                    double p = leaf.assessment(feature).probability();
                    weighted[feature] = Math.exp(weights[feature][v] * Math.log(p));
                    min = Math.min(min, weighted[feature]);
                }
                double logJoint = ProbabilityAggregation.logJointLessLikely(weighted, featureCount, 0.0);
                double logExtreme = ProbabilityAggregation.logAtLeastMOfN(min, 1, featureCount);
                influence = logRecord < 0.0 ? Math.min(logJoint, logExtreme) / logRecord : 1.0;
            }
            influence = Math.min(Math.max(influence, 0.0), 1.0);
            if (influence >= INFLUENCE_CUTOFF) {
                result.add(new InfluenceWeight(field, names.get(v), influence));
            }
        }
    }

    /**
     * Returns the weight of each value for one feature, in the order of {@code names}, or null when the feature's
     * influence cannot be measured.
     */
    private static double[] featureWeights(
            long bucketStartMs, Leaf leaf, int feature, List<String> names, Map<String, BucketStatistics> values) {
        double[] weights = new double[names.size()];
        Assessment assessment = leaf.assessment(feature);
        double logP = Math.log(Math.max(assessment.singleBucketProbability(), Double.MIN_NORMAL));
        if (!(logP < -1e-12)) {
            Arrays.fill(weights, 1.0);
            return weights;
        }
        Feature kind = leaf.detector().function().features().get(feature);
        if (kind.influenceMethod() == Feature.InfluenceMethod.INDICATOR) {
            Arrays.fill(weights, 1.0);
            return weights;
        }
        Side side = leaf.detector().function().side(kind);
        Side tail = assessment.spike() ? Side.ABOVE : Side.BELOW;
        boolean leaveOut = kind.influenceMethod() != Feature.InfluenceMethod.INTERSECTION;
        if (side == Side.BELOW && kind.grows()) {
            return null;
        }

        Integer[] order = scanOrder(names, values, kind, tail);
        double cutoff = 0.5 / Math.max(-logP, 1.0);
        for (int position = 0; position < order.length; position++) {
            int v = order[position];
            double weight = weight(bucketStartMs, leaf, feature, kind, tail, values.get(names.get(v)), leaveOut, logP);
            weights[v] = weight;
            if (weight < cutoff) {
                for (int rest = position + 1; rest < order.length; rest++) {
                    weights[order[rest]] = weight / 2.0;
                }
                break;
            }
        }
        return weights;
    }

    private static double weight(
            long bucketStartMs,
            Leaf leaf,
            int feature,
            Feature kind,
            Side tail,
            BucketStatistics part,
            boolean leaveOut,
            double logP) {
        BucketStatistics whole = leaf.statistics();
        double value;
        double countWeight;
        if (leaveOut) {
            value = whole.valueWithout(kind, part);
            if (Double.isNaN(value)) {
                return 1.0;
            }
            double typical = leaf.series().typicalValueWeight();
            double restWeight = whole.valueWeight(kind) - part.valueWeight(kind);
            if (kind.countConditioned()) {
                countWeight = restWeight;
            } else {
                countWeight = kind.countWeighted() && typical > 0.0 ? restWeight / typical : 1.0;
            }
        } else {
            value = part.value(kind);
            countWeight = DetectorAnalysis.countWeight(leaf.series(), part, kind);
        }
        double corrected = value + leaf.correction(feature);
        Assessment assessment = leaf.series().model(feature).assess(bucketStartMs, corrected, countWeight, tail);
        double logOther = Math.log(Math.max(assessment.singleBucketProbability(), Double.MIN_NORMAL));
        double weight = leaveOut ? 1.0 - logOther / logP : logOther / logP;
        return Math.min(Math.max(weight, 0.0), 1.0);
    }

    /** Orders the values by their own statistic, largest first for a high anomaly and smallest first for a low one. */
    private static Integer[] scanOrder(
            List<String> names, Map<String, BucketStatistics> values, Feature kind, Side tail) {
        Integer[] order = new Integer[names.size()];
        double[] statistic = new double[names.size()];
        for (int v = 0; v < order.length; v++) {
            order[v] = v;
            statistic[v] = values.get(names.get(v)).value(kind);
        }
        Comparator<Integer> ascending =
                Comparator.<Integer>comparingDouble(v -> statistic[v]).thenComparing(names::get);
        Arrays.sort(order, tail == Side.ABOVE ? ascending.reversed() : ascending);
        return order;
    }
}
