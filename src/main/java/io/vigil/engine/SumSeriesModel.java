package io.vigil.engine;

import io.vigil.analytics.Assessment;
import io.vigil.analytics.SeriesKind;
import io.vigil.analytics.SeriesModel;
import io.vigil.analytics.SeriesModelFactory;
import io.vigil.analytics.Side;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The model of a sum, which judges a bucket's sum in two views: the sum itself, and the sum given the number of
 * values it adds up.
 *
 * <p>A sum varies with the number of its values as well as with their size, and the number can dominate. Records
 * that arrive at random times give about Poisson counts: with 20 values of N(100, 12) per bucket on average, the sum
 * has a standard deviation near 22% of its mean, against 5% at exactly 20 values. A bucket of the usual number of
 * values at 17% of their usual size then lies under 4 standard deviations of the sum alone. The second view removes
 * the count's share. It models the mean value {@code sum / n}, weighted by n relative to the typical number of
 * values, and its typical value and interval times n are the sum to expect given the count. A change in the number
 * of values alone is left to the first view.
 *
 * <p>The assessment is the view with the smaller probability, and its probability is twice that, at most 1
 * (Bonferroni's correction for taking the smaller of two). NOTE: when the count rises while each value falls, so
 * that the sum stays usual, the second view still finds the values unusually small for their count.
 */
final class SumSeriesModel implements SeriesModel {

    /** The correction for reporting the smaller of the two views' probabilities. */
    private static final double VIEW_CORRECTION = 2.0;

    /** Buckets after which the typical number of values becomes an exponentially weighted mean of that memory. */
    private static final double COUNT_MEMORY = 1_000.0;

    private final SeriesModel total;
    private final SeriesModel mean;
    private double typicalCount;
    private double countBuckets;

    SumSeriesModel(SeriesModelFactory factory) {
        this(factory.create(SeriesKind.METRIC), factory.create(SeriesKind.METRIC), 0.0, 0.0);
    }

    private SumSeriesModel(SeriesModel total, SeriesModel mean, double typicalCount, double countBuckets) {
        this.total = total;
        this.mean = mean;
        this.typicalCount = typicalCount;
        this.countBuckets = countBuckets;
    }

    /** Reads a model written by {@link #writeTo}. */
    static SumSeriesModel read(SeriesModelFactory factory, DataInput in) throws IOException {
        SeriesModel total = factory.read(in);
        SeriesModel mean = factory.read(in);
        double typicalCount = in.readDouble();
        return new SumSeriesModel(total, mean, typicalCount, in.readDouble());
    }

    /**
     * Wraps the single sum model of a state written before sums had two views. The view given the count starts
     * without history.
     */
    static SumSeriesModel withoutCountView(SeriesModelFactory factory, SeriesModel total) {
        return new SumSeriesModel(total, factory.create(SeriesKind.METRIC), 0.0, 0.0);
    }

    /**
     * {@inheritDoc}
     *
     * @param countWeight the number of values the sum adds up, or their total weight with a summary count field. In an
     *     empty bucket it is 0, and only the view of the sum itself applies.
     */
    @Override
    public Assessment assess(long bucketStartMs, double value, double countWeight, Side side) {
        Assessment whole = total.assess(bucketStartMs, value, 1.0, side);
        if (!hasValues(value, countWeight)) {
            return whole;
        }
        Assessment values = mean.assess(bucketStartMs, value / countWeight, relativeCount(countWeight), side);
        double probability = Math.min(VIEW_CORRECTION * Math.min(whole.probability(), values.probability()), 1.0);
        if (whole.probability() <= values.probability()) {
            return withProbability(whole, probability, 1.0);
        }
        return withProbability(values, probability, countWeight);
    }

    @Override
    public void learn(long bucketStartMs, double value, double countWeight) {
        total.learn(bucketStartMs, value, 1.0);
        if (hasValues(value, countWeight)) {
            mean.learn(bucketStartMs, value / countWeight, relativeCount(countWeight));
            countBuckets = Math.min(countBuckets + 1.0, COUNT_MEMORY);
            typicalCount += (countWeight - typicalCount) / countBuckets;
        }
    }

    /** Returns the typical sum, which interim results use to correct a partial bucket. */
    @Override
    public double typical(long bucketStartMs) {
        return total.typical(bucketStartMs);
    }

    @Override
    public long memoryBytes() {
        return 40L + total.memoryBytes() + mean.memoryBytes();
    }

    @Override
    public void writeTo(DataOutput out) throws IOException {
        total.writeTo(out);
        mean.writeTo(out);
        out.writeDouble(typicalCount);
        out.writeDouble(countBuckets);
    }

    /** Returns the number of values relative to the typical number, 1 before any bucket with values. */
    private double relativeCount(double count) {
        return typicalCount > 0.0 ? count / typicalCount : 1.0;
    }

    private static boolean hasValues(double value, double count) {
        return count > 0.0 && Double.isFinite(count) && Double.isFinite(value / count);
    }

    /**
     * Returns {@code assessment} with the combined probability, and with its typical value and interval multiplied by
     * {@code scale}: 1 for the view of the sum, the number of values for the view of their mean.
     */
    private static Assessment withProbability(Assessment assessment, double probability, double scale) {
        return assessment.withJudgement(
                probability,
                assessment.singleBucketProbability(),
                assessment.typical() * scale,
                assessment.lowerBound() * scale,
                assessment.upperBound() * scale);
    }
}
