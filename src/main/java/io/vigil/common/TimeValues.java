package io.vigil.common;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and formats Elasticsearch time values such as {@code 5m}, {@code 90s}, {@code 1h} or {@code 500ms}, the
 * form of {@code bucket_span}, {@code latency} and {@code background_persist_interval}.
 */
public final class TimeValues {

    private static final Pattern TIME_VALUE = Pattern.compile("(-?\\d+)(nanos|micros|ms|s|m|h|d)");
    private static final Pattern FRACTION = Pattern.compile("-?\\d*\\.\\d+(nanos|micros|ms|s|m|h|d)");

    private TimeValues() {}

    /**
     * Parses {@code text} for the setting {@code settingName}.
     *
     * @throws VigilException 400 naming the setting and the value when the text is not a time value
     */
    public static Duration parse(String text, String settingName) {
        Matcher matcher = TIME_VALUE.matcher(text == null ? "" : text.trim());
        if (text != null && FRACTION.matcher(text.trim()).matches()) {
            throw VigilException.badRequest("failed to parse setting [" + settingName + "] with value [" + text
                    + "] as a time value: fractional time values are not supported; use a whole number of a smaller "
                    + "unit, for example [90m] for 1.5h");
        }
        if (!matcher.matches()) {
            throw VigilException.badRequest("failed to parse setting [" + settingName + "] with value [" + text
                    + "] as a time value: unit is missing or unrecognized; use a number with one of the units "
                    + "d, h, m, s, ms, micros or nanos, for example [5m]");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "nanos" -> Duration.ofNanos(amount);
            case "micros" -> Duration.ofNanos(amount * 1000);
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    /** Formats a duration in the largest unit that represents it exactly, for example 3600 s as {@code 1h}. */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis == 0 || duration.toNanos() % 1_000_000 != 0) {
            return duration.toNanos() + "nanos";
        }
        if (millis % 86_400_000 == 0) {
            return millis / 86_400_000 + "d";
        }
        if (millis % 3_600_000 == 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        }
        if (millis % 1000 == 0) {
            return millis / 1000 + "s";
        }
        return millis + "ms";
    }
}
