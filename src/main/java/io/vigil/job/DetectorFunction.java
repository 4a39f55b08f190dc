package io.vigil.job;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The detector functions of the anomaly detection API with the fields each one needs. Stored configurations always
 * use the full names: a short alias such as {@code nzc} or {@code avg} is expanded when a job is created.
 */
public enum DetectorFunction {
    COUNT(Needs.NOTHING),
    HIGH_COUNT(Needs.NOTHING),
    LOW_COUNT(Needs.NOTHING),
    NON_ZERO_COUNT(Needs.NOTHING_NO_OVER, "nzc"),
    HIGH_NON_ZERO_COUNT(Needs.NOTHING_NO_OVER, "high_nzc"),
    LOW_NON_ZERO_COUNT(Needs.NOTHING_NO_OVER, "low_nzc"),
    DISTINCT_COUNT(Needs.FIELD, "dc"),
    HIGH_DISTINCT_COUNT(Needs.FIELD, "high_dc"),
    LOW_DISTINCT_COUNT(Needs.FIELD, "low_dc"),
    RARE(Needs.BY),
    FREQ_RARE(Needs.BY_AND_OVER),
    INFO_CONTENT(Needs.FIELD),
    HIGH_INFO_CONTENT(Needs.FIELD),
    LOW_INFO_CONTENT(Needs.FIELD),
    METRIC(Needs.FIELD),
    MEAN(Needs.FIELD, "avg"),
    HIGH_MEAN(Needs.FIELD, "high_avg"),
    LOW_MEAN(Needs.FIELD, "low_avg"),
    MEDIAN(Needs.FIELD),
    HIGH_MEDIAN(Needs.FIELD),
    LOW_MEDIAN(Needs.FIELD),
    MIN(Needs.FIELD),
    MAX(Needs.FIELD),
    SUM(Needs.FIELD),
    HIGH_SUM(Needs.FIELD),
    LOW_SUM(Needs.FIELD),
    NON_NULL_SUM(Needs.FIELD),
    HIGH_NON_NULL_SUM(Needs.FIELD),
    LOW_NON_NULL_SUM(Needs.FIELD),
    VARP(Needs.FIELD),
    HIGH_VARP(Needs.FIELD),
    LOW_VARP(Needs.FIELD),
    TIME_OF_DAY(Needs.NOTHING),
    TIME_OF_WEEK(Needs.NOTHING),
    LAT_LONG(Needs.FIELD);

    /** Which analysis fields a function requires or forbids. */
    private enum Needs {
        NOTHING,
        NOTHING_NO_OVER,
        FIELD,
        BY,
        BY_AND_OVER
    }

    private final Needs needs;
    private final List<String> aliases;

    DetectorFunction(Needs needs, String... aliases) {
        this.needs = needs;
        this.aliases = List.of(aliases);
    }

    /** Returns the full name used in the API, for example {@code non_zero_count}. */
    public String fullName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Returns the function with this full name or alias. */
    public static Optional<DetectorFunction> fromName(String name) {
        for (DetectorFunction function : values()) {
            if (function.fullName().equals(name) || function.aliases.contains(name)) {
                return Optional.of(function);
            }
        }
        return Optional.empty();
    }

    /** Whether the function analyses the numbers of its field_name: the metric functions, metric to low_varp. */
    public boolean analysesNumbers() {
        return compareTo(METRIC) >= 0 && compareTo(LOW_VARP) <= 0;
    }

    /** Whether the function may run without any of field_name, by_field_name and over_field_name. */
    public boolean countsWithoutFields() {
        return needs == Needs.NOTHING || needs == Needs.NOTHING_NO_OVER;
    }

    /** Whether field_name is required; every other function rejects field_name. */
    public boolean requiresFieldName() {
        return needs == Needs.FIELD;
    }

    public boolean requiresByField() {
        return needs == Needs.BY || needs == Needs.BY_AND_OVER;
    }

    public boolean requiresOverField() {
        return needs == Needs.BY_AND_OVER;
    }

    /** Whether over_field_name is rejected: the non-zero count functions analyse each series on its own. */
    public boolean forbidsOverField() {
        return needs == Needs.NOTHING_NO_OVER;
    }

    /**
     * Whether custom rule conditions on actual or typical values are rejected: {@code lat_long} is multivariate,
     * {@code metric} models three values at once, and the values of {@code rare} and {@code freq_rare} are not
     * something a user can anticipate. Conditions on time remain allowed.
     */
    public boolean rejectsValueConditions() {
        return this == LAT_LONG || this == METRIC || this == RARE || this == FREQ_RARE;
    }

    @Override
    public String toString() {
        return fullName();
    }
}
