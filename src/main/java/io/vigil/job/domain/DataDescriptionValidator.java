package io.vigil.job.domain;

import io.vigil.job.DataDescription;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * Validates a {@code data_description}: {@code time_field} defaults to {@code time}, {@code time_format} to
 * {@code epoch_ms} and may be {@code epoch} or a {@link DateTimeFormatter} pattern from which a timestamp can be
 * derived. {@code format} accepts only {@code xcontent}; the legacy {@code delimited} is converted silently, as
 * Elasticsearch does, and neither is stored.
 */
final class DataDescriptionValidator {

    private DataDescriptionValidator() {}

    static DataDescription validate(DataDescription description) {
        checkFormat(description.format());
        String timeField = description.timeField() == null ? JobDefaults.TIME_FIELD : description.timeField();
        String timeFormat = description.timeFormat() == null ? JobDefaults.TIME_FORMAT : description.timeFormat();
        if (!timeFormat.equals("epoch") && !timeFormat.equals("epoch_ms")) {
            checkPattern(timeFormat);
        }
        return new DataDescription(null, timeField, timeFormat, null, null);
    }

    private static void checkFormat(String format) {
        if (format == null) {
            return;
        }
        String normalized = format.toLowerCase(Locale.ROOT);
        if (!normalized.equals("xcontent") && !normalized.equals("delimited")) {
            throw ConfigErrors.illegalArgument("data_description.format [" + format
                    + "] is not supported; the only format is xcontent (JSON, NDJSON or CSV bodies of _data)");
        }
    }

    /**
     * Rejects a pattern that does not compile or from which no date and time can be read back: the epoch instant
     * is formatted with the pattern and parsed again, with the current year filled in when the pattern has none.
     */
    private static void checkPattern(String pattern) {
        try {
            DateTimeFormatter formatter = new DateTimeFormatterBuilder()
                    .parseLenient()
                    .appendPattern(pattern)
                    .parseDefaulting(
                            ChronoField.YEAR_OF_ERA,
                            LocalDateTime.now(ZoneOffset.UTC).getYear())
                    .toFormatter(Locale.ROOT);
            String formatted = formatter.format(Instant.EPOCH.atZone(ZoneOffset.UTC));
            TemporalAccessor parsed = formatter.parse(formatted);
            if (parsed.isSupported(ChronoField.INSTANT_SECONDS)) {
                Instant.from(parsed);
            } else {
                LocalDateTime.from(parsed);
            }
        } catch (IllegalArgumentException | DateTimeException e) {
            throw ConfigErrors.invalid("Invalid Time format string '" + pattern + "'");
        }
    }
}
