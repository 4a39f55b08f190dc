package io.vigil.engine;

import io.vigil.analytics.Assessment;
import io.vigil.analytics.GeoDistribution;
import io.vigil.analytics.GeoPoint;
import io.vigil.analytics.SeriesModel;
import io.vigil.job.Detector;
import io.vigil.results.GeoResults;
import io.vigil.scoring.StateStrings;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code lat_long} function: unusual locations per series (by and partition value). A bucket's location is the
 * mean of its records' "lat,lon" values, taken on the sphere (the normalized sum of unit vectors), and is judged
 * against the series' {@link GeoDistribution}. Records carry {@code geo_results} with the actual and typical points,
 * and {@code actual} and {@code typical} as {@code [lat, lon]}.
 */
final class GeoAnalysis extends AnalysisIdentity implements DistributionAnalysis {

    private static final SeriesModel[] NO_MODELS = new SeriesModel[0];

    private final SplitFields split;
    private final int[] influencerInputIndexes;
    private final long bucketSpanSeconds;
    private final SeriesRegistry registry;
    private final Map<Series, GeoDistribution> distributions = new IdentityHashMap<>();
    /** Per open bucket and series, the sum of the records' unit vectors. */
    private final Map<Long, Map<Series, double[]>> open = new HashMap<>();

    private Map<Series, GeoPoint> collectedPoints;
    private long collectedBucketMs = Long.MIN_VALUE;
    private List<Leaf> collectedLeaves = List.of();

    GeoAnalysis(
            int detectorIndex,
            Detector detector,
            DetectorFunction function,
            AnalysisFields fields,
            int[] influencerInputIndexes,
            long bucketSpanSeconds) {
        super(detectorIndex, detector, function, recordKey(detector, function, detector.byFieldName()));
        this.split = new SplitFields(detector, true, fields);
        this.influencerInputIndexes = influencerInputIndexes;
        this.bucketSpanSeconds = bucketSpanSeconds;
        this.registry = new SeriesRegistry(split.partitionIndex >= 0, split.byIndex >= 0);
    }

    @Override
    public void add(long bucketStartMs, InputRecord record, double weight, ModelMemory memory) {
        String partitionValue = split.value(record, split.partitionIndex);
        String byValue = split.value(record, split.byIndex);
        if (partitionValue == SplitFields.MISSING || byValue == SplitFields.MISSING) {
            return;
        }
        GeoPoint point = GeoPoint.parse(record.value(split.fieldIndex));
        if (point == null) {
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
            distributions.put(series, new GeoDistribution(bucketSpanSeconds));
            memory.seriesCreated(series.memoryBytes() + 256L);
        }
        BucketStatistics statistics = series.statisticsFor(bucketStartMs);
        statistics.addEvent(weight);
        double[] sum = open.computeIfAbsent(bucketStartMs, ignored -> new IdentityHashMap<>())
                .computeIfAbsent(series, ignored -> new double[3]);
        double[] vector = point.unitVector();
        for (int i = 0; i < 3; i++) {
            sum[i] += weight * vector[i];
        }
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
        Map<Series, double[]> sums = interim ? open.get(bucketStartMs) : open.remove(bucketStartMs);
        List<Leaf> found = new ArrayList<>();
        Map<Series, GeoPoint> points = new IdentityHashMap<>();
        for (Series series : registry.all()) {
            BucketStatistics statistics = interim ? series.peek(bucketStartMs) : series.take(bucketStartMs);
            double[] sum = sums == null ? null : sums.get(series);
            if (statistics == null || sum == null) {
                continue;
            }
            GeoPoint actual = GeoPoint.ofVector(sum);
            points.put(series, actual);
            found.add(leaf(series, statistics, actual));
        }
        leaves.addAll(found);
        if (!interim) {
            collectedPoints = points;
            collectedLeaves = found;
            collectedBucketMs = bucketStartMs;
        }
    }

    private Leaf leaf(Series series, BucketStatistics statistics, GeoPoint actual) {
        GeoDistribution.GeoAssessment judged = distributions.get(series).assess(actual);
        double probability = judged.probability();
        GeoPoint typical = judged.typical();
        Assessment assessment = new Assessment(
                probability,
                probability,
                1.0,
                -5.0,
                judged.distanceKm(),
                Double.NaN,
                Double.NaN,
                true,
                probability < 0.05 ? 1 : 0,
                1.0,
                false,
                false,
                false);
        RecordDetail detail = new RecordDetail(
                null, null, null, new GeoResults(actual.toString(), typical.toString()), null, null, false);
        return new Leaf(
                this,
                series,
                statistics,
                new double[] {0.0},
                new double[1],
                new double[] {1.0},
                new Assessment[] {assessment},
                probability,
                0,
                detail);
    }

    @Override
    public void learn(long bucketStartMs) {
        if (collectedBucketMs == bucketStartMs && collectedPoints != null) {
            for (Leaf leaf : collectedLeaves) {
                if (!leaf.modelUpdateSkipped()) {
                    distributions.get(leaf.series()).learn(bucketStartMs, collectedPoints.get(leaf.series()));
                }
            }
        }
        collectedPoints = null;
        collectedLeaves = List.of();
        collectedBucketMs = Long.MIN_VALUE;
    }

    @Override
    public void resetBuckets(long startMs, long endMs) {
        open.keySet().removeIf(bucketStartMs -> bucketStartMs >= startMs && bucketStartMs < endMs);
        for (Series series : registry.all()) {
            series.resetBuckets(startMs, endMs);
        }
    }

    @Override
    public void prune(long oldestKeptMs) {
        registry.removeIf(series -> {
            boolean old = series.lastSeenBucketMs() < oldestKeptMs;
            if (old) {
                distributions.remove(series);
            }
            return old;
        });
    }

    @Override
    public long memoryBytes() {
        long bytes = 256L;
        for (Series series : registry.all()) {
            bytes += series.memoryBytes() + 64L + distributions.get(series).memoryBytes();
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
            distributions.get(series).writeTo(out);
        }
    }

    @Override
    public void readState(DataInput in) throws IOException {
        registry.clear();
        distributions.clear();
        open.clear();
        collectedPoints = null;
        collectedLeaves = List.of();
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
            Series series = new Series(ordinal, partitionValue, byValue, NO_MODELS, false, false, Double.NaN, lastSeen);
            registry.add(series);
            distributions.put(series, GeoDistribution.read(in));
        }
        registry.restoreNextOrdinal(nextOrdinal);
    }
}
