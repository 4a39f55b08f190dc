package io.vigil.analytics;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The anomaly-episode view: an episode is a run of buckets whose combined probability is below
 * {@link #EPISODE_PROBABILITY}. Each closed episode is summarized by ln(length in buckets) and ln(mean absolute
 * standardized error), and the model keeps the mean and variance of both features separately for spikes (errors
 * above the prediction) and dips. The current episode's probability is the chance that a past episode of the same
 * sign was at least as long or as large: twice the smaller of the two upper normal tails, capped at 1. It is
 * unknown (NaN) until {@link #MIN_EPISODES} episodes of that sign have closed.
 *
 * <p>Elastic's ml-cpp keeps a similar model (CTimeSeriesAnomalyModel) with the same 0.1 threshold; the features and
 * the tail rule here are simpler.
 */
final class AnomalyEpisodes {

    static final double EPISODE_PROBABILITY = 0.1;

    static final int MIN_EPISODES = 3;
    /** Memory of the episode statistics, in episodes. */
    static final double MEMORY = 50;
    /** Floor of the feature variances, so that identical past episodes do not make the next one impossible. */
    static final double MIN_VARIANCE = 0.05;
    /**
     * Largest absolute standardized error an episode counts. Beyond 38 standard deviations the normal tail is below
     * the smallest normal double (2.2e-308), so a larger error adds no information. Without the limit, a value near
     * 1e308 gives an episode size whose logarithm swamps the statistics of every later episode.
     */
    static final double MAX_ERROR = 38;

    private int length;
    private double errorSum;
    private double absoluteErrorSum;
    /** Per sign (0 dips, 1 spikes): count, mean and variance of ln length, mean and variance of ln size. */
    private final double[] statistics = new double[10];

    /** Returns the length the current episode has if a bucket with this probability extends it, else 0. */
    int lengthWith(double probability) {
        return probability < EPISODE_PROBABILITY ? length + 1 : 0;
    }

    /** Returns the probability of the episode extended by this bucket, or NaN when past episodes are too few. */
    double probabilityWith(double probability, double rawError) {
        if (!(probability < EPISODE_PROBABILITY)) {
            return Double.NaN;
        }
        double error = clip(rawError);
        int sign = errorSum + error >= 0 ? 1 : 0;
        int base = 5 * sign;
        if (statistics[base] < MIN_EPISODES) {
            return Double.NaN;
        }
        double logLength = Math.log(length + 1);
        double logSize = Math.log(Math.max((absoluteErrorSum + Math.abs(error)) / (length + 1), 1e-9));
        double lengthTail = tail(logLength, statistics[base + 1], statistics[base + 2]);
        double sizeTail = tail(logSize, statistics[base + 3], statistics[base + 4]);
        return Math.min(1, 2 * Math.min(lengthTail, sizeTail));
    }

    private static double clip(double error) {
        return Math.max(-MAX_ERROR, Math.min(MAX_ERROR, error));
    }

    private static double tail(double x, double mean, double variance) {
        double sigma = Math.sqrt(Math.max(variance, MIN_VARIANCE));
        return Probabilities.upperTail((x - mean) / sigma, Probabilities.NORMAL_DEGREES);
    }

    /** Extends or closes the current episode with a finished bucket's probability and standardized error. */
    void learn(double probability, double rawError) {
        if (probability < EPISODE_PROBABILITY) {
            double error = clip(rawError);
            length++;
            errorSum += error;
            absoluteErrorSum += Math.abs(error);
            return;
        }
        if (length > 0) {
            close();
        }
    }

    private void close() {
        int base = errorSum >= 0 ? 5 : 0;
        double logLength = Math.log(length);
        double logSize = Math.log(Math.max(absoluteErrorSum / length, 1e-9));
        double count = Math.min(statistics[base] + 1, MEMORY);
        statistics[base] = count;
        updateMoments(base + 1, logLength, count);
        updateMoments(base + 3, logSize, count);
        length = 0;
        errorSum = 0;
        absoluteErrorSum = 0;
    }

    /** Welford-style exponentially weighted mean and variance at {@code index} and {@code index + 1}. */
    private void updateMoments(int index, double x, double count) {
        double delta = x - statistics[index];
        statistics[index] += delta / count;
        statistics[index + 1] += (delta * (x - statistics[index]) - statistics[index + 1]) / count;
    }

    long memoryBytes() {
        return 40 + 16 + 8L * statistics.length;
    }

    void writeTo(DataOutput out) throws IOException {
        out.writeInt(length);
        out.writeDouble(errorSum);
        out.writeDouble(absoluteErrorSum);
        for (double statistic : statistics) {
            out.writeDouble(statistic);
        }
    }

    static AnomalyEpisodes read(DataInput in) throws IOException {
        AnomalyEpisodes episodes = new AnomalyEpisodes();
        episodes.length = in.readInt();
        episodes.errorSum = in.readDouble();
        episodes.absoluteErrorSum = in.readDouble();
        for (int i = 0; i < episodes.statistics.length; i++) {
            episodes.statistics[i] = in.readDouble();
        }
        return episodes;
    }
}
