package io.vigil.engine;

import io.vigil.analytics.Assessment;
import io.vigil.analytics.CategoryFrequencies;
import io.vigil.analytics.SeriesModel;
import io.vigil.analytics.Side;
import io.vigil.job.Detector;
import io.vigil.results.AnomalyCause;
import io.vigil.scoring.DeviationFunction;
import io.vigil.scoring.ProbabilityAggregation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Turns one member's bucket into a leaf, after Elastic ml-cpp's {@code CEventRatePopulationModel} and
 * {@code CMetricPopulationModel}. Each attribute (by value) the member has is judged by the attribute's population
 * model, its features combined as for a series. The member's probability combines its attributes' the same way: the
 * smaller of their joint less-likely probability and the chance that the least probable of them is this small, so
 * one very unusual attribute is not diluted by many usual ones. The record lists as causes up to {@value
 * #MAX_CAUSES} attributes, least probable first, with a probability of at most {@code max(1.1 p_min, 0.05)} and the
 * same most anomalous feature as the first; they carry the by and over values, function, actual and typical values.
 *
 * <p>{@code rare} judges an attribute by its rarity among the population (how many members have had it); {@code
 * freq_rare} also by how often the member used it in the bucket, against the attribute's population distribution of
 * per-member counts, so members that use a rare by value many times stand out.
 *
 * <p>NOTE: every attribute weighs the same in the member's probability, whereas ml-cpp weighs each attribute by how
 * often the member has it, which needs per member and attribute frequencies this engine does not keep.
 */
final class PopulationScoring {

    /** The maximum number of causes a record lists (ml-cpp {@code CAnomalyDetector::buildResultsHelper}). */
    static final int MAX_CAUSES = 10;

    /** Causes up to this factor of the smallest cause probability are listed (ml-cpp). */
    static final double CAUSE_TOLERANCE = 1.1;

    private final PopulationAnalysis analysis;
    private final List<String> influencerFields;

    PopulationScoring(PopulationAnalysis analysis, List<String> influencerFields) {
        this.analysis = analysis;
        this.influencerFields = influencerFields;
    }

    /** The judgement of one attribute of the member. */
    private record Cause(
            double probability,
            double[] actual,
            double[] corrections,
            Assessment[] assessments,
            int mostAnomalousFeature) {}

    Leaf assess(long bucketStartMs, MemberBucket bucket, boolean interim, double completeness) {
        int attributeCount = bucket.attributes.size();
        if (!interim) {
            bucket.values = new double[attributeCount][];
        }
        Cause[] causes = new Cause[attributeCount];
        double[] probabilities = new double[attributeCount];
        boolean excludedMember = analysis.excludedOver(bucket.member.overValue);
        for (int j = 0; j < attributeCount; j++) {
            causes[j] = judge(bucketStartMs, bucket.attributes.get(j), bucket.statistics.get(j), interim, completeness);
            if (!interim) {
                bucket.values[j] = causes[j].actual();
            }
            boolean excluded = excludedMember
                    || analysis.excludedBy(bucket.attributes.get(j).byValue());
            probabilities[j] = excluded ? 1.0 : causes[j].probability();
        }
        double min = 1.0;
        for (double p : probabilities) {
            min = Math.min(min, p);
        }
        double probability = DetectorAnalysis.combine(probabilities, min);

        Integer[] order = new Integer[attributeCount];
        for (int j = 0; j < attributeCount; j++) {
            order[j] = j;
        }
        Arrays.sort(
                order,
                Comparator.<Integer>comparingDouble(j -> probabilities[j])
                        .thenComparingInt(j -> bucket.attributes.get(j).ordinal()));
        Cause top = causes[order[0]];
        Series topAttribute = bucket.attributes.get(order[0]);
        boolean written = probability < DeviationFunction.LARGEST_SIGNIFICANT_PROBABILITY;
        List<AnomalyCause> listed = written ? causes(bucket, causes, probabilities, order) : List.of();
        RecordDetail detail = new RecordDetail(
                bucket.member.overValue,
                topAttribute.byValue(),
                listed,
                null,
                analysis.function().rare() ? firstOccurrence(topAttribute) : null,
                analysis.function().rare() ? relativeRarity(topAttribute) : null,
                true);
        double[] countWeights = new double[top.actual().length];
        Arrays.fill(countWeights, 1.0);
        Leaf leaf = new Leaf(
                analysis,
                bucket.member.identity,
                bucket.statistics.get(order[0]),
                top.actual(),
                top.corrections(),
                countWeights,
                top.assessments(),
                Math.max(probability, Double.MIN_NORMAL),
                top.mostAnomalousFeature(),
                detail);
        if (written) {
            leaf.setInfluences(influences(bucket, listed));
        }
        return leaf;
    }

    private Cause judge(
            long bucketStartMs, Series attribute, BucketStatistics statistics, boolean interim, double completeness) {
        List<Feature> features = analysis.features();
        int featureCount = features.size();
        double[] actual = new double[featureCount];
        double[] corrections = new double[featureCount];
        Assessment[] assessments = new Assessment[featureCount];
        double[] probabilities = new double[featureCount];
        int mostAnomalous = 0;
        for (int f = 0; f < featureCount; f++) {
            Feature feature = features.get(f);
            SeriesModel model = attribute.model(f);
            actual[f] = DetectorAnalysis.value(bucketStartMs, statistics, feature);
            if (interim && feature.grows()) {
                corrections[f] = InterimCorrection.correction(actual[f], model.typical(bucketStartMs), completeness);
            }
            if (analysis.function().rare()) {
                assessments[f] = rareAssessment(bucketStartMs, attribute, model, actual[f] + corrections[f]);
            } else {
                Side side = analysis.function().side(feature);
                assessments[f] = model.assess(bucketStartMs, actual[f] + corrections[f], 1.0, side);
            }
            probabilities[f] = assessments[f].probability();
            if (probabilities[f] < probabilities[mostAnomalous]) {
                mostAnomalous = f;
            }
        }
        double probability = DetectorAnalysis.combine(probabilities, probabilities[mostAnomalous]);
        return new Cause(probability, actual, corrections, assessments, mostAnomalous);
    }

    /**
     * Judges a member's count of a by value for {@code rare} (the value's rarity among the population) and
     * {@code freq_rare} (for a value rarer than 5%, its rarity joined with how unusual the member's count of it is).
     */
    private Assessment rareAssessment(long bucketStartMs, Series attribute, SeriesModel countModel, double count) {
        CategoryFrequencies frequencies = analysis.rarity(attribute.partitionValue());
        double rarity = frequencies == null ? 1.0 : frequencies.probability(attribute.byValue());
        double typical = frequencies == null ? 0.0 : frequencies.typicalEvents(attribute.byValue());
        double probability = rarity;
        if (analysis.function() == DetectorFunction.FREQ_RARE) {
            Assessment countAssessment = countModel.assess(bucketStartMs, count, 1.0, Side.ABOVE);
            typical = countAssessment.typical();
            double[] both = {rarity, countAssessment.probability()};
            // Heavy use of a common value is a population count anomaly, not a rare one, so only rare values count.
            probability = rarity < DeviationFunction.LARGEST_SIGNIFICANT_PROBABILITY
                    ? Math.min(Math.exp(ProbabilityAggregation.logJointLessLikely(both, 2, 0.0)), 1.0)
                    : 1.0;
        }
        return RareAnalysis.assessment(Math.max(probability, Double.MIN_NORMAL), typical);
    }

    private Boolean firstOccurrence(Series attribute) {
        CategoryFrequencies frequencies = analysis.rarity(attribute.partitionValue());
        return frequencies == null || !frequencies.seen(attribute.byValue());
    }

    private Double relativeRarity(Series attribute) {
        CategoryFrequencies frequencies = analysis.rarity(attribute.partitionValue());
        return frequencies == null ? 1.0 : frequencies.relativeRarity(attribute.byValue());
    }

    private List<AnomalyCause> causes(MemberBucket bucket, Cause[] causes, double[] probabilities, Integer[] order) {
        Detector detector = analysis.detector();
        double limit =
                Math.max(CAUSE_TOLERANCE * probabilities[order[0]], DeviationFunction.LARGEST_SIGNIFICANT_PROBABILITY);
        int topFeature = causes[order[0]].mostAnomalousFeature();
        List<AnomalyCause> listed = new ArrayList<>();
        for (int position = 0; position < order.length && listed.size() < MAX_CAUSES; position++) {
            int j = order[position];
            Cause cause = causes[j];
            if (probabilities[j] > limit || cause.mostAnomalousFeature() != topFeature) {
                continue;
            }
            Series attribute = bucket.attributes.get(j);
            int f = cause.mostAnomalousFeature();
            Feature feature = analysis.features().get(f);
            double typical = cause.assessments()[f].typical() - cause.corrections()[f];
            listed.add(new AnomalyCause(
                    probabilities[j],
                    emptyToNull(detector.byFieldName()),
                    attribute.byValue(),
                    null,
                    emptyToNull(detector.partitionFieldName()),
                    attribute.partitionValue(),
                    analysis.function().functionName(),
                    feature.description(),
                    Double.isNaN(typical) ? null : List.of(typical),
                    List.of(cause.actual()[f]),
                    emptyToNull(detector.fieldName()),
                    detector.overFieldName(),
                    bucket.member.overValue,
                    null,
                    null));
        }
        return List.copyOf(listed);
    }

    /**
     * Returns the influences of a written member record: its own over, by (the causes' values) and partition values,
     * and every value of the other influencer fields in its records, each with influence 1.
     */
    private List<InfluenceWeight> influences(MemberBucket bucket, List<AnomalyCause> causes) {
        Detector detector = analysis.detector();
        List<InfluenceWeight> influences = new ArrayList<>();
        for (int field = 0; field < influencerFields.size(); field++) {
            String name = influencerFields.get(field);
            if (name.equals(detector.overFieldName())) {
                influences.add(new InfluenceWeight(field, bucket.member.overValue, 1.0));
            } else if (name.equals(detector.byFieldName())) {
                for (AnomalyCause cause : causes) {
                    influences.add(new InfluenceWeight(field, cause.byFieldValue(), 1.0));
                }
            } else if (name.equals(detector.partitionFieldName())) {
                influences.add(new InfluenceWeight(field, bucket.member.partitionValue(), 1.0));
            } else {
                for (String value : bucket.influencerValues(field)) {
                    influences.add(new InfluenceWeight(field, value, 1.0));
                }
            }
        }
        influences.sort(Comparator.comparingInt(InfluenceWeight::fieldIndex).thenComparing(InfluenceWeight::value));
        return influences;
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
