package io.vigil.engine;

import io.vigil.analytics.InformationContent;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The statistics of one series in one bucket, from which every {@link Feature} value is read: event count, the
 * weighted moments, minimum and maximum of the field values, and, only for the features that need them, the values
 * themselves (median) or the set of distinct values (distinct count and information content).
 *
 * <p>With a summary count field a record stands for {@code weight} events: it adds {@code weight} to the count and
 * is weighted by it in the mean, median and variance, while its value is taken as already summed for {@code sum}.
 * Optionally it also keeps the same statistics per value of each influencer field, to measure influence.
 */
final class BucketStatistics {

    private final boolean keepValues;
    private final boolean keepDistinct;

    private double count;
    private int valueCount;
    private double valueWeight;
    /** The sum of the values, unweighted, because a weighted record's value is already a sum. */
    private final CompensatedSum sum = new CompensatedSum();
    /** The sum of weight times value, from which the mean is read. */
    private final CompensatedSum weightedSum = new CompensatedSum();
    /** The running mean of the Welford update, which the squared deviations need at each step. */
    private double mean;

    private double squaredDeviations;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private double[] values;
    private double[] weights;
    private Set<String> distinct;
    private Map<String, BucketStatistics>[] influencerStatistics;

    BucketStatistics(boolean keepValues, boolean keepDistinct) {
        this.keepValues = keepValues;
        this.keepDistinct = keepDistinct;
    }

    /** Adds a record without a field value, standing for {@code weight} events. */
    void addEvent(double weight) {
        count += weight;
    }

    /** Adds a record with numeric field value {@code value}, standing for {@code weight} events. */
    void addValue(double value, double weight) {
        count += weight;
        valueCount++;
        sum.add(value);
        weightedSum.add(value, weight);
        min = Math.min(min, value);
        max = Math.max(max, value);

        // Weighted Welford update of the mean and the sum of squared deviations. The mean moves as a convex
        // combination, because value - mean overflows when the two have opposite signs near ±1.8e308.
        valueWeight += weight;
        double share = weight / valueWeight;
        double delta = value - mean;
        mean = mean * (1.0 - share) + value * share;
        squaredDeviations += weight * delta * (value - mean);

        if (keepValues) {
            if (values == null) {
                values = new double[8];
                weights = new double[8];
            } else if (valueCount > values.length) {
                values = Arrays.copyOf(values, values.length * 2);
                weights = Arrays.copyOf(weights, weights.length * 2);
            }
            values[valueCount - 1] = value;
            weights[valueCount - 1] = weight;
        }
    }

    /** Adds a record whose distinct-count field has string value {@code value}. */
    void addDistinct(String value, double weight) {
        count += weight;
        valueCount++;
        if (distinct == null) {
            distinct = new HashSet<>();
        }
        distinct.add(value);
    }

    /**
     * Returns the statistics of records whose influencer field {@code fieldIndex} (of {@code fieldCount}) has
     * {@code value}, creating them on first use.
     */
    @SuppressWarnings("unchecked")
    BucketStatistics influencerValue(int fieldIndex, int fieldCount, String value) {
        if (influencerStatistics == null) {
            influencerStatistics = new Map[fieldCount];
        }
        Map<String, BucketStatistics> byValue = influencerStatistics[fieldIndex];
        if (byValue == null) {
            byValue = new HashMap<>();
            influencerStatistics[fieldIndex] = byValue;
        }
        BucketStatistics statistics = byValue.get(value);
        if (statistics == null) {
            statistics = new BucketStatistics(keepValues, keepDistinct);
            byValue.put(value, statistics);
        }
        return statistics;
    }

    /** Returns the per-value statistics of influencer field {@code fieldIndex}, empty when none were kept. */
    Map<String, BucketStatistics> influencerValues(int fieldIndex) {
        if (influencerStatistics == null || influencerStatistics[fieldIndex] == null) {
            return Map.of();
        }
        return influencerStatistics[fieldIndex];
    }

    /** Returns true when the bucket has no value for {@code feature}: no records, or none with a field value. */
    boolean isEmpty(Feature feature) {
        return feature.needsFieldValue() ? valueCount == 0 : count == 0.0;
    }

    /** Returns the number of records with a field value, whatever their weights. */
    long valueCount() {
        return valueCount;
    }

    /** Returns the number of events the feature value summarizes: the weight of the values, or of the records. */
    double valueWeight(Feature feature) {
        return feature.needsFieldValue() && !feature.keepsDistinct() ? valueWeight : count;
    }

    /**
     * Returns the feature's value. The caller checks {@link #isEmpty} for features that skip empty buckets. A sum or
     * variance beyond the largest double is returned as ±{@link Double#MAX_VALUE}, so that the model judges it as the
     * extreme value it is instead of skipping an infinite one. Sums and means are compensated sums, so opposite
     * extremes such as +1e308 and -1e308 cancel without an infinite or NaN step.
     */
    double value(Feature feature) {
        double value = rawValue(feature);
        return Double.isInfinite(value) ? Math.copySign(Double.MAX_VALUE, value) : value;
    }

    private double rawValue(Feature feature) {
        return switch (feature) {
            case COUNT, NON_ZERO_COUNT -> count;
            case DISTINCT_COUNT -> distinct == null ? 0.0 : distinct.size();
            case INFO_CONTENT -> distinct == null ? 0.0 : InformationContent.bytesOf(distinct);
            case TIME_OF_DAY, TIME_OF_WEEK -> mean;
            case RARE, FREQ_RARE -> count;
            case LAT_LONG -> Double.NaN;
            case MEAN -> valueWeight > 0.0 ? weightedSum.dividedBy(valueWeight) : mean;
            case MEDIAN -> median();
            case MIN -> min;
            case MAX -> max;
            case SUM, NON_NULL_SUM -> sum.value();
            case VARP -> valueWeight > 0.0 ? squaredDeviations / valueWeight : 0.0;
        };
    }

    /**
     * Returns the feature's value over this bucket's records less those of {@code part}, for the counts, sums, means
     * and variances whose influence is measured by leaving a value out; NaN when nothing is left. For the median the
     * mean of the remaining values replaces their median, because the values are not kept per influencer.
     */
    double valueWithout(Feature feature, BucketStatistics part) {
        return switch (feature) {
            case COUNT, NON_ZERO_COUNT -> count - part.count;
            case SUM, NON_NULL_SUM -> sum.minus(part.sum);
            case MEAN, MEDIAN -> meanWithout(part);
            case VARP -> varianceWithout(part);
            default -> throw new IllegalArgumentException("no leave-one-out value for feature " + feature);
        };
    }

    private double meanWithout(BucketStatistics part) {
        double restWeight = valueWeight - part.valueWeight;
        if (restWeight <= 0.0) {
            return Double.NaN;
        }
        return weightedSum.minusDividedBy(part.weightedSum, restWeight);
    }

    /** Inverts the parallel-variance combination (Chan et al. 1979) to remove {@code part}'s values. */
    private double varianceWithout(BucketStatistics part) {
        double restWeight = valueWeight - part.valueWeight;
        if (restWeight <= 0.0) {
            return Double.NaN;
        }
        double restMean = meanWithout(part);
        double delta = part.mean - restMean;
        double restSquaredDeviations = squaredDeviations
                - part.squaredDeviations
                - delta * delta * restWeight * part.valueWeight / valueWeight;
        return Math.max(restSquaredDeviations, 0.0) / restWeight;
    }

    /** Returns the weighted median: the smallest value whose cumulative weight reaches half the total. */
    private double median() {
        if (valueCount == 0) {
            return Double.NaN;
        }
        Integer[] order = new Integer[valueCount];
        for (int i = 0; i < valueCount; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double half = valueWeight / 2.0;
        double cumulative = 0.0;
        for (int i = 0; i < valueCount; i++) {
            cumulative += weights[order[i]];
            if (cumulative >= half) {
                if (cumulative == half && i + 1 < valueCount) {
                    return (values[order[i]] + values[order[i + 1]]) / 2.0;
                }
                return values[order[i]];
            }
        }
        return values[order[valueCount - 1]];
    }

    /** Returns an estimate of the heap these statistics retain, in bytes, without influencer values. */
    long memoryBytes() {
        long bytes = 96L + 2 * 32L;
        if (values != null) {
            bytes += 16L * values.length + 32L;
        }
        if (distinct != null) {
            bytes += 64L * distinct.size() + 64L;
        }
        return bytes;
    }
}
