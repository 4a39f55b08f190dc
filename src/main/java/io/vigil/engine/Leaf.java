package io.vigil.engine;

import io.vigil.analytics.Assessment;
import java.util.List;

/**
 * One series' result in one bucket: the value and assessment of each feature of its detector, and the series'
 * probability combined over the features. Influences are set for anomalous leaves only.
 */
final class Leaf {

    private final AnalysedDetector detector;
    private final Series series;
    private final BucketStatistics statistics;
    private final double[] actual;
    private final double[] corrections;
    private final double[] countWeights;
    private final Assessment[] assessments;
    private final double probability;
    private final int mostAnomalousFeature;
    private List<InfluenceWeight> influences = List.of();
    private boolean modelUpdateSkipped;

    private final RecordDetail detail;

    Leaf(
            AnalysedDetector detector,
            Series series,
            BucketStatistics statistics,
            double[] actual,
            double[] corrections,
            double[] countWeights,
            Assessment[] assessments,
            double probability,
            int mostAnomalousFeature) {
        this(
                detector,
                series,
                statistics,
                actual,
                corrections,
                countWeights,
                assessments,
                probability,
                mostAnomalousFeature,
                null);
    }

    /**
     * Creates a leaf whose record shows {@code detail}; for a population member the detector sets the influences.
     */
    Leaf(
            AnalysedDetector detector,
            Series series,
            BucketStatistics statistics,
            double[] actual,
            double[] corrections,
            double[] countWeights,
            Assessment[] assessments,
            double probability,
            int mostAnomalousFeature,
            RecordDetail detail) {
        this.detector = detector;
        this.detail = detail;
        this.series = series;
        this.statistics = statistics;
        this.actual = actual;
        this.corrections = corrections;
        this.countWeights = countWeights;
        this.assessments = assessments;
        this.probability = probability;
        this.mostAnomalousFeature = mostAnomalousFeature;
    }

    AnalysedDetector detector() {
        return detector;
    }

    /** Returns what the record shows beyond a series record, or null for a series leaf. */
    RecordDetail detail() {
        return detail;
    }

    Series series() {
        return series;
    }

    BucketStatistics statistics() {
        return statistics;
    }

    /** Returns the bucket value of feature {@code index} as observed, before any interim correction. */
    double actual(int index) {
        return actual[index];
    }

    /** Returns what interim correction added to feature {@code index}'s value before assessing it; 0 when final. */
    double correction(int index) {
        return corrections[index];
    }

    double countWeight(int index) {
        return countWeights[index];
    }

    Assessment assessment(int index) {
        return assessments[index];
    }

    int featureCount() {
        return assessments.length;
    }

    /** Returns the series' probability in (0, 1], combined over its features. */
    double probability() {
        return probability;
    }

    /** Returns the index of the feature with the smallest probability, whose values the record shows. */
    int mostAnomalousFeature() {
        return mostAnomalousFeature;
    }

    /** Returns the influencer values that explain this leaf, largest influence first. */
    List<InfluenceWeight> influences() {
        return influences;
    }

    void setInfluences(List<InfluenceWeight> influences) {
        this.influences = influences;
    }

    /** Returns true when a {@code skip_model_update} rule keeps the models and normalizers from learning this value. */
    boolean modelUpdateSkipped() {
        return modelUpdateSkipped;
    }

    void skipModelUpdate() {
        this.modelUpdateSkipped = true;
    }
}
