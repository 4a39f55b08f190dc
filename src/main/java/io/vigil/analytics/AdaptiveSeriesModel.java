package io.vigil.analytics;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The series model of {@link DefaultSeriesModelFactory}: a {@link Decomposition} predicts each bucket, a residual
 * distribution suited to the {@link SeriesKind} gives the single-bucket tail probability, a {@link TailCalibrator}
 * corrects it against the series' own history, a {@link MultiBucketFeature} adds the view of the recent run of
 * buckets, and {@link AnomalyEpisodes} compares the current unusual run with past ones.
 *
 * <p>Residual distributions: a METRIC error is Student's t with as many degrees of freedom as errors behind the
 * scale estimate (normal from 200), so a young model does not produce tiny probabilities. A COUNT is Poisson or
 * negative binomial around the non-negative prediction, with the larger of the error variance and the mean as its
 * variance. In addition, during the first {@link #EARLY_BUCKETS} buckets each probability is raised to the power
 * n / {@link #EARLY_BUCKETS}.
 */
final class AdaptiveSeriesModel implements SeriesModel {

    static final byte STATE_VERSION = 1;
    /** Buckets learned before any probability below 1 is returned. */
    static final int MIN_HISTORY = 3;

    static final int EARLY_BUCKETS = 20;
    /**
     * Correlation between the single- and multi-bucket scores: √((1 − r)/(1 − r^L)) with r = 0.9² and L = 12, the
     * value for errors weighted as in {@link MultiBucketFeature} (Elastic ml-cpp, CTimeSeriesModel.cc).
     */
    static final double MULTI_BUCKET_CORRELATION = Math.sqrt((1 - 0.81) / (1 - Math.pow(0.81, 12)));
    /** Mean counts above this use the normal approximation with continuity correction. */
    static final double LARGE_COUNT = 200;

    private final SeriesKind kind;
    private final long bucketSpanMs;
    private final Decomposition decomposition;
    private final TailCalibrator calibrator;
    private final MultiBucketFeature multiBucket;
    private final TailCalibrator multiBucketCalibrator;
    private final AnomalyEpisodes episodes;

    private long cachedTimeMs = Long.MIN_VALUE;
    private double cachedValue = Double.NaN;
    private double cachedWeight = Double.NaN;
    private Evaluation cached;

    AdaptiveSeriesModel(SeriesKind kind, long bucketSpanMs) {
        this(
                kind,
                bucketSpanMs,
                new Decomposition(bucketSpanMs),
                new TailCalibrator(),
                new MultiBucketFeature(),
                new TailCalibrator(),
                new AnomalyEpisodes());
    }

    private AdaptiveSeriesModel(
            SeriesKind kind,
            long bucketSpanMs,
            Decomposition decomposition,
            TailCalibrator calibrator,
            MultiBucketFeature multiBucket,
            TailCalibrator multiBucketCalibrator,
            AnomalyEpisodes episodes) {
        this.kind = kind;
        this.bucketSpanMs = bucketSpanMs;
        this.decomposition = decomposition;
        this.calibrator = calibrator;
        this.multiBucket = multiBucket;
        this.multiBucketCalibrator = multiBucketCalibrator;
        this.episodes = episodes;
    }

    /**
     * {@inheritDoc}
     *
     * <p>A NaN or infinite value, or a model with fewer than {@link #MIN_HISTORY} buckets, gives probability 1. A
     * {@code countWeight} that is not positive and finite is taken as 1.
     */
    @Override
    public Assessment assess(long bucketStartMs, double value, double countWeight, Side side) {
        Evaluation evaluation = evaluate(bucketStartMs, value, countWeight);
        if (evaluation == null) {
            double typical = typical(bucketStartMs);
            return AssessmentBuilder.usual(typical, !(value < typical), Double.NaN, Double.NaN, countWeight);
        }
        return AssessmentBuilder.build(evaluation, side, episodes, earlyExponent(), countWeight);
    }

    @Override
    public void learn(long bucketStartMs, double value, double countWeight) {
        if (!Double.isFinite(value)) {
            return;
        }
        Evaluation evaluation = evaluate(bucketStartMs, value, countWeight);
        if (evaluation != null) {
            boolean upper = evaluation.upper();
            calibrator.record(upper, upper ? evaluation.upperRaw() : evaluation.lowerRaw());
            recordMultiBucket(evaluation);
            episodes.learn(evaluation.twoSidedOverall(), evaluation.error());
            multiBucket.add(evaluation.error());
        }
        int shifts = decomposition.shifts();
        decomposition.learn(midpoint(bucketStartMs), value);
        if (decomposition.shifts() != shifts) {
            multiBucket.clear();
        }
        cachedTimeMs = Long.MIN_VALUE;
        cached = null;
    }

    /** Returns the prediction at the bucket midpoint (non-negative for counts), or NaN before any data. */
    @Override
    public double typical(long bucketStartMs) {
        if (decomposition.count() == 0) {
            return Double.NaN;
        }
        double prediction = decomposition.predict(midpoint(bucketStartMs));
        return kind == SeriesKind.COUNT ? Math.max(prediction, 0) : prediction;
    }

    @Override
    public long memoryBytes() {
        long own = 16 + 8 * 4 + 8 * 3 + 4 * 6;
        return own
                + decomposition.memoryBytes()
                + calibrator.memoryBytes()
                + multiBucket.memoryBytes()
                + multiBucketCalibrator.memoryBytes()
                + episodes.memoryBytes();
    }

    @Override
    public void writeTo(DataOutput out) throws IOException {
        out.writeByte(STATE_VERSION);
        out.writeByte(kind.ordinal());
        out.writeLong(bucketSpanMs);
        decomposition.writeTo(out);
        calibrator.writeTo(out);
        multiBucket.writeTo(out);
        multiBucketCalibrator.writeTo(out);
        episodes.writeTo(out);
    }

    /** Reads a model written by {@link #writeTo}, after the caller has checked the version byte. */
    static AdaptiveSeriesModel readAfterVersion(DataInput in) throws IOException {
        SeriesKind kind = SeriesKind.values()[in.readByte()];
        long bucketSpanMs = in.readLong();
        Decomposition decomposition = Decomposition.read(in);
        TailCalibrator calibrator = TailCalibrator.read(in);
        MultiBucketFeature multiBucket = MultiBucketFeature.read(in);
        TailCalibrator multiBucketCalibrator = TailCalibrator.read(in);
        AnomalyEpisodes episodes = AnomalyEpisodes.read(in);
        return new AdaptiveSeriesModel(
                kind, bucketSpanMs, decomposition, calibrator, multiBucket, multiBucketCalibrator, episodes);
    }

    private void recordMultiBucket(Evaluation evaluation) {
        double above = evaluation.multiBucketAboveRaw();
        double below = evaluation.multiBucketBelowRaw();
        if (!Double.isNaN(above)) {
            multiBucketCalibrator.record(above <= below, Math.min(above, below));
        }
    }

    private long midpoint(long bucketStartMs) {
        return bucketStartMs + bucketSpanMs / 2;
    }

    /** Returns the exponent applied to probabilities while the model is young: n / EARLY_BUCKETS, at most 1. */
    private double earlyExponent() {
        return Math.min(1, decomposition.count() / (double) EARLY_BUCKETS);
    }

    /** Returns the side-independent part of an assessment, or null when the model cannot judge the value yet. */
    private Evaluation evaluate(long bucketStartMs, double value, double countWeight) {
        if (!Double.isFinite(value) || decomposition.count() < MIN_HISTORY) {
            return null;
        }
        double weight = countWeight > 0 && Double.isFinite(countWeight) ? countWeight : 1;
        if (cached != null && cachedTimeMs == bucketStartMs && cachedValue == value && cachedWeight == weight) {
            return cached;
        }

        double prediction = decomposition.predict(midpoint(bucketStartMs));
        double sigma = decomposition.sigma() / Math.sqrt(weight);
        Evaluation evaluation = kind == SeriesKind.COUNT
                ? ResidualTails.count(value, prediction, sigma, 1.0 / (decomposition.count() + 2))
                : ResidualTails.metric(value, prediction, sigma, decomposition.scaleSamples());

        double featureScore = multiBucket.value(evaluation.error()) / multiBucket.sigma();
        double above = Double.NaN;
        double below = Double.NaN;
        if (!Double.isNaN(featureScore)) {
            // Only the side the feature is on has a one-sided probability below 1.
            double tail = MultiBucketFeature.oneSided(Math.abs(featureScore));
            above = featureScore >= 0 ? tail : 1;
            below = featureScore >= 0 ? 1 : tail;
        }
        evaluation = evaluation.withCalibration(
                calibrator.calibrate(true, evaluation.upperRaw()),
                calibrator.calibrate(false, evaluation.lowerRaw()),
                above,
                below,
                multiBucketCalibrator.calibrate(true, above),
                multiBucketCalibrator.calibrate(false, below),
                earlyExponent());

        cachedTimeMs = bucketStartMs;
        cachedValue = value;
        cachedWeight = weight;
        cached = evaluation;
        return evaluation;
    }
}
