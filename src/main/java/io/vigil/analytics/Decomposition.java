package io.vigil.analytics;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The predictable part of a series: a damped-trend level (Holt's linear method with damping, Gardner and McKenzie,
 * Management Science 31(10), 1985) plus daily and weekly profiles that are kept only when the series' own history
 * shows them. Times are bucket midpoints in epoch milliseconds, read in UTC; values are in the series' units.
 *
 * <p>Three levels: the fast level (memory of about 20 buckets, with level-shift detection) of the deseasonalized
 * values is the one the seasonal predictions use. The level-alone predictor uses a raw level of the values
 * themselves at the same rate, so that a profile that fits noise cannot bias it. The profiles learn against a slow
 * baseline (memory of one day) instead, because a level that follows every edge of a daily pattern would leave the
 * profile nothing to learn.
 *
 * <p>Seasonality test: the decomposition always learns both profiles, and scores three candidate predictors on
 * every bucket before learning from it: the raw level alone, the level plus the daily profile, and the level plus
 * both profiles. Their exponentially weighted mean squared one-step errors are out-of-sample, so a profile that only fits
 * noise does not lower them. A predictor with more profiles is chosen only when its error, multiplied by
 * {@link #COMPONENT_PENALTY} per profile, is the smallest, and only after the series spans two periods of its longest
 * profile. After one and a half periods a daily profile fitted to pure noise could still win by chance and make
 * noise look anomalous (NAB's art_noisy scored 61 on its second day).
 *
 * <p>A fourth predictor, the {@link WeekShape}, has a level and a whole-week profile of its own, for days of the week
 * that differ, such as weekends. A day-long error cannot judge it, because it differs from the others mainly at
 * weekends, so every predictor also keeps a week-long error from the week shape's second week on. The week shape is
 * chosen when its week-long error, with the penalty of two profiles, is below that of the predictor the day-long
 * errors chose, from the end of its second week. The weekly profile of the third predictor alone learned too little
 * of a weekend's drop. Seeded 15-minute counts of 30 on weekdays and 6 at weekends still scored 48 to 58 at the third
 * and fourth weekends, and 0 with the week shape. It cost 1.1 points of the standard NAB score of the benchmark subset.
 *
 * <p>Robustness: learning uses errors clipped at {@link #CLIP_SIGMAS} standard deviations, so a spike moves neither
 * the level nor the profiles far. A run of {@link #SHIFT_RUN} errors beyond {@link #SHIFT_SIGMAS} on the same side
 * is taken as a level shift: the level is set to the run's mean deseasonalized value, so that a permanent change
 * stops being anomalous. The scale follows a change of variance through the clipped squared errors, which can grow
 * the variance by up to 15 % a bucket.
 *
 * <p>Tuned constants: {@link #LEVEL_RATE}, {@link #SCALE_RATE} and {@link #COMPONENT_PENALTY} were chosen by the
 * standard NAB score of the 31-series subset in the benchmark data (rates of 0.03 and 0.1, 0.003 and 0.02, and a
 * penalty of 1.2 all scored lower). The others are round values that the unit tests exercise.
 */
final class Decomposition {

    static final int CONFIG_LEVEL = 0;
    static final int CONFIG_DAILY = 1;
    static final int CONFIG_WEEKLY = 2;
    /** The {@link WeekShape} predictor, chosen by errors over a week rather than a day. */
    static final int CONFIG_WEEK_SHAPE = 3;

    private static final long DAY_MS = 86_400_000L;
    private static final long WEEK_MS = 7 * DAY_MS;

    /** Level smoothing per bucket: a memory of about 20 buckets. Tuned on the NAB subset. */
    static final double LEVEL_RATE = 0.05;
    /** Trend smoothing and damping per bucket; small, so that an anomaly does not become a trend. */
    static final double TREND_RATE = 0.002;

    static final double TREND_DAMPING = 0.98;
    /** Scale (error variance) smoothing per bucket: a memory of about 100 buckets. */
    static final double SCALE_RATE = 0.01;
    /** Multiplier of a candidate's error for each profile it uses: a profile must cut the error by about 5 %. */
    static final double COMPONENT_PENALTY = 1.05;

    static final double CLIP_SIGMAS = 4;
    /**
     * The largest error magnitude learned while the scale is unknown: the square of 1e150 is 1e300, so variances and
     * their updates stay finite whatever the values.
     */
    static final double MAX_ERROR = 1e150;
    /**
     * The largest error a profile learns in its first day, when its errors are otherwise unclipped: profile knots are
     * floats, whose largest value is about 3.4e38. A scale-based clip there cost 4.8 points of the standard NAB score
     * of the benchmark subset, because a noiseless square wave's first edge is many scales from its level.
     */
    static final double MAX_PROFILE_ERROR = 1e30;

    static final double SHIFT_SIGMAS = 3;
    static final int SHIFT_RUN = 8;
    /**
     * Most knots of a daily and a weekly profile: 5 and 60 minutes resolution. A daily profile with one knot per
     * bucket reproduces sharp daily edges exactly, which interpolation between coarser knots cannot.
     */
    static final int DAILY_MAX_BINS = 288;

    static final int WEEKLY_MAX_BINS = 168;

    private final long bucketSpanMs;
    private final SeasonalProfile daily;
    private final SeasonalProfile weekly;
    private WeekShape weekShape;
    private final double testRate;

    private long count;
    private long firstTimeMs;
    private double level;
    /**
     * The level of the values themselves, without the profiles: the level-alone predictor. The shared level is
     * learned from deseasonalized values, and a profile that fits noise would bias it, making the level-alone
     * predictor look worse than it is and letting that profile win the seasonality test.
     */
    private double rawLevel;

    private double trend;
    private double baseline;
    private boolean baselineStarted;
    private final double[] testErrors = new double[3];
    private final double[] variances = new double[4];
    /**
     * Each predictor's mean squared error over about a week, from the week shape's second week on, so that a
     * predictor that is better at weekends is not judged on weekdays alone.
     */
    private final double[] weekErrors = new double[4];

    private int config;
    private int runLength;
    private int shifts;
    private double runSign;
    private double runValueSum;

    Decomposition(long bucketSpanMs) {
        this.bucketSpanMs = bucketSpanMs;
        this.daily = profileFor(DAY_MS, DAILY_MAX_BINS, 5, 0);
        this.weekly = daily == null ? null : profileFor(WEEK_MS, WEEKLY_MAX_BINS, 3, 1);
        this.weekShape = daily == null ? null : new WeekShape(bucketSpanMs);
        double bucketsPerDay = DAY_MS / (double) bucketSpanMs;
        this.testRate = Math.min(0.05, Math.max(0.002, 1 / bucketsPerDay));
    }

    private Decomposition(long bucketSpanMs, SeasonalProfile daily, SeasonalProfile weekly, double testRate) {
        this.bucketSpanMs = bucketSpanMs;
        this.daily = daily;
        this.weekly = weekly;
        this.weekShape = daily == null ? null : new WeekShape(bucketSpanMs);
        this.testRate = testRate;
    }

    /**
     * Returns a profile for the period when it spans at least six buckets, else null. Its knots forget at a rate
     * that keeps about {@code periodsRemembered} periods, and start with {@code priorPeriods} periods of zeros. The
     * weekly profile starts with one period of zeros so that, in its first week, it does not take over the error that
     * the daily profile is still learning.
     */
    private SeasonalProfile profileFor(long periodMs, int maxBins, int periodsRemembered, int priorPeriods) {
        long bucketsPerPeriod = periodMs / bucketSpanMs;
        if (bucketsPerPeriod < 6) {
            return null;
        }
        int bins = (int) Math.min(bucketsPerPeriod, maxBins);
        double updatesPerKnot = bucketsPerPeriod / (double) bins;
        float minimumRate = (float) (1 / (periodsRemembered * updatesPerKnot));
        return new SeasonalProfile(periodMs, bins, minimumRate, (float) (priorPeriods * updatesPerKnot));
    }

    /** Returns how many level shifts the decomposition has taken so far. */
    int shifts() {
        return shifts;
    }

    /** Returns the number of buckets in the current run of large same-side errors, 0 outside one. */
    int runLength() {
        return runLength;
    }

    /**
     * Returns whether learning {@code value} at {@code timeMs} (the bucket midpoint) would start a run of large
     * same-side errors, the first bucket of a possible level shift.
     */
    boolean startsRun(long timeMs, double value) {
        if (runLength > 0 || count < 10) {
            return false;
        }
        return Math.abs(value - predict(timeMs, lastConfig())) > SHIFT_SIGMAS * sigma();
    }

    /** Copies every predictor's error variance into {@code target}. */
    void copyVariancesTo(double[] target) {
        System.arraycopy(variances, 0, target, 0, variances.length);
    }

    /** Sets every predictor's error variance back to {@code saved}, which {@link #copyVariancesTo} filled. */
    void restoreVariances(double[] saved) {
        System.arraycopy(saved, 0, variances, 0, variances.length);
    }

    /** Returns the number of buckets learned. */
    long count() {
        return count;
    }

    /** Returns the index of the predictor in use: level, level plus daily, or level plus both profiles. */
    int config() {
        return config;
    }

    /** Returns the prediction of the chosen predictor at {@code timeMs} (the bucket midpoint), in value units. */
    double predict(long timeMs) {
        return predict(timeMs, config);
    }

    /**
     * Returns the chosen predictor's prediction at {@code timeMs} minus the level and trend, which the caller removes
     * to deseasonalize a value. For the level-alone predictor it is the raw level minus the level, so that the
     * deseasonalized value does not jump when a profile takes over (0 there scored lower on the NAB subset).
     */
    double seasonal(long timeMs) {
        return predict(timeMs, config) - level - trend;
    }

    private double predict(long timeMs, int candidate) {
        if (candidate == CONFIG_LEVEL) {
            return rawLevel + trend;
        }
        if (candidate == CONFIG_WEEK_SHAPE) {
            return weekShape.predict(timeMs);
        }
        double prediction = level + trend;
        if (candidate >= CONFIG_DAILY) {
            prediction += daily.value(timeMs);
        }
        if (candidate >= CONFIG_WEEKLY) {
            prediction += weekly.value(timeMs);
        }
        return prediction;
    }

    /**
     * Returns the standard deviation of the chosen predictor's one-step error, floored for constant series.
     * NOTE: on a noisy square wave this settles at up to four times the noise. The fast level follows the profile's
     * errors at the edges, so probabilities there are conservative.
     */
    double sigma() {
        double floor = 1e-9 + 1e-6 * Math.abs(level);
        return Math.sqrt(Math.max(variances[config], floor * floor));
    }

    /** Returns the number of errors behind {@link #sigma}: all of them at first, at most 2 / {@link #SCALE_RATE}. */
    double scaleSamples() {
        return Math.min(Math.max(count - 1, 0), 2 / SCALE_RATE);
    }

    /** Learns the value observed at {@code timeMs} (the bucket midpoint). */
    void learn(long timeMs, double value) {
        if (count == 0) {
            firstTimeMs = timeMs;
            level = value;
            rawLevel = value;
            baseline = value;
            if (weekShape != null) {
                weekShape.learn(timeMs, value, MAX_ERROR);
            }
            count = 1;
            return;
        }
        double sigma = sigma();
        double clip = count < 10 ? MAX_ERROR : CLIP_SIGMAS * sigma;
        updateTests(timeMs, value, clip);

        double seasonal = predict(timeMs, lastConfig()) - level - trend;
        double fullError = value - level - trend - seasonal;
        double levelMove = LEVEL_RATE * clamp(fullError, clip);
        double previousLevel = level + trend;
        rawLevel += trend + LEVEL_RATE * clamp(value - rawLevel - trend, clip);
        level += trend + levelMove;
        trend = TREND_DAMPING * (trend + TREND_RATE * levelMove);
        updateBaseline(timeMs, value - seasonal, clip);
        learnProfiles(timeMs, value, clip);
        if (weekShape != null) {
            weekShape.learn(timeMs, value, clip);
        }
        detectShift(fullError, sigma, previousLevel);
        count++;
        chooseConfig(timeMs);
    }

    /**
     * Updates the baseline the profiles learn against: a slow level with a memory of one day (20 buckets without a
     * daily profile). During the first day it stays at the first value, so the first visit of each knot stores the
     * value minus one constant, which the profile's mean subtraction removes. The baseline then starts from the
     * first day's mean. A baseline that followed the first day's values would distort the profile for days.
     */
    private void updateBaseline(long timeMs, double deseasonalized, double clip) {
        if (daily == null) {
            baseline += LEVEL_RATE * clamp(deseasonalized - baseline, clip);
            return;
        }
        if (!baselineStarted) {
            if (timeMs - firstTimeMs < DAY_MS) {
                return;
            }
            baseline += daily.knotMean();
            baselineStarted = true;
        }
        double rate = Math.max(LEVEL_RATE / 20, bucketSpanMs / (double) DAY_MS);
        baseline += rate * clamp(deseasonalized - baseline, clip);
    }

    private int lastConfig() {
        return daily == null ? CONFIG_LEVEL : CONFIG_WEEKLY;
    }

    private void updateTests(long timeMs, double value, double clip) {
        double weekRate = weekErrorRate(timeMs);
        boolean withShape = weekShape != null && weekShape.started();
        for (int candidate = 0; candidate <= (withShape ? CONFIG_WEEK_SHAPE : lastConfig()); candidate++) {
            double limit = Math.max(clip, CLIP_SIGMAS * Math.sqrt(variances[candidate]));
            double error = clamp(value - predict(timeMs, candidate), limit);
            double square = error * error;
            double scaleRate = Math.max(1.0 / count, SCALE_RATE);
            variances[candidate] += scaleRate * (square - variances[candidate]);
            if (candidate < CONFIG_WEEK_SHAPE) {
                double testRate = Math.max(1.0 / count, this.testRate);
                testErrors[candidate] += testRate * (square - testErrors[candidate]);
            }
            weekErrors[candidate] += weekRate * (square - weekErrors[candidate]);
        }
    }

    /**
     * Returns the rate of the week-long errors: 0 in the week shape's first week, whose predictions are not yet
     * tested, then an equal average that becomes a memory of one week.
     */
    private double weekErrorRate(long timeMs) {
        if (weekShape == null) {
            return 0;
        }
        long tested = (weekShape.age(timeMs) - WEEK_MS) / bucketSpanMs + 1;
        return tested <= 0 ? 0 : Math.max(1.0 / tested, bucketSpanMs / (double) WEEK_MS);
    }

    /**
     * Learns the daily profile from the value minus the baseline, so that it is a complete predictor on its own, and
     * the weekly profile from what the daily one leaves. Errors are clipped only at {@link #MAX_PROFILE_ERROR} in the
     * first day, when the scale is still unknown.
     *
     * <p>In the first day the profile's value is its knot minus the mean of all knots, including the zeros of knots
     * not yet visited, so the target adds that mean back: each knot then stores the value minus the first value. A
     * target without it stored the running mean in each knot as well, and after a square wave's first day the
     * profile put its evening 20 about 30 above its morning 20.
     */
    private void learnProfiles(long timeMs, double value, double clip) {
        if (daily == null) {
            return;
        }
        double reference = baseline;
        if (!baselineStarted) {
            // NOTE: an extreme value after the warm-up but within the first day still enters a knot almost whole. The
            // level's shift detection, which uses the full seasonal prediction, can then move the level by as much.
            clip = MAX_PROFILE_ERROR;
            reference += daily.knotMean();
        }
        double dailyError = value - reference - daily.value(timeMs);
        daily.learn(timeMs, daily.value(timeMs) + clamp(dailyError, clip));
        double weeklyError = value - reference - daily.value(timeMs) - weekly.value(timeMs);
        weekly.learn(timeMs, weekly.value(timeMs) + clamp(weeklyError, clip));
    }

    /**
     * Detects a level shift from a run of large same-side errors and sets the level to the run's mean deseasonalized
     * value, the level the new regime has shown. The raw level takes the same value, because the run's mean raw value
     * scored 0.6 lower on the NAB subset.
     */
    private void detectShift(double error, double sigma, double levelBefore) {
        if (count < 10 || Math.abs(error) <= SHIFT_SIGMAS * sigma) {
            runLength = 0;
            return;
        }
        if (runLength > 0 && Math.signum(error) != runSign) {
            runLength = 0;
        }
        if (runLength == 0) {
            runValueSum = 0;
            runSign = Math.signum(error);
        }
        runLength++;
        runValueSum += levelBefore + error;
        if (runLength >= SHIFT_RUN) {
            shifts++;
            if (weekShape != null) {
                weekShape.shift(runValueSum / runLength - level);
            }
            level = runValueSum / runLength;
            rawLevel = level;
            trend = 0;
            runLength = 0;
        }
    }

    private void chooseConfig(long timeMs) {
        int best = CONFIG_LEVEL;
        double bestError = testErrors[CONFIG_LEVEL];
        double penalty = 1;
        for (int candidate = CONFIG_DAILY; candidate <= lastConfig(); candidate++) {
            penalty *= COMPONENT_PENALTY;
            long periodMs = candidate == CONFIG_DAILY ? DAY_MS : WEEK_MS;
            boolean eligible = timeMs - firstTimeMs >= periodMs * 2;
            if (eligible && testErrors[candidate] * penalty < bestError) {
                best = candidate;
                bestError = testErrors[candidate] * penalty;
            }
        }
        config = weekShapeWins(timeMs, best) ? CONFIG_WEEK_SHAPE : best;
    }

    /**
     * Returns whether the week shape predicts better than {@code best} over the last week, with the penalty of two
     * profiles, from the bucket that ends its second week on: it has then been tested on a whole week.
     */
    private boolean weekShapeWins(long timeMs, int best) {
        if (weekShape == null || weekShape.age(timeMs + bucketSpanMs) < 2 * WEEK_MS) {
            return false;
        }
        double bestError = weekErrors[best] * Math.pow(COMPONENT_PENALTY, best);
        return weekErrors[CONFIG_WEEK_SHAPE] * COMPONENT_PENALTY * COMPONENT_PENALTY < bestError;
    }

    /** Returns an estimate of the retained heap: this object, its arrays and its profiles. */
    long memoryBytes() {
        long bytes = 144 + 2 * (16 + 3 * 8);
        if (daily != null) {
            bytes += daily.memoryBytes() + weekly.memoryBytes() + weekShape.memoryBytes() + 16 + 4 * 8 + 8;
        }
        return bytes;
    }

    void writeTo(DataOutput out) throws IOException {
        out.writeLong(bucketSpanMs);
        out.writeDouble(testRate);
        out.writeBoolean(daily != null);
        if (daily != null) {
            daily.writeTo(out);
            weekly.writeTo(out);
        }
        out.writeLong(count);
        out.writeLong(firstTimeMs);
        out.writeDouble(level);
        out.writeDouble(rawLevel);
        out.writeDouble(trend);
        out.writeDouble(baseline);
        out.writeBoolean(baselineStarted);
        for (int i = 0; i < 3; i++) {
            out.writeDouble(testErrors[i]);
            out.writeDouble(variances[i]);
        }
        out.writeByte(config);
        out.writeInt(runLength);
        out.writeInt(shifts);
        out.writeDouble(runSign);
        out.writeDouble(runValueSum);
    }

    /** Writes the week shape and the week-long errors, which states before them lack. */
    void writeWeekShapeTo(DataOutput out) throws IOException {
        out.writeBoolean(weekShape != null);
        if (weekShape != null) {
            weekShape.writeTo(out);
            for (double error : weekErrors) {
                out.writeDouble(error);
            }
            out.writeDouble(variances[CONFIG_WEEK_SHAPE]);
        }
    }

    /**
     * Reads what {@link #writeWeekShapeTo} wrote. Without it, as in older states, the week shape starts learning at
     * the next bucket.
     */
    void readWeekShape(DataInput in) throws IOException {
        if (!in.readBoolean()) {
            return;
        }
        weekShape = WeekShape.read(in, bucketSpanMs);
        for (int i = 0; i < weekErrors.length; i++) {
            weekErrors[i] = in.readDouble();
        }
        variances[CONFIG_WEEK_SHAPE] = in.readDouble();
    }

    /**
     * Reads a decomposition written by {@link #writeTo}. A state written before the level-alone predictor had a level
     * of its own ({@code withRawLevel} false) starts that level at the shared level.
     */
    static Decomposition read(DataInput in, boolean withRawLevel) throws IOException {
        long bucketSpanMs = in.readLong();
        double testRate = in.readDouble();
        boolean seasonal = in.readBoolean();
        SeasonalProfile daily = seasonal ? SeasonalProfile.read(in) : null;
        SeasonalProfile weekly = seasonal ? SeasonalProfile.read(in) : null;
        Decomposition decomposition = new Decomposition(bucketSpanMs, daily, weekly, testRate);
        decomposition.count = in.readLong();
        decomposition.firstTimeMs = in.readLong();
        decomposition.level = in.readDouble();
        decomposition.rawLevel = withRawLevel ? in.readDouble() : decomposition.level;
        decomposition.trend = in.readDouble();
        decomposition.baseline = in.readDouble();
        decomposition.baselineStarted = in.readBoolean();
        for (int i = 0; i < 3; i++) {
            decomposition.testErrors[i] = in.readDouble();
            decomposition.variances[i] = in.readDouble();
        }
        decomposition.config = in.readByte();
        decomposition.runLength = in.readInt();
        decomposition.shifts = in.readInt();
        decomposition.runSign = in.readDouble();
        decomposition.runValueSum = in.readDouble();
        return decomposition;
    }

    static double clamp(double error, double limit) {
        return Math.max(-limit, Math.min(limit, error));
    }
}
