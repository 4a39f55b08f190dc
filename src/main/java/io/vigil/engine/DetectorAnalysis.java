package io.vigil.engine;

import io.vigil.analytics.Assessment;
import io.vigil.analytics.SeriesModel;
import io.vigil.analytics.TimeOfPeriod;
import io.vigil.job.Detector;
import io.vigil.scoring.ProbabilityAggregation;
import java.util.List;

/**
 * One detector of a job: it routes records to their split series, turns each series' bucket statistics into
 * assessed {@link Leaf leaves}, and lets the models learn from final buckets.
 */
final class DetectorAnalysis extends AnalysisIdentity {

    private final List<Feature> features;
    private final int fieldIndex;
    private final int byIndex;
    private final int partitionIndex;
    private final boolean useNull;
    private final int[] influencerInputIndexes;
    private final FeatureModels models;
    private final SeriesRegistry registry;
    private final boolean keepValues;
    private final boolean keepDistinct;
    private final boolean timeOfPeriod;
    private final boolean excludeFrequentBy;
    private final FrequentValues frequentBy = new FrequentValues();

    /**
     * @param influencerInputIndexes per job influencer field, its index in the input record, or -1 when the field is
     *     this detector's by or partition field and so explains only its own series
     */
    DetectorAnalysis(
            int detectorIndex,
            Detector detector,
            DetectorFunction function,
            AnalysisFields fields,
            int[] influencerInputIndexes,
            FeatureModels models) {
        super(detectorIndex, detector, function, recordKey(detector, function, detector.byFieldName()));
        this.features = function.features();
        this.fieldIndex = indexOf(fields, function.needsFieldValue() ? detector.fieldName() : null);
        this.byIndex = indexOf(fields, detector.byFieldName());
        this.partitionIndex = indexOf(fields, detector.partitionFieldName());
        this.useNull = Boolean.TRUE.equals(detector.useNull());
        this.influencerInputIndexes = influencerInputIndexes;
        this.models = models;
        this.registry = new SeriesRegistry(partitionIndex >= 0, byIndex >= 0);
        this.keepValues = features.contains(Feature.MEDIAN);
        this.keepDistinct = features.get(0).keepsDistinct();
        this.timeOfPeriod = features.get(0).timeOfPeriod();
        this.excludeFrequentBy =
                byIndex >= 0 && ExcludeFrequent.of(detector.excludeFrequent()).excludesBy();
    }

    private static int indexOf(AnalysisFields fields, String name) {
        return name == null || name.isEmpty() ? -1 : fields.indexOf(name);
    }

    SeriesRegistry registry() {
        return registry;
    }

    FeatureModels models() {
        return models;
    }

    /** Returns the by values that occur in most buckets, tracked only with {@code exclude_frequent} by or all. */
    FrequentValues frequentBy() {
        return frequentBy;
    }

    /** Returns true when the detector has neither a by nor a partition field, so its one series always exists. */
    boolean unsplit() {
        return byIndex < 0 && partitionIndex < 0;
    }

    /**
     * Adds a record standing for {@code weight} events to its series' statistics for bucket {@code bucketStartMs}.
     * Records without the detector's fields, or with a non-numeric value for a numeric function, are not counted by
     * this detector. A new series is created only while {@code memory} allows it.
     */
    void add(long bucketStartMs, InputRecord record, double weight, ModelMemory memory) {
        String partitionValue = null;
        if (partitionIndex >= 0) {
            partitionValue = splitValue(record.value(partitionIndex));
            if (partitionValue == null) {
                return;
            }
        }
        String byValue = null;
        if (byIndex >= 0) {
            byValue = splitValue(record.value(byIndex));
            if (byValue == null) {
                return;
            }
        }
        String fieldValue = null;
        double value = 0.0;
        if (fieldIndex >= 0) {
            fieldValue = record.value(fieldIndex);
            if (fieldValue == null) {
                return;
            }
            if (!keepDistinct) {
                value = parseNumber(fieldValue);
                if (Double.isNaN(value)) {
                    return;
                }
            }
        }

        Series series = registry.find(partitionValue, byValue);
        if (series == null) {
            if (!memory.mayCreateSeries()) {
                memory.seriesRejected(bucketStartMs);
                return;
            }
            series = newSeries(partitionValue, byValue);
            memory.seriesCreated(series.memoryBytes());
        }
        if (timeOfPeriod) {
            value = (record.timestampMs() - bucketStartMs) / 1000.0;
        }
        BucketStatistics statistics = series.statisticsFor(bucketStartMs);
        addTo(statistics, fieldValue, value, weight);
        for (int i = 0; i < influencerInputIndexes.length; i++) {
            int inputIndex = influencerInputIndexes[i];
            String influencerValue = inputIndex < 0 ? null : record.value(inputIndex);
            if (influencerValue != null) {
                addTo(
                        statistics.influencerValue(i, influencerInputIndexes.length, influencerValue),
                        fieldValue,
                        value,
                        weight);
            }
        }
    }

    private void addTo(BucketStatistics statistics, String fieldValue, double value, double weight) {
        if (timeOfPeriod) {
            statistics.addValue(value, weight);
        } else if (fieldIndex < 0) {
            statistics.addEvent(weight);
        } else if (keepDistinct) {
            statistics.addDistinct(fieldValue, weight);
        } else {
            statistics.addValue(value, weight);
        }
    }

    private String splitValue(String raw) {
        if (raw != null) {
            return raw;
        }
        return useNull ? "" : null;
    }

    /** Returns the finite number in {@code text}, or NaN when it is not one. */
    private static double parseNumber(String text) {
        try {
            double value = Double.parseDouble(text);
            return Double.isFinite(value) ? value : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Creates, registers and returns the series of an unsplit detector or of new split values. */
    Series newSeries(String partitionValue, String byValue) {
        SeriesModel[] models = new SeriesModel[features.size()];
        for (int i = 0; i < models.length; i++) {
            models[i] = this.models.create(features.get(i));
        }
        Series series = new Series(
                registry.nextOrdinal(),
                partitionValue,
                byValue,
                models,
                keepValues,
                keepDistinct,
                Double.NaN,
                Long.MIN_VALUE);
        registry.add(series);
        return series;
    }

    /**
     * Assesses every series that has a value in bucket {@code bucketStartMs} and adds its leaf to {@code leaves}.
     * A final bucket's statistics are removed; an interim one's are only read, and values of growing features are
     * corrected for the missing share {@code 1 - completeness} of the bucket.
     */
    void collectLeaves(long bucketStartMs, boolean interim, double completeness, List<Leaf> leaves) {
        for (Series series : registry.all()) {
            BucketStatistics statistics = interim ? series.peek(bucketStartMs) : series.take(bucketStartMs);
            if (statistics == null) {
                statistics = new BucketStatistics(false, false);
            }
            if (statistics.isEmpty(features.get(0)) && features.get(0).emptyBucket() == Feature.EmptyBucket.SKIP) {
                continue;
            }
            leaves.add(assess(bucketStartMs, series, statistics, interim, completeness));
        }
    }

    private Leaf assess(
            long bucketStartMs, Series series, BucketStatistics statistics, boolean interim, double completeness) {
        int featureCount = features.size();
        double[] actual = new double[featureCount];
        double[] corrections = new double[featureCount];
        double[] countWeights = new double[featureCount];
        Assessment[] assessments = new Assessment[featureCount];
        double[] probabilities = new double[featureCount];
        int mostAnomalous = 0;
        for (int i = 0; i < featureCount; i++) {
            Feature feature = features.get(i);
            SeriesModel model = series.model(i);
            actual[i] = value(bucketStartMs, statistics, feature);
            countWeights[i] = countWeight(series, statistics, feature);
            if (interim && feature.grows()) {
                corrections[i] = InterimCorrection.correction(actual[i], model.typical(bucketStartMs), completeness);
                if (feature.countConditioned() && actual[i] != 0.0) {
                    // The correction stands for values still to come, so it scales the count with the sum.
                    countWeights[i] *= (actual[i] + corrections[i]) / actual[i];
                }
            }
            assessments[i] =
                    model.assess(bucketStartMs, actual[i] + corrections[i], countWeights[i], function.side(feature));
            if (feature == Feature.VARP) {
                assessments[i] = LowVarianceView.apply(
                        assessments[i], actual[i], statistics.valueCount(), function.side(feature));
            }
            probabilities[i] = assessments[i].probability();
            if (probabilities[i] < probabilities[mostAnomalous]) {
                mostAnomalous = i;
            }
        }
        double probability = combine(probabilities, probabilities[mostAnomalous]);
        if (excludeFrequentBy && frequentBy.frequent(series.byValue())) {
            probability = 1.0;
        }
        return new Leaf(
                this, series, statistics, actual, corrections, countWeights, assessments, probability, mostAnomalous);
    }

    /**
     * Returns the feature's bucket value. For the times of day and week it is the mean event time, in seconds since
     * the start of its UTC day or week.
     */
    static double value(long bucketStartMs, BucketStatistics statistics, Feature feature) {
        double value = statistics.value(feature);
        if (feature == Feature.TIME_OF_DAY) {
            return TimeOfPeriod.secondsOfDay(bucketStartMs / 1000.0 + value);
        }
        if (feature == Feature.TIME_OF_WEEK) {
            return TimeOfPeriod.secondsOfWeek(bucketStartMs / 1000.0 + value);
        }
        return value;
    }

    /**
     * Combines the features' probabilities as the smaller of their joint probability and the chance that the least
     * likely of them is this small (Elastic ml-cpp's {@code E_Min} aggregator for metric models).
     */
    static double combine(double[] probabilities, double min) {
        if (probabilities.length == 1) {
            return probabilities[0];
        }
        double joint = ProbabilityAggregation.logJointLessLikely(probabilities, probabilities.length, 0.0);
        double extreme = ProbabilityAggregation.logAtLeastMOfN(min, 1, probabilities.length);
        return Math.min(Math.exp(Math.min(joint, extreme)), 1.0);
    }

    /**
     * Returns the value weight relative to the series' typical one for averages, the value weight itself for sums,
     * and 1 for the other features.
     */
    static double countWeight(Series series, BucketStatistics statistics, Feature feature) {
        if (feature.countConditioned()) {
            return statistics.valueWeight(feature);
        }
        double typical = series.typicalValueWeight();
        if (!feature.countWeighted() || !(typical > 0.0)) {
            return 1.0;
        }
        return statistics.valueWeight(feature) / typical;
    }

    /** Lets each leaf's models learn its final bucket values, except where a rule skips the model update. */
    void learn(long bucketStartMs, List<Leaf> leaves) {
        if (excludeFrequentBy) {
            frequentBy.startBucket(bucketStartMs);
        }
        for (Leaf leaf : leaves) {
            if (leaf.modelUpdateSkipped()) {
                continue;
            }
            Series series = leaf.series();
            if (excludeFrequentBy && !leaf.statistics().isEmpty(features.get(0))) {
                frequentBy.occurred(bucketStartMs, series.byValue());
            }
            for (int i = 0; i < leaf.featureCount(); i++) {
                series.model(i).learn(bucketStartMs, leaf.actual(i), leaf.countWeight(i));
            }
            if (!leaf.statistics().isEmpty(features.get(0))) {
                series.learnValueWeight(leaf.statistics().valueWeight(features.get(0)));
            }
        }
    }

    /** Drops the statistics of the open buckets that start in {@code [startMs, endMs)} from every series. */
    void resetBuckets(long startMs, long endMs) {
        for (Series series : registry.all()) {
            series.resetBuckets(startMs, endMs);
        }
    }

    /** Returns the heap the series retain, in bytes. */
    long memoryBytes() {
        long bytes = 256L;
        for (Series series : registry.all()) {
            bytes += series.memoryBytes() + 64L;
        }
        return bytes;
    }
}
