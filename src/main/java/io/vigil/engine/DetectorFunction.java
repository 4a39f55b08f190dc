package io.vigil.engine;

import io.vigil.analytics.Side;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The detector functions this engine runs: the features each models and which side of the model is anomalous. The
 * sides follow Elastic's definitions: {@code low_*} and {@code min} flag only low values, {@code high_*} and
 * {@code max} only high values, the rest both.
 */
enum DetectorFunction {
    COUNT("count", Side.TWO_SIDED, Feature.COUNT),
    HIGH_COUNT("high_count", Side.ABOVE, Feature.COUNT),
    LOW_COUNT("low_count", Side.BELOW, Feature.COUNT),
    NON_ZERO_COUNT("non_zero_count", Side.TWO_SIDED, Feature.NON_ZERO_COUNT),
    HIGH_NON_ZERO_COUNT("high_non_zero_count", Side.ABOVE, Feature.NON_ZERO_COUNT),
    LOW_NON_ZERO_COUNT("low_non_zero_count", Side.BELOW, Feature.NON_ZERO_COUNT),
    DISTINCT_COUNT("distinct_count", Side.TWO_SIDED, Feature.DISTINCT_COUNT),
    HIGH_DISTINCT_COUNT("high_distinct_count", Side.ABOVE, Feature.DISTINCT_COUNT),
    LOW_DISTINCT_COUNT("low_distinct_count", Side.BELOW, Feature.DISTINCT_COUNT),
    MEAN("mean", Side.TWO_SIDED, Feature.MEAN),
    HIGH_MEAN("high_mean", Side.ABOVE, Feature.MEAN),
    LOW_MEAN("low_mean", Side.BELOW, Feature.MEAN),
    MEDIAN("median", Side.TWO_SIDED, Feature.MEDIAN),
    HIGH_MEDIAN("high_median", Side.ABOVE, Feature.MEDIAN),
    LOW_MEDIAN("low_median", Side.BELOW, Feature.MEDIAN),
    MIN("min", Side.BELOW, Feature.MIN),
    MAX("max", Side.ABOVE, Feature.MAX),
    SUM("sum", Side.TWO_SIDED, Feature.SUM),
    HIGH_SUM("high_sum", Side.ABOVE, Feature.SUM),
    LOW_SUM("low_sum", Side.BELOW, Feature.SUM),
    NON_NULL_SUM("non_null_sum", Side.TWO_SIDED, Feature.NON_NULL_SUM),
    HIGH_NON_NULL_SUM("high_non_null_sum", Side.ABOVE, Feature.NON_NULL_SUM),
    LOW_NON_NULL_SUM("low_non_null_sum", Side.BELOW, Feature.NON_NULL_SUM),
    VARP("varp", Side.TWO_SIDED, Feature.VARP),
    HIGH_VARP("high_varp", Side.ABOVE, Feature.VARP),
    LOW_VARP("low_varp", Side.BELOW, Feature.VARP),
    METRIC("metric", Side.TWO_SIDED, Feature.MIN, Feature.MEAN, Feature.MAX),
    INFO_CONTENT("info_content", Side.TWO_SIDED, Feature.INFO_CONTENT),
    HIGH_INFO_CONTENT("high_info_content", Side.ABOVE, Feature.INFO_CONTENT),
    LOW_INFO_CONTENT("low_info_content", Side.BELOW, Feature.INFO_CONTENT),
    TIME_OF_DAY("time_of_day", Side.TWO_SIDED, Feature.TIME_OF_DAY),
    TIME_OF_WEEK("time_of_week", Side.TWO_SIDED, Feature.TIME_OF_WEEK),
    RARE("rare", Side.TWO_SIDED, Feature.RARE),
    FREQ_RARE("freq_rare", Side.TWO_SIDED, Feature.FREQ_RARE),
    LAT_LONG("lat_long", Side.TWO_SIDED, Feature.LAT_LONG);

    /** Short names that Elastic accepts for some functions. */
    private static final Map<String, String> ALIASES = Map.of(
            "nzc", "non_zero_count",
            "high_nzc", "high_non_zero_count",
            "low_nzc", "low_non_zero_count",
            "dc", "distinct_count",
            "high_dc", "high_distinct_count",
            "low_dc", "low_distinct_count",
            "avg", "mean",
            "high_avg", "high_mean",
            "low_avg", "low_mean");

    private final String functionName;
    private final Side side;
    private final List<Feature> features;

    DetectorFunction(String functionName, Side side, Feature... features) {
        this.functionName = functionName;
        this.side = side;
        this.features = List.of(features);
    }

    /** Returns the function of a detector's {@code function} setting, aliases included, or empty if not run here. */
    static Optional<DetectorFunction> of(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String lower = name.toLowerCase(Locale.ROOT);
        String expanded = ALIASES.getOrDefault(lower, lower);
        for (DetectorFunction function : values()) {
            if (function.functionName.equals(expanded)) {
                return Optional.of(function);
            }
        }
        return Optional.empty();
    }

    /** Returns the function name as written in results. */
    String functionName() {
        return functionName;
    }

    /**
     * Returns the side of the model that is anomalous for a feature. {@code metric} models its minimum below only and
     * its maximum above only, like the {@code min} and {@code max} functions.
     */
    Side side(Feature feature) {
        if (this != METRIC) {
            return side;
        }
        if (feature == Feature.MIN) {
            return Side.BELOW;
        }
        return feature == Feature.MAX ? Side.ABOVE : Side.TWO_SIDED;
    }

    List<Feature> features() {
        return features;
    }

    /** Returns true when the function reads {@code field_name}. */
    boolean needsFieldValue() {
        return features.get(0).needsFieldValue();
    }

    /** Returns true for {@code rare} and {@code freq_rare}, which judge how rare by values are. */
    boolean rare() {
        return this == RARE || this == FREQ_RARE;
    }
}
