package io.vigil.engine;

import io.vigil.analytics.SeriesModelFactory;
import io.vigil.common.TimeValues;
import io.vigil.job.AnalysisConfig;
import io.vigil.job.Detector;
import io.vigil.job.Job;
import io.vigil.results.Bucket;
import io.vigil.scoring.DeviationFunction;
import io.vigil.scoring.NormalizerSettings;
import io.vigil.scoring.Normalizers;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The analysis of one job: per bucket, each detector's series are assessed by their models, influences are found for
 * anomalous series, the results are aggregated and normalized, and then models and normalizers learn from final
 * buckets. Confined to the job's processor thread.
 */
final class DetectionBucketAnalyzer implements BucketAnalyzer {

    /** Weight of the newest final bucket in the moving average of events per bucket that interim results use. */
    private static final double EXPECTED_EVENTS_SMOOTHING = 0.05;

    private final long bucketSpanSeconds;
    private final int summaryCountIndex;
    private final long pruneAfterMs;
    private final List<DetectorAnalysis> detectors;
    private final List<DistributionAnalysis> distributions = new ArrayList<>();
    private final int detectorCount;
    private final int influencerFieldCount;
    private final InfluenceCalculator influenceCalculator;
    private final BucketScorer scorer;
    private final ModelMemory memory;
    private final BucketEventCounts eventCounts = new BucketEventCounts();
    private Normalizers normalizers;
    private List<Detector> detectorConfigs;
    private Map<String, Set<String>> filterItems = Map.of();
    private double expectedEventCount = Double.NaN;
    private boolean bigChangePending;

    DetectionBucketAnalyzer(Job job, SeriesModelFactory modelFactory) {
        AnalysisConfig config = job.analysisConfig();
        AnalysisFields fields = AnalysisFields.of(config);
        List<String> influencerFields = config.influencers() == null ? List.of() : List.copyOf(config.influencers());
        this.bucketSpanSeconds = seconds(config.bucketSpan(), "5m", "analysis_config.bucket_span");
        this.summaryCountIndex =
                isSet(config.summaryCountFieldName()) ? fields.indexOf(config.summaryCountFieldName()) : -1;
        this.pruneAfterMs = isSet(config.modelPruneWindow())
                ? 1000L * seconds(config.modelPruneWindow(), null, "analysis_config.model_prune_window")
                : Long.MAX_VALUE;
        this.detectors = new ArrayList<>();
        for (int index = 0; index < config.detectors().size(); index++) {
            Detector detector = config.detectors().get(index);
            DetectorFunction function = DetectorFunction.of(detector.function())
                    .orElseThrow(() -> new IllegalArgumentException("unsupported function " + detector.function()));
            if (DistributionAnalyses.applies(detector, function)) {
                distributions.add(DistributionAnalyses.create(
                        index, detector, function, fields, influencerFields, modelFactory, bucketSpanSeconds));
                continue;
            }
            int[] influencerIndexes = influencerInputIndexes(detector, influencerFields, fields);
            FeatureModels models = new FeatureModels(modelFactory, bucketSpanSeconds, false);
            detectors.add(new DetectorAnalysis(index, detector, function, fields, influencerIndexes, models));
        }
        this.detectorCount = config.detectors().size();
        this.influencerFieldCount = influencerFields.size();
        this.influenceCalculator = new InfluenceCalculator(influencerFields);
        this.scorer = new BucketScorer(job.jobId(), bucketSpanSeconds, influencerFields);
        this.memory = new ModelMemory(MemoryLimit.bytesOf(job.analysisLimits()));
        this.normalizers = new Normalizers(NormalizerSettings.forBucketSpan(bucketSpanSeconds));
        this.detectorConfigs = List.copyOf(config.detectors());
        compileRules();
        createUnsplitSeries();
        memory.measured(measureBytes());
    }

    private static int[] influencerInputIndexes(Detector detector, List<String> influencers, AnalysisFields fields) {
        int[] indexes = new int[influencers.size()];
        for (int i = 0; i < indexes.length; i++) {
            String field = influencers.get(i);
            boolean ownSplit = field.equals(detector.byFieldName()) || field.equals(detector.partitionFieldName());
            indexes[i] = ownSplit ? -1 : fields.indexOf(field);
        }
        return indexes;
    }

    private void createUnsplitSeries() {
        for (DetectorAnalysis detector : detectors) {
            if (detector.unsplit() && detector.registry().all().isEmpty()) {
                detector.newSeries(null, null);
            }
        }
    }

    long bucketSpanSeconds() {
        return bucketSpanSeconds;
    }

    @Override
    public void add(long bucketStartMs, InputRecord record) {
        double weight = 1.0;
        if (summaryCountIndex >= 0) {
            weight = summaryCount(record.value(summaryCountIndex));
            if (Double.isNaN(weight)) {
                return;
            }
        }
        eventCounts.increment(bucketStartMs);
        for (int i = 0; i < detectors.size(); i++) {
            detectors.get(i).add(bucketStartMs, record, weight, memory);
        }
        for (int i = 0; i < distributions.size(); i++) {
            distributions.get(i).add(bucketStartMs, record, weight, memory);
        }
    }

    /** Returns the non-negative finite count in {@code text}, or NaN when it is missing or not one. */
    private static double summaryCount(String text) {
        if (text == null) {
            return Double.NaN;
        }
        try {
            double count = Double.parseDouble(text);
            return Double.isFinite(count) && count >= 0.0 ? count : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    @Override
    public void updateJob(Job job) {
        List<Detector> updated =
                job.analysisConfig() == null ? null : job.analysisConfig().detectors();
        if (updated != null && updated.size() == detectorCount) {
            detectorConfigs = List.copyOf(updated);
            compileRules();
        }
    }

    @Override
    public void updateFilters(Map<String, Set<String>> itemsByFilterId) {
        filterItems = Map.copyOf(itemsByFilterId);
        compileRules();
    }

    private void compileRules() {
        for (DetectorAnalysis detector : detectors) {
            detector.useRules(DetectorRules.of(detectorConfigs.get(detector.detectorIndex()), filterItems));
        }
        for (DistributionAnalysis distribution : distributions) {
            distribution.useRules(DetectorRules.of(detectorConfigs.get(distribution.detectorIndex()), filterItems));
        }
    }

    @Override
    public BucketResults finalizeBucket(long bucketStartMs) {
        long started = System.nanoTime();
        long eventCount = eventCounts.take(bucketStartMs);
        List<List<Leaf>> leavesByDetector = new ArrayList<>(detectors.size());
        List<Leaf> leaves = new ArrayList<>();
        List<Leaf> skipped = new ArrayList<>();
        for (DetectorAnalysis detector : detectors) {
            List<Leaf> detectorLeaves = new ArrayList<>();
            detector.collectLeaves(bucketStartMs, false, 1.0, detectorLeaves);
            leavesByDetector.add(detectorLeaves);
            addUnlessSkipped(detector.rules(), bucketStartMs, detectorLeaves, leaves, skipped);
        }
        for (DistributionAnalysis distribution : distributions) {
            List<Leaf> distributionLeaves = new ArrayList<>();
            distribution.collectLeaves(bucketStartMs, false, 1.0, distributionLeaves);
            addUnlessSkipped(distribution.rules(), bucketStartMs, distributionLeaves, leaves, skipped);
        }
        BucketTree tree = explainAndAggregate(bucketStartMs, leaves);

        normalizers.age();
        bigChangePending |= scorer.updateNormalizers(normalizers, leaves, tree);
        scorer.updateNormalizersForSkipped(normalizers, leaves, skipped);
        BucketResults results = scorer.results(normalizers, bucketStartMs, eventCount, leaves, tree, false, 0L);

        for (int i = 0; i < detectors.size(); i++) {
            detectors.get(i).learn(bucketStartMs, leavesByDetector.get(i));
        }
        for (DistributionAnalysis distribution : distributions) {
            distribution.learn(bucketStartMs);
        }
        learnEventCount(eventCount);
        prune(bucketStartMs);
        memory.measured(measureBytes());
        return withProcessingTime(results, (System.nanoTime() - started) / 1_000_000L);
    }

    @Override
    public BucketResults interimResults(long bucketStartMs) {
        long started = System.nanoTime();
        long eventCount = eventCounts.peek(bucketStartMs);
        double completeness = expectedEventCount > 0.0 ? Math.min(eventCount / expectedEventCount, 1.0) : 1.0;
        List<Leaf> leaves = new ArrayList<>();
        for (DetectorAnalysis detector : detectors) {
            List<Leaf> detectorLeaves = new ArrayList<>();
            detector.collectLeaves(bucketStartMs, true, completeness, detectorLeaves);
            addUnlessSkipped(detector.rules(), bucketStartMs, detectorLeaves, leaves, new ArrayList<>());
        }
        for (DistributionAnalysis distribution : distributions) {
            List<Leaf> distributionLeaves = new ArrayList<>();
            distribution.collectLeaves(bucketStartMs, true, completeness, distributionLeaves);
            addUnlessSkipped(distribution.rules(), bucketStartMs, distributionLeaves, leaves, new ArrayList<>());
        }
        BucketTree tree = explainAndAggregate(bucketStartMs, leaves);
        BucketResults results = scorer.results(normalizers, bucketStartMs, eventCount, leaves, tree, true, 0L);
        return withProcessingTime(results, (System.nanoTime() - started) / 1_000_000L);
    }

    /**
     * Applies the detector's custom rules: leaves a {@code skip_result} rule matches go to {@code skipped} instead of
     * {@code scored}, and leaves a {@code skip_model_update} rule matches are marked so that nothing learns from them.
     */
    private static void addUnlessSkipped(
            DetectorRules rules, long bucketStartMs, List<Leaf> leaves, List<Leaf> scored, List<Leaf> skipped) {
        if (rules.isEmpty()) {
            scored.addAll(leaves);
            return;
        }
        for (Leaf leaf : leaves) {
            RuleActions actions = rules.actionsFor(leaf, bucketStartMs);
            if (actions.skipModelUpdate()) {
                leaf.skipModelUpdate();
            }
            if (actions.skipResult()) {
                skipped.add(leaf);
            } else {
                scored.add(leaf);
            }
        }
    }

    private BucketTree explainAndAggregate(long bucketStartMs, List<Leaf> leaves) {
        for (Leaf leaf : leaves) {
            if (!isPopulation(leaf) && leaf.probability() < DeviationFunction.LARGEST_SIGNIFICANT_PROBABILITY) {
                leaf.setInfluences(influenceCalculator.influences(bucketStartMs, leaf));
            }
        }
        return BucketTree.build(leaves, detectorCount, influencerFieldCount);
    }

    private static boolean isPopulation(Leaf leaf) {
        return leaf.detail() != null && leaf.detail().population();
    }

    @Override
    public void discardBucket(long bucketStartMs) {
        resetBuckets(bucketStartMs, bucketStartMs + 1);
    }

    @Override
    public void resetBuckets(long startMs, long endMs) {
        if (startMs >= endMs) {
            return;
        }
        eventCounts.reset(startMs, endMs);
        for (DetectorAnalysis detector : detectors) {
            detector.resetBuckets(startMs, endMs);
        }
        for (DistributionAnalysis distribution : distributions) {
            distribution.resetBuckets(startMs, endMs);
        }
    }

    @Override
    public ModelSizeStats modelSizeStats() {
        long byCount = 0;
        long overCount = 0;
        long partitionCount = 0;
        for (DetectorAnalysis detector : detectors) {
            byCount += detector.registry().byValueCount();
            partitionCount += detector.registry().partitionValueCount();
        }
        for (DistributionAnalysis distribution : distributions) {
            byCount += distribution.byValueCount();
            overCount += distribution.overValueCount();
            partitionCount += distribution.partitionValueCount();
        }
        return new ModelSizeStats(
                memory.bytes(),
                memory.limitBytes(),
                byCount,
                overCount,
                partitionCount,
                memory.allocationFailures(),
                memory.status());
    }

    @Override
    public boolean takeBigChange() {
        boolean pending = bigChangePending;
        bigChangePending = false;
        return pending;
    }

    @Override
    public Optional<Normalizers> normalizersCopy() {
        return Optional.of(normalizers.copy());
    }

    private void learnEventCount(long eventCount) {
        if (Double.isNaN(expectedEventCount)) {
            expectedEventCount = eventCount;
        } else {
            expectedEventCount += EXPECTED_EVENTS_SMOOTHING * (eventCount - expectedEventCount);
        }
    }

    /** Removes series without records for longer than {@code model_prune_window}; unsplit series are kept. */
    private void prune(long bucketStartMs) {
        if (pruneAfterMs == Long.MAX_VALUE) {
            return;
        }
        long oldestKept = bucketStartMs - pruneAfterMs;
        for (DetectorAnalysis detector : detectors) {
            if (!detector.unsplit()) {
                detector.registry().removeIf(series -> series.lastSeenBucketMs() < oldestKept);
            }
        }
        for (DistributionAnalysis distribution : distributions) {
            distribution.prune(oldestKept);
        }
    }

    private long measureBytes() {
        long bytes = 1024L + normalizers.memoryBytes();
        for (DetectorAnalysis detector : detectors) {
            bytes += detector.memoryBytes();
        }
        for (DistributionAnalysis distribution : distributions) {
            bytes += distribution.memoryBytes();
        }
        return bytes;
    }

    private static BucketResults withProcessingTime(BucketResults results, long processingTimeMs) {
        Bucket b = results.bucket();
        Bucket timed = new Bucket(
                b.jobId(),
                b.timestamp(),
                b.anomalyScore(),
                b.bucketSpan(),
                b.initialAnomalyScore(),
                b.records(),
                b.eventCount(),
                b.isInterim(),
                b.bucketInfluencers(),
                processingTimeMs,
                b.scheduledEvents(),
                b.scoredAt());
        return new BucketResults(timed, results.records(), results.influencers());
    }

    @Override
    public void writeState(DataOutput out) throws IOException {
        AnalyzerState.write(out, this);
    }

    @Override
    public void readState(DataInput in) throws IOException {
        AnalyzerState.read(in, this);
        createUnsplitSeries();
        memory.measured(measureBytes());
    }

    // Accessors for AnalyzerState.

    List<DetectorAnalysis> detectors() {
        return detectors;
    }

    Normalizers normalizers() {
        return normalizers;
    }

    List<DistributionAnalysis> distributions() {
        return distributions;
    }

    double expectedEventCount() {
        return expectedEventCount;
    }

    ModelMemory memory() {
        return memory;
    }

    void restore(Normalizers normalizers, double expectedEventCount) {
        this.normalizers = normalizers;
        this.expectedEventCount = expectedEventCount;
        this.eventCounts.clear();
    }

    private static long seconds(String value, String defaultValue, String setting) {
        String text = isSet(value) ? value : defaultValue;
        return Math.max(1L, TimeValues.parse(text, setting).toSeconds());
    }

    private static boolean isSet(String value) {
        return value != null && !value.isEmpty();
    }
}
