package io.vigil.engine;

import io.vigil.analytics.SeriesModel;
import io.vigil.scoring.Normalizers;
import io.vigil.scoring.StateStrings;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;

/**
 * The binary state of a {@link DetectionBucketAnalyzer}: normalizers, the expected events per bucket, allocation
 * failures, per series detector its series in creation order with their models, then the state of each population,
 * rare and location detector. Statistics of open buckets are not included, so state is written at a bucket boundary.
 */
final class AnalyzerState {

    private static final int FORMAT_VERSION = 3;

    /** The format before sums kept a second model, still read. */
    private static final int FORMAT_ONE_SUM_MODEL = 2;

    private AnalyzerState() {}

    static void write(DataOutput out, DetectionBucketAnalyzer analyzer) throws IOException {
        out.writeInt(FORMAT_VERSION);
        out.writeDouble(analyzer.expectedEventCount());
        out.writeLong(analyzer.memory().allocationFailures());
        analyzer.normalizers().writeTo(out);
        List<DetectorAnalysis> detectors = analyzer.detectors();
        out.writeInt(detectors.size());
        for (DetectorAnalysis detector : detectors) {
            SeriesRegistry registry = detector.registry();
            out.writeInt(registry.nextOrdinal());
            out.writeInt(registry.all().size());
            for (Series series : registry.all()) {
                writeSeries(out, series);
            }
            detector.frequentBy().writeTo(out);
        }
        out.writeInt(analyzer.distributions().size());
        for (DistributionAnalysis distribution : analyzer.distributions()) {
            distribution.writeState(out);
        }
    }

    private static void writeSeries(DataOutput out, Series series) throws IOException {
        out.writeInt(series.ordinal());
        StateStrings.write(out, series.partitionValue());
        StateStrings.write(out, series.byValue());
        out.writeDouble(series.typicalValueWeight());
        out.writeLong(series.lastSeenBucketMs());
        out.writeInt(series.modelCount());
        for (int i = 0; i < series.modelCount(); i++) {
            series.model(i).writeTo(out);
        }
    }

    /** Replaces the analyzer's state with what {@link #write} wrote, dropping any open bucket. */
    static void read(DataInput in, DetectionBucketAnalyzer analyzer) throws IOException {
        int version = in.readInt();
        if (version != FORMAT_VERSION && version != FORMAT_ONE_SUM_MODEL) {
            throw new IOException("unsupported analyzer state version " + version + ", expected " + FORMAT_VERSION);
        }
        double expectedEventCount = in.readDouble();
        long allocationFailures = in.readLong();
        Normalizers normalizers = Normalizers.readFrom(in);
        List<DetectorAnalysis> detectors = analyzer.detectors();
        int detectorCount = in.readInt();
        if (detectorCount != detectors.size()) {
            throw new IOException("state has " + detectorCount + " detectors but the job has " + detectors.size());
        }
        for (DetectorAnalysis detector : detectors) {
            SeriesRegistry registry = detector.registry();
            registry.clear();
            int nextOrdinal = in.readInt();
            int seriesCount = in.readInt();
            for (int i = 0; i < seriesCount; i++) {
                registry.add(readSeries(in, detector, version));
            }
            registry.restoreNextOrdinal(nextOrdinal);
            detector.frequentBy().readFrom(in);
        }

        int distributionCount = in.readInt();
        if (distributionCount != analyzer.distributions().size()) {
            throw new IOException("state has " + distributionCount + " population, rare or location detectors but the"
                    + " job has " + analyzer.distributions().size());
        }
        for (DistributionAnalysis distribution : analyzer.distributions()) {
            distribution.readState(in);
        }
        analyzer.restore(normalizers, expectedEventCount);
        analyzer.memory().restoreAllocationFailures(allocationFailures);
    }

    private static Series readSeries(DataInput in, DetectorAnalysis detector, int version) throws IOException {
        int ordinal = in.readInt();
        String partitionValue = StateStrings.read(in);
        String byValue = StateStrings.read(in);
        double typicalValueWeight = in.readDouble();
        long lastSeenBucketMs = in.readLong();
        int modelCount = in.readInt();
        int expected = detector.function().features().size();
        if (modelCount != expected) {
            throw new IOException("state has " + modelCount + " models for a series of detector "
                    + detector.detectorIndex() + " but its function needs " + expected);
        }
        SeriesModel[] models = new SeriesModel[modelCount];
        List<Feature> features = detector.function().features();
        for (int i = 0; i < modelCount; i++) {
            models[i] = version == FORMAT_ONE_SUM_MODEL
                    ? detector.models().readFormat2(features.get(i), in)
                    : detector.models().read(features.get(i), in);
        }
        return new Series(
                ordinal,
                partitionValue,
                byValue,
                models,
                features.contains(Feature.MEDIAN),
                features.get(0).keepsDistinct(),
                typicalValueWeight,
                lastSeenBucketMs);
    }
}
