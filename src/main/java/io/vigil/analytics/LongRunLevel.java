package io.vigil.analytics;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The long-run level view: how far the series' recent level lies from the levels of its whole history. The one-step
 * prediction adapts within tens of buckets, so a slow drift to a level never seen before, or a day spent far from
 * the usual level, leaves its errors small. This view compares a short average of the deseasonalized values with the
 * mean and variance of that average over the history instead.
 *
 * <p>The short average is exponentially weighted with weight {@link #SHORT_RATE} on the newest value. Each step is
 * clipped at {@link #STEP_SIGMAS} one-step standard deviations, so a spike, which the single-bucket view judges, moves
 * it little while a drift carries it along. Its mean and variance are cumulative until {@link #MEMORY} buckets, then
 * forget at rate 1 / {@link #MEMORY}, and learn deviations clipped at {@link #CLIP_SIGMAS} of their own standard
 * deviations. The view gives a score only after {@link #MIN_HISTORY} buckets, and not during an excursion that
 * began before them.
 *
 * <p>Tuned constants: {@link #SHORT_RATE}, {@link #STEP_SIGMAS} and {@link #MIN_HISTORY} were chosen by the standard
 * NAB score of the 31-series subset in the benchmark data through the engine (short rates 0.1, 0.2 and 0.5, step
 * clips 1, 1.5, 3 and 4, unclipped steps, and 100 or 400 buckets of history all scored lower or equal). A memory of
 * 500 or 2,000 buckets scored lower than the whole history.
 */
final class LongRunLevel {

    static final double SHORT_RATE = 0.3;
    static final double STEP_SIGMAS = 2;
    static final double CLIP_SIGMAS = 3;
    static final long MIN_HISTORY = 200;
    /**
     * Standard deviations of the long-run level beyond which the short average is on an excursion. An excursion that
     * began before {@link #MIN_HISTORY} buckets gets no score until it ends: the single-bucket view judged its onset,
     * and a level the series has held for much of its short history is not a level never seen before. Without this,
     * a daily step on the first day of 5-minute buckets, 92 buckets before the view starts, scored p = 1e-7 to 1e-13
     * at bucket 200 while the value lay inside its 95% interval.
     */
    static final double EXCURSION_SIGMAS = 3;
    /** Buckets after which the statistics start to forget; about 70 days of 5-minute buckets. */
    static final double MEMORY = 20_000;
    /** Values before the step and deviation clips apply, while the scales are still unknown. */
    private static final long UNCLIPPED = 20;

    private double shortMean = Double.NaN;
    private double mean;
    private double variance;
    private long count;
    // The bucket count at which the short average last moved beyond EXCURSION_SIGMAS of the long-run mean, or -1
    // while it is within them.
    private long excursionStart = -1;

    /**
     * Returns the standardized distance (short average − mean) / standard deviation that the short average would
     * have with {@code deseasonalized} as its newest value, or NaN before {@link #MIN_HISTORY} buckets.
     *
     * @param sigma the one-step standard deviation of the series, which bounds one step of the short average
     */
    double score(double deseasonalized, double sigma) {
        if (count < MIN_HISTORY) {
            return Double.NaN;
        }
        if (excursionStart >= 0 && excursionStart < MIN_HISTORY) {
            return Double.NaN;
        }
        return (shortMeanWith(deseasonalized, sigma) - mean) / spread();
    }

    /** Returns the long-run mean of the short average, in value units; 0 before any data. */
    double mean() {
        return mean;
    }

    /** Learns the deseasonalized value of a finished bucket. */
    void learn(double deseasonalized, double sigma) {
        shortMean = shortMeanWith(deseasonalized, sigma);
        count++;
        if (count == 1) {
            mean = shortMean;
            return;
        }
        double spread = spread();
        if (count > UNCLIPPED) {
            boolean beyond = Math.abs(shortMean - mean) > EXCURSION_SIGMAS * spread;
            if (!beyond) {
                excursionStart = -1;
            } else if (excursionStart < 0) {
                excursionStart = count;
            }
        }
        double rate = Math.max(1.0 / count, 1 / MEMORY);
        double limit = count > UNCLIPPED ? CLIP_SIGMAS * spread : Decomposition.MAX_ERROR;
        double deviation = Math.max(-limit, Math.min(limit, shortMean - mean));
        mean += rate * deviation;
        variance += rate * (deviation * deviation - variance);
    }

    /**
     * Returns the standard deviation of the short average, floored so that a constant history can still learn a new
     * level: with a spread of exactly 0 the clipped deviations never moved the mean.
     */
    private double spread() {
        return Math.sqrt(Math.max(variance, 1e-18 + 1e-12 * mean * mean));
    }

    private double shortMeanWith(double deseasonalized, double sigma) {
        if (Double.isNaN(shortMean)) {
            return deseasonalized;
        }
        double limit = count > UNCLIPPED ? STEP_SIGMAS * sigma : Decomposition.MAX_ERROR;
        double step = Math.max(-limit, Math.min(limit, deseasonalized - shortMean));
        return shortMean + SHORT_RATE * step;
    }

    /** Returns the short average of the deseasonalized values, NaN before any data. */
    double shortMean() {
        return shortMean;
    }

    /** Sets the short average back to {@code saved}, a value {@link #shortMean} returned. */
    void restoreShortMean(double saved) {
        shortMean = saved;
    }

    long memoryBytes() {
        return 16 + 5 * 8;
    }

    /** Writes the level without its excursion start, which {@link #writeExcursionTo} writes. */
    void writeTo(DataOutput out) throws IOException {
        out.writeDouble(shortMean);
        out.writeDouble(mean);
        out.writeDouble(variance);
        out.writeLong(count);
    }

    /**
     * Writes the excursion start. A series model writes it after all its other parts, so that a state written
     * before excursions were tracked is the same state without its last bytes.
     */
    void writeExcursionTo(DataOutput out) throws IOException {
        out.writeLong(excursionStart);
    }

    /** Reads a level written by {@link #writeTo}; it starts outside any excursion until {@link #readExcursion}. */
    static LongRunLevel read(DataInput in) throws IOException {
        LongRunLevel level = new LongRunLevel();
        level.shortMean = in.readDouble();
        level.mean = in.readDouble();
        level.variance = in.readDouble();
        level.count = in.readLong();
        return level;
    }

    void readExcursion(DataInput in) throws IOException {
        excursionStart = in.readLong();
    }
}
