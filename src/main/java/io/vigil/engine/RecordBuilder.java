package io.vigil.engine;

import io.vigil.analytics.Assessment;
import io.vigil.job.Detector;
import io.vigil.results.AnomalyCause;
import io.vigil.results.AnomalyRecord;
import io.vigil.results.AnomalyScoreExplanation;
import io.vigil.results.Influence;
import io.vigil.scoring.DeviationFunction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds the record of an anomalous leaf, with the values and explanation of its least probable feature. */
final class RecordBuilder {

    /** Impacts and confidence bounds are explained only below this probability. */
    private static final double EXPLAINED_BELOW = 0.05;

    private final String jobId;
    private final long bucketSpanSeconds;
    private final List<String> influencerFields;

    RecordBuilder(String jobId, long bucketSpanSeconds, List<String> influencerFields) {
        this.jobId = jobId;
        this.bucketSpanSeconds = bucketSpanSeconds;
        this.influencerFields = influencerFields;
    }

    AnomalyRecord record(Leaf leaf, double recordScore, long bucketStartMs, boolean interim) {
        Detector detector = leaf.detector().detector();
        int feature = leaf.mostAnomalousFeature();
        Assessment assessment = leaf.assessment(feature);
        double correction = leaf.correction(feature);
        Feature kind = leaf.detector().function().features().get(feature);
        List<Influence> influences = influences(leaf);
        RecordDetail detail = leaf.detail();
        boolean hasCauses = detail != null && detail.causes() != null;
        List<Double> typical = hasCauses ? null : typical(leaf, assessment, correction);
        List<Double> actual = hasCauses ? null : actual(leaf, feature);
        // Population and rare records have no multi-bucket view, so they carry no multi-bucket impact.
        boolean multiBucket = detail == null || (!detail.population() && detail.byFieldFirstOccurrence() == null);
        return new AnomalyRecord(
                jobId,
                leaf.probability(),
                multiBucket ? assessment.multiBucketImpact() : null,
                recordScore,
                recordScore,
                bucketSpanSeconds,
                leaf.detector().detectorIndex(),
                interim,
                bucketStartMs,
                emptyToNull(detector.byFieldName()),
                leaf.series().byValue(),
                null,
                emptyToNull(detector.partitionFieldName()),
                leaf.series().partitionValue(),
                leaf.detector().function().functionName(),
                kind.description(),
                typical,
                actual,
                emptyToNull(detector.fieldName()),
                detail == null || detail.overFieldValue() == null ? null : emptyToNull(detector.overFieldName()),
                detail == null ? null : detail.overFieldValue(),
                hasCauses ? detail.causes() : null,
                influences.isEmpty() ? null : influences,
                detail == null ? null : detail.geoResults(),
                withRarity(
                        explanation(
                                assessment, correction, leaf.probability(), spike(leaf, assessment, actual, typical)),
                        detail),
                null,
                fieldValues(leaf, influences));
    }

    private static List<Double> typical(Leaf leaf, Assessment assessment, double correction) {
        if (leaf.detail() != null && leaf.detail().geoResults() != null) {
            return latLong(leaf.detail().geoResults().typicalPoint());
        }
        return List.of(assessment.typical() - correction);
    }

    private static List<Double> actual(Leaf leaf, int feature) {
        if (leaf.detail() != null && leaf.detail().geoResults() != null) {
            return latLong(leaf.detail().geoResults().actualPoint());
        }
        return List.of(leaf.actual(feature));
    }

    /** Returns a "lat,lon" point as the two-element array Elastic writes for {@code lat_long} values. */
    private static List<Double> latLong(String point) {
        int comma = point.indexOf(',');
        return List.of(Double.parseDouble(point.substring(0, comma)), Double.parseDouble(point.substring(comma + 1)));
    }

    /**
     * Adds the rarity of a rare record to its explanation, and drops the confidence bounds of population, rare and
     * location records, which have no interval on the scale of their values.
     */
    private static AnomalyScoreExplanation withRarity(AnomalyScoreExplanation explanation, RecordDetail detail) {
        if (detail == null) {
            return explanation;
        }
        boolean bounded =
                detail.causes() == null && detail.geoResults() == null && detail.byFieldFirstOccurrence() == null;
        return new AnomalyScoreExplanation(
                explanation.anomalyType(),
                explanation.anomalyLength(),
                explanation.singleBucketImpact(),
                explanation.multiBucketImpact(),
                explanation.anomalyCharacteristicsImpact(),
                bounded ? explanation.lowerConfidenceBound() : null,
                bounded ? explanation.typicalValue() : null,
                bounded ? explanation.upperConfidenceBound() : null,
                explanation.highVariancePenalty(),
                explanation.incompleteBucketPenalty(),
                explanation.multimodalDistribution(),
                detail.byFieldFirstOccurrence(),
                detail.byFieldRelativeRarity());
    }

    /** Groups the leaf's influences by field, in the job's influencer order. */
    private List<Influence> influences(Leaf leaf) {
        List<Influence> result = new ArrayList<>();
        for (int field = 0; field < influencerFields.size(); field++) {
            List<String> values = new ArrayList<>();
            for (InfluenceWeight influence : leaf.influences()) {
                if (influence.fieldIndex() == field) {
                    values.add(influence.value());
                }
            }
            if (!values.isEmpty()) {
                result.add(new Influence(influencerFields.get(field), values));
            }
        }
        return result;
    }

    /** Returns the dynamic fields: each split and influencer field name with its distinct values in this record. */
    private static Map<String, List<String>> fieldValues(Leaf leaf, List<Influence> influences) {
        Map<String, Set<String>> values = new LinkedHashMap<>();
        Detector detector = leaf.detector().detector();
        addValue(values, detector.byFieldName(), leaf.series().byValue());
        RecordDetail detail = leaf.detail();
        if (detail != null && detail.causes() != null) {
            for (AnomalyCause cause : detail.causes()) {
                addValue(values, detector.byFieldName(), cause.byFieldValue());
            }
        }
        if (detail != null) {
            addValue(values, detector.overFieldName(), detail.overFieldValue());
        }
        addValue(values, detector.partitionFieldName(), leaf.series().partitionValue());
        for (Influence influence : influences) {
            for (String value : influence.influencerFieldValues()) {
                addValue(values, influence.influencerFieldName(), value);
            }
        }
        Map<String, List<String>> result = new LinkedHashMap<>();
        values.forEach((name, set) -> result.put(name, List.copyOf(set)));
        return result;
    }

    private static void addValue(Map<String, Set<String>> values, String name, String value) {
        if (name != null && !name.isEmpty() && value != null) {
            values.computeIfAbsent(name, ignored -> new LinkedHashSet<>()).add(value);
        }
    }

    /**
     * Returns whether the record is a spike. A time of day or week has no high or low side in the model, so its
     * record is a spike when the event came later in the day or week than typical.
     */
    private static boolean spike(Leaf leaf, Assessment assessment, List<Double> actual, List<Double> typical) {
        boolean timeOfDayOrWeek = leaf.detector().function().functionName().startsWith("time_of_");
        if (timeOfDayOrWeek && actual != null && typical != null && actual.size() == 1 && typical.size() == 1) {
            return actual.get(0) > typical.get(0);
        }
        return assessment.spike();
    }

    private static AnomalyScoreExplanation explanation(
            Assessment assessment, double correction, double probability, boolean spike) {
        boolean bounded = probability < EXPLAINED_BELOW;
        return new AnomalyScoreExplanation(
                spike ? "spike" : "dip",
                assessment.anomalyLength() > 0 ? assessment.anomalyLength() : null,
                impact(assessment.singleBucketProbability()),
                impact(assessment.multiBucketProbability()),
                impact(assessment.anomalyCharacteristicsProbability()),
                bounded ? assessment.lowerBound() - correction : null,
                bounded ? assessment.typical() - correction : null,
                bounded ? assessment.upperBound() - correction : null,
                assessment.highVariancePenalty() ? Boolean.TRUE : null,
                assessment.incompleteBucketPenalty() || correction != 0.0 ? Boolean.TRUE : null,
                assessment.multimodal() ? Boolean.TRUE : null,
                null,
                null);
    }

    /**
     * Returns {@code round(-log10 p)} for a probability below 0.05, otherwise null. Probabilities are floored at 1e-50
     * (ml-cpp's {@code MINUSCULE_PROBABILITY}), beyond which models cannot tell values apart, so impacts are at most
     * 50.
     */
    static Integer impact(double probability) {
        if (!(probability < EXPLAINED_BELOW)) {
            return null;
        }
        double floored = Math.max(probability, DeviationFunction.MINUSCULE_PROBABILITY);
        return (int) Math.round(-Math.log10(floored));
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
