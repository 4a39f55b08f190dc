package io.vigil.analytics;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The series model of {@link DefaultSeriesModelFactory}: a {@link Decomposition} predicts each bucket, a residual
 * distribution suited to the {@link SeriesKind} gives the single-bucket tail probability, a {@link TailCalibrator}
 * corrects it against the series' own history, a {@link MultiBucketFeature} adds the view of the recent run of
 * buckets, a {@link LongRunLevel} the view of the recent level against the whole history, and {@link AnomalyEpisodes}
 * compares the current unusual run with past ones and quiets an anomaly that only continues. {@link Bursts} undoes
 * what a temporary level shift taught these parts once it shifts back.
 *
 * <p>Residual distributions: a METRIC error is Student's t with as many degrees of freedom as errors behind the
 * scale estimate (normal from 200), so a young model does not produce tiny probabilities. On the long side of
 * skewed independent errors it is mixed with the log-normal of {@link ErrorSkewness}, and near a level the errors
 * keep returning to with the normal of that mode ({@link ResidualModes}). Its probability is at least the tail that
 * {@link ErrorJumps} gives a jump the series makes routinely. A COUNT is Poisson or
 * negative binomial around the non-negative prediction, with the larger of the error variance and the mean as its
 * variance. In addition, a young model's probabilities are raised to a power below 1 (see {@link #earlyExponent}):
 * n / {@link #EARLY_BUCKETS} over the first buckets, and for skewed errors about √(n / {@link #YOUNG_BUCKETS}),
 * because their tail is extrapolated from few errors.
 */
final class AdaptiveSeriesModel implements SeriesModel {

    static final byte STATE_VERSION = 14;
    /** The first state version with the smallest value learned, at its end. */
    static final byte MINIMUM_STATE_VERSION = 14;
    /** The first state version whose burst state is saved at a run's first bucket, with the shape and short average. */
    static final byte BURST_SNAPSHOT_STATE_VERSION = 13;
    /** The only state version with the short averages saved to undo a burst at its end. */
    static final byte BURST_LEVEL_STATE_VERSION = 12;
    /** The first state version with the jump view of the metric errors, at its end. */
    static final byte JUMPS_STATE_VERSION = 11;
    /** The first state version with the state kept to undo a burst, at its end. */
    static final byte BURSTS_STATE_VERSION = 10;
    /** The first state version with the decomposition's week shape and the return after a level shift, at its end. */
    static final byte WEEK_SHAPE_STATE_VERSION = 9;
    /** The first state version with the long-run level's excursion start. */
    static final byte LEVEL_EXCURSION_STATE_VERSION = 8;
    /** The first state version with the secondary modes of the metric errors. */
    static final byte MODES_STATE_VERSION = 7;
    /** The first state version with the third moment of the metric errors. */
    static final byte SKEWNESS_MOMENT_STATE_VERSION = 6;
    /** The first state version with the skewness of the metric errors; older states start without one. */
    static final byte SKEWNESS_STATE_VERSION = 5;
    /** The first state version with warm-up values and the calibrators' largest excesses. */
    static final byte WARM_UP_STATE_VERSION = 4;
    /** The first state version with the level-alone predictor's own level of the raw values. */
    static final byte RAW_LEVEL_STATE_VERSION = 3;
    /** The oldest state version this build still reads. */
    static final byte OLDEST_STATE_VERSION = 2;
    /** Buckets learned before any probability below 1 is returned. */
    static final int MIN_HISTORY = 3;

    /** Buckets over which every young model's probabilities are tempered, by n / EARLY_BUCKETS. */
    static final int EARLY_BUCKETS = 20;
    /** Buckets after which probabilities are no longer tempered for the model's youth. */
    static final int YOUNG_BUCKETS = 300;
    /**
     * Minimum long-run mean count per bucket for the long-run level view: below it the average of a few counts is too
     * skewed for the normal tail the view uses.
     */
    static final double MIN_LEVEL_COUNT = 10;
    /** Mean counts above this use the normal approximation with continuity correction. */
    static final double LARGE_COUNT = 200;

    private final SeriesKind kind;
    private final long bucketSpanMs;
    // Not final, because each warm-up bucket relearns the model from new components.
    private Decomposition decomposition;
    private TailCalibrator calibrator;
    private MultiBucketFeature multiBucket;
    private TailCalibrator multiBucketCalibrator;
    private AnomalyEpisodes episodes;
    private AnomalyRuns runs;
    private LongRunLevel level;
    private TailCalibrator levelCalibrator;
    private WarmUpValues warmUp;
    private ErrorSkewness skewness;
    private ResidualModes modes;
    private Bursts bursts;
    private ErrorJumps jumps;
    /** The smallest value learned, +∞ before any; the 95 % interval stays at or above 0 while it is not negative. */
    private double minimum = Double.POSITIVE_INFINITY;

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
                new AnomalyEpisodes(),
                new AnomalyRuns(),
                new LongRunLevel(),
                new TailCalibrator(),
                new WarmUpValues(),
                new ErrorSkewness(),
                new ResidualModes(),
                new Bursts(),
                new ErrorJumps());
    }

    private AdaptiveSeriesModel(
            SeriesKind kind,
            long bucketSpanMs,
            Decomposition decomposition,
            TailCalibrator calibrator,
            MultiBucketFeature multiBucket,
            TailCalibrator multiBucketCalibrator,
            AnomalyEpisodes episodes,
            AnomalyRuns runs,
            LongRunLevel level,
            TailCalibrator levelCalibrator,
            WarmUpValues warmUp,
            ErrorSkewness skewness,
            ResidualModes modes,
            Bursts bursts,
            ErrorJumps jumps) {
        this.kind = kind;
        this.bucketSpanMs = bucketSpanMs;
        this.decomposition = decomposition;
        this.calibrator = calibrator;
        this.multiBucket = multiBucket;
        this.multiBucketCalibrator = multiBucketCalibrator;
        this.episodes = episodes;
        this.runs = runs;
        this.level = level;
        this.levelCalibrator = levelCalibrator;
        this.warmUp = warmUp;
        this.skewness = skewness;
        this.modes = modes;
        this.bursts = bursts;
        this.jumps = jumps;
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
        boolean multimodal = kind == SeriesKind.METRIC && modes.active();
        return AssessmentBuilder.build(
                evaluation, value, side, episodes, runs, earlyExponent(), countWeight, multimodal);
    }

    /**
     * {@inheritDoc}
     *
     * <p>During the first {@link WarmUpValues#SIZE} buckets the model is relearned from new components at each bucket,
     * from the warm-up values winsorized at their robust bounds, so that an extreme first value cannot set the level
     * and variance that later clips are measured by.
     */
    @Override
    public void learn(long bucketStartMs, double value, double countWeight) {
        if (!Double.isFinite(value)) {
            return;
        }
        minimum = Math.min(minimum, value);
        if (warmUp.active()) {
            relearnWarmUp(bucketStartMs, value, countWeight);
        } else {
            learnValue(bucketStartMs, value, countWeight);
        }
    }

    private void relearnWarmUp(long bucketStartMs, double value, double countWeight) {
        warmUp.add(bucketStartMs, value, countWeight);
        decomposition = new Decomposition(bucketSpanMs);
        calibrator = new TailCalibrator();
        multiBucket = new MultiBucketFeature();
        multiBucketCalibrator = new TailCalibrator();
        episodes = new AnomalyEpisodes();
        runs = new AnomalyRuns();
        level = new LongRunLevel();
        levelCalibrator = new TailCalibrator();
        skewness = new ErrorSkewness();
        modes = new ResidualModes();
        bursts = new Bursts();
        jumps = new ErrorJumps();
        double[] winsorized = warmUp.winsorized();
        for (int i = 0; i < warmUp.size(); i++) {
            learnValue(warmUp.time(i), winsorized[i], warmUp.weight(i));
        }
        if (!warmUp.active()) {
            warmUp = WarmUpValues.complete();
        }
    }

    private void learnValue(long bucketStartMs, double value, double countWeight) {
        bursts.beforeLearning(midpoint(bucketStartMs), value, decomposition, calibrator, skewness, level);
        Evaluation evaluation = evaluate(bucketStartMs, value, countWeight);
        if (evaluation != null) {
            boolean upper = evaluation.upper();
            calibrator.record(upper, upper ? evaluation.upperRaw() : evaluation.lowerRaw());
            recordMultiBucket(evaluation);
            recordLevel(evaluation);
            episodes.learn(evaluation.twoSidedOverall(), evaluation.error());
            if (kind == SeriesKind.METRIC) {
                jumps.learn(evaluation.error(), decomposition.scaleSamples(), skewness.correlation());
                skewness.learn(evaluation.error());
                modes.learn(evaluation.error());
            }
            runs.learn(
                    evaluation.twoSidedOverall(),
                    AssessmentBuilder.levelProbability(evaluation, Side.TWO_SIDED),
                    value,
                    evaluation.typical());
            multiBucket.add(multiBucketInput(evaluation));
        }
        long midpoint = midpoint(bucketStartMs);
        level.learn(value - decomposition.seasonal(midpoint), decomposition.sigma());
        int shifts = decomposition.shifts();
        double before = decomposition.count() == 0 ? Double.NaN : decomposition.predict(midpoint);
        decomposition.learn(midpoint, value);
        if (decomposition.shifts() != shifts) {
            multiBucket.clear();
            double change = decomposition.predict(midpoint) - before;
            if (bursts.shifted(change, decomposition, calibrator, skewness, level)) {
                runs.endReturns();
            } else {
                runs.shifted(change);
            }
        }
        bursts.learned();
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
        long own = 16 + 8 * 5 + 8 * 3 + 4 * 8;
        return own
                + decomposition.memoryBytes()
                + calibrator.memoryBytes()
                + multiBucket.memoryBytes()
                + multiBucketCalibrator.memoryBytes()
                + episodes.memoryBytes()
                + runs.memoryBytes()
                + level.memoryBytes()
                + levelCalibrator.memoryBytes()
                + warmUp.memoryBytes()
                + skewness.memoryBytes()
                + modes.memoryBytes()
                + bursts.memoryBytes()
                + jumps.memoryBytes();
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
        runs.writeTo(out);
        level.writeTo(out);
        levelCalibrator.writeTo(out);
        warmUp.writeTo(out);
        skewness.writeTo(out);
        modes.writeTo(out);
        level.writeExcursionTo(out);
        decomposition.writeWeekShapeTo(out);
        runs.writeReturnTo(out);
        bursts.writeTo(out);
        jumps.writeTo(out);
        out.writeDouble(minimum);
    }

    /**
     * Reads a model written by {@link #writeTo} in state {@code version}, after the caller has read and checked the
     * version byte.
     */
    static AdaptiveSeriesModel readAfterVersion(DataInput in, byte version) throws IOException {
        SeriesKind kind = SeriesKind.values()[in.readByte()];
        long bucketSpanMs = in.readLong();
        boolean current = version >= WARM_UP_STATE_VERSION;
        Decomposition decomposition = Decomposition.read(in, version >= RAW_LEVEL_STATE_VERSION);
        TailCalibrator calibrator = TailCalibrator.read(in, current);
        MultiBucketFeature multiBucket = MultiBucketFeature.read(in);
        TailCalibrator multiBucketCalibrator = TailCalibrator.read(in, current);
        AnomalyEpisodes episodes = AnomalyEpisodes.read(in);
        AnomalyRuns runs = AnomalyRuns.read(in);
        LongRunLevel level = LongRunLevel.read(in);
        TailCalibrator levelCalibrator = TailCalibrator.read(in, current);
        WarmUpValues warmUp = current ? WarmUpValues.read(in) : WarmUpValues.complete();
        ErrorSkewness skewness = version >= SKEWNESS_STATE_VERSION
                ? ErrorSkewness.read(in, version >= SKEWNESS_MOMENT_STATE_VERSION)
                : new ErrorSkewness();
        ResidualModes modes = version >= MODES_STATE_VERSION ? ResidualModes.read(in) : new ResidualModes();
        if (version >= LEVEL_EXCURSION_STATE_VERSION) {
            level.readExcursion(in);
        }
        if (version >= WEEK_SHAPE_STATE_VERSION) {
            decomposition.readWeekShape(in);
            runs.readReturn(in);
        }
        Bursts bursts;
        if (version >= BURST_SNAPSHOT_STATE_VERSION) {
            bursts = Bursts.read(in);
        } else if (version >= BURSTS_STATE_VERSION) {
            bursts = Bursts.readWithoutShape(in);
        } else {
            bursts = new Bursts();
        }
        ErrorJumps jumps = version >= JUMPS_STATE_VERSION ? ErrorJumps.read(in) : new ErrorJumps();
        if (version == BURST_LEVEL_STATE_VERSION) {
            Bursts.skipShortMeans(in);
        }
        // A state without the minimum takes the series as non-negative until a negative value arrives.
        double minimum = version >= MINIMUM_STATE_VERSION ? in.readDouble() : Double.POSITIVE_INFINITY;
        AdaptiveSeriesModel model = new AdaptiveSeriesModel(
                kind,
                bucketSpanMs,
                decomposition,
                calibrator,
                multiBucket,
                multiBucketCalibrator,
                episodes,
                runs,
                level,
                levelCalibrator,
                warmUp,
                skewness,
                modes,
                bursts,
                jumps);
        model.minimum = minimum;
        return model;
    }

    private void recordMultiBucket(Evaluation evaluation) {
        double above = evaluation.multiBucketAboveRaw();
        double below = evaluation.multiBucketBelowRaw();
        if (!Double.isNaN(above)) {
            multiBucketCalibrator.record(above <= below, Math.min(above, below));
        }
    }

    /**
     * Returns the minimum mean of a count bucket: 1/(n + 2) after n buckets, Laplace's rule of succession for the chance
     * of a non-zero bucket, or the long-run mean count when that is larger but below 1. A sparse series' fast level
     * decays to 0 between events, and without this floor each event looks far rarer than its long-run rate.
     */
    private double countMeanFloor() {
        double laplace = 1.0 / (decomposition.count() + 2);
        return Math.max(laplace, Math.min(level.mean(), 1));
    }

    /**
     * Returns the normal score of the bucket's raw tail probability, signed by its side: the error on a scale where
     * every kind of series is standard normal. For a metric series it is close to the standardized error. A sparse
     * count's standardized error is skewed (one event among zeros is several deviations), and averaging it would make
     * each single event look like a run.
     */
    private static double multiBucketInput(Evaluation evaluation) {
        double score = Probabilities.normalScore(Math.min(evaluation.upperRaw(), evaluation.lowerRaw()));
        return evaluation.upper() ? score : -score;
    }

    /** Counts the bucket's long-run level score in the level calibrator, on the side the level lies. */
    private void recordLevel(Evaluation evaluation) {
        double score = evaluation.levelScore();
        if (!Double.isNaN(score)) {
            levelCalibrator.record(score >= 0, levelTail(score));
        }
    }

    /**
     * Returns the one-sided tail of a long-run level score under the normal, mixed with the skewed shape of the
     * errors' short average when the series' errors are skewed and independent.
     */
    private double levelTail(double score) {
        double tail = MultiBucketFeature.oneSided(Math.abs(score));
        return skewness.widenAverage(tail, score, LongRunLevel.SHORT_RATE);
    }

    private long midpoint(long bucketStartMs) {
        return bucketStartMs + bucketSpanMs / 2;
    }

    /**
     * Returns the exponent applied to probabilities while the model is young: n / {@link #EARLY_BUCKETS} over the
     * first buckets, and for a metric series whose errors look skewed also 1 − e·(1 − √(n / {@link #YOUNG_BUCKETS})),
     * where e is {@link ErrorSkewness#skewedEvidence}, whichever is smaller. A tail learned from n skewed errors
     * overstates how rare a value beyond them is. We measured 400 seeded streams of independent log-normal, gamma
     * and exponential values. Those of their values that scored 25 or more had log probabilities 2.3 to 2.8 times
     * their true ones in buckets 20 to 51, and 1.5 to 1.7 times in buckets 79 to 275. The square root is 0.26 at bucket 20, 0.51 at
     * 79 and 0.96 at 275. Most normal models keep their probabilities, so a spike of 10 standard deviations still
     * scores high early in a job. Some are tempered. With evidence from 1 to 2 standard errors, about a quarter of
     * normal models of 30 to 200 buckets get some tempering and 3 to 4% the full exponent. One earlier error clipped
     * at 4 among 30 normal errors gives full evidence.
     */
    static double earlyExponent(double buckets, double skewed) {
        double ramp = Math.min(1, buckets / EARLY_BUCKETS);
        double young = Math.min(1, Math.sqrt(buckets / YOUNG_BUCKETS));
        return Math.min(ramp, 1 - skewed * (1 - young));
    }

    private double earlyExponent() {
        long buckets = decomposition.count();
        if (buckets >= YOUNG_BUCKETS) {
            return 1;
        }
        double skewed = kind == SeriesKind.METRIC ? skewness.skewedEvidence() : 0;
        return earlyExponent(buckets, skewed);
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
        Evaluation evaluation;
        if (kind == SeriesKind.COUNT) {
            evaluation = ResidualTails.count(value, prediction, sigma, countMeanFloor());
        } else {
            double degrees = decomposition.scaleSamples();
            double jumpTail = jumps.tail((value - prediction) / sigma, degrees, skewness.correlation());
            double lowerFloor = minimum >= 0 ? 0 : Double.NEGATIVE_INFINITY;
            evaluation = ResidualTails.metric(value, prediction, sigma, degrees, skewness, modes, jumpTail, lowerFloor);
        }

        double featureScore = multiBucket.value(multiBucketInput(evaluation)) / multiBucket.sigma();
        double above = Double.NaN;
        double below = Double.NaN;
        if (!Double.isNaN(featureScore)) {
            // Only the side the feature is on has a one-sided probability below 1.
            double tail = MultiBucketFeature.oneSided(Math.abs(featureScore));
            above = featureScore >= 0 ? tail : 1;
            below = featureScore >= 0 ? 1 : tail;
        }
        long midpoint = midpoint(bucketStartMs);
        double levelScore = level.score(value - decomposition.seasonal(midpoint), decomposition.sigma());
        if (kind == SeriesKind.COUNT && !(level.mean() >= MIN_LEVEL_COUNT)) {
            levelScore = Double.NaN;
        }
        double levelAbove = 1;
        double levelBelow = 1;
        if (!Double.isNaN(levelScore)) {
            // As for the multi-bucket feature, only the side the level is on has a probability below 1.
            double tail = levelTail(levelScore);
            levelAbove = levelScore >= 0 ? levelCalibrator.calibrate(true, tail) : 1;
            levelBelow = levelScore >= 0 ? 1 : levelCalibrator.calibrate(false, tail);
        }
        evaluation = evaluation.withViews(
                calibrator.calibrate(true, evaluation.upperRaw()),
                calibrator.calibrate(false, evaluation.lowerRaw()),
                above,
                below,
                multiBucketCalibrator.calibrate(true, above),
                multiBucketCalibrator.calibrate(false, below),
                levelScore,
                levelAbove,
                levelBelow,
                earlyExponent());

        cachedTimeMs = bucketStartMs;
        cachedValue = value;
        cachedWeight = weight;
        cached = evaluation;
        return evaluation;
    }
}
