package io.vigil.engine;

import io.vigil.analytics.SeriesKind;

/**
 * A bucket statistic that a detector function models, with how it treats empty buckets, which influence calculation
 * explains it, and whether interim values are corrected for missing data.
 */
enum Feature {
    COUNT("count", SeriesKind.COUNT, EmptyBucket.ZERO, InfluenceMethod.COMPLEMENT, false),
    NON_ZERO_COUNT("count", SeriesKind.COUNT, EmptyBucket.SKIP, InfluenceMethod.COMPLEMENT, false),
    DISTINCT_COUNT("distinct_count", SeriesKind.COUNT, EmptyBucket.ZERO, InfluenceMethod.INTERSECTION, true),
    MEAN("mean", SeriesKind.METRIC, EmptyBucket.SKIP, InfluenceMethod.MEAN, true),
    MEDIAN("median", SeriesKind.METRIC, EmptyBucket.SKIP, InfluenceMethod.MEAN, true),
    MIN("min", SeriesKind.METRIC, EmptyBucket.SKIP, InfluenceMethod.INTERSECTION, true),
    MAX("max", SeriesKind.METRIC, EmptyBucket.SKIP, InfluenceMethod.INTERSECTION, true),
    SUM("sum", SeriesKind.METRIC, EmptyBucket.ZERO, InfluenceMethod.COMPLEMENT, true),
    NON_NULL_SUM("sum", SeriesKind.METRIC, EmptyBucket.SKIP, InfluenceMethod.COMPLEMENT, true),
    VARP("varp", SeriesKind.METRIC, EmptyBucket.SKIP, InfluenceMethod.VARIANCE, true),
    INFO_CONTENT("info_content", SeriesKind.METRIC, EmptyBucket.ZERO, InfluenceMethod.INTERSECTION, true),
    TIME_OF_DAY("time", SeriesKind.METRIC, EmptyBucket.SKIP, InfluenceMethod.INDICATOR, false),
    TIME_OF_WEEK("time", SeriesKind.METRIC, EmptyBucket.SKIP, InfluenceMethod.INDICATOR, false),
    RARE("rare", SeriesKind.COUNT, EmptyBucket.SKIP, InfluenceMethod.INDICATOR, false),
    FREQ_RARE("freq_rare", SeriesKind.COUNT, EmptyBucket.SKIP, InfluenceMethod.INDICATOR, false),
    LAT_LONG("lat_long", SeriesKind.METRIC, EmptyBucket.SKIP, InfluenceMethod.INDICATOR, true);

    /** The treatment of a bucket without records. */
    enum EmptyBucket {
        /** The value is 0, and the bucket is modelled. */
        ZERO,
        /** The bucket is skipped: no value, no assessment, no learning. */
        SKIP
    }

    /**
     * The measure of one influencer value's influence on an anomalous bucket value (after Elastic ml-cpp's
     * {@code CProbabilityAndInfluenceCalculator}).
     */
    enum InfluenceMethod {
        /** The drop in rarity of the bucket without the value's contribution (counts and sums). */
        COMPLEMENT,
        /** The rarity of the value's own statistic (minimum, maximum, distinct count). */
        INTERSECTION,
        /** The drop in rarity of the mean of the other values. */
        MEAN,
        /** The drop in rarity of the variance of the other values. */
        VARIANCE,
        /** Every value present explains the result fully (times, locations and rare values). */
        INDICATOR
    }

    private final String description;
    private final SeriesKind kind;
    private final EmptyBucket emptyBucket;
    private final InfluenceMethod influenceMethod;
    private final boolean needsFieldValue;

    Feature(
            String description,
            SeriesKind kind,
            EmptyBucket emptyBucket,
            InfluenceMethod influenceMethod,
            boolean needsFieldValue) {
        this.description = description;
        this.kind = kind;
        this.emptyBucket = emptyBucket;
        this.influenceMethod = influenceMethod;
        this.needsFieldValue = needsFieldValue;
    }

    /** Returns the name written as a record's {@code function_description}. */
    String description() {
        return description;
    }

    SeriesKind kind() {
        return kind;
    }

    EmptyBucket emptyBucket() {
        return emptyBucket;
    }

    InfluenceMethod influenceMethod() {
        return influenceMethod;
    }

    /** Returns true when the feature reads the detector's {@code field_name} rather than counting records. */
    boolean needsFieldValue() {
        return needsFieldValue;
    }

    /**
     * Returns true for numeric fields: every feature except the distinct count and information content, which take
     * any string, and locations.
     */
    boolean numeric() {
        return this != DISTINCT_COUNT && this != INFO_CONTENT && this != LAT_LONG;
    }

    /** Returns true when the feature keeps the set of distinct field values of a bucket. */
    boolean keepsDistinct() {
        return this == DISTINCT_COUNT || this == INFO_CONTENT;
    }

    /** Returns true when the feature models the time of its events within a day or week. */
    boolean timeOfPeriod() {
        return this == TIME_OF_DAY || this == TIME_OF_WEEK;
    }

    /**
     * Returns true when a partial bucket's value grows with the data still to come, so interim results correct it
     * towards typical (counts and sums).
     */
    boolean grows() {
        return influenceMethod == InfluenceMethod.COMPLEMENT || keepsDistinct();
    }

    /**
     * Returns true for the sums, whose model also judges the sum given its number of values, so it receives that
     * number as its count weight.
     */
    boolean countConditioned() {
        return this == SUM || this == NON_NULL_SUM;
    }

    /**
     * Returns true when the statistic is an average whose spread shrinks with more values, so the model receives the
     * number of values it summarizes (means, medians, variances).
     */
    boolean countWeighted() {
        return influenceMethod == InfluenceMethod.MEAN || influenceMethod == InfluenceMethod.VARIANCE;
    }
}
