package io.vigil.ingest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * Reads record times in a job's {@code time_format}: {@code epoch} (seconds, possibly fractional),
 * {@code epoch_ms} (milliseconds) or a {@link DateTimeFormatter} pattern. A pattern without a zone or offset is
 * read as UTC, and a pattern without a time of day means the start of the day.
 */
final class TimeParser {

    private final Format format;
    private final DateTimeFormatter formatter;

    private enum Format {
        EPOCH_SECONDS,
        EPOCH_MILLIS,
        PATTERN
    }

    private TimeParser(Format format, DateTimeFormatter formatter) {
        this.format = format;
        this.formatter = formatter;
    }

    /** Returns the parser of {@code timeFormat}; null means {@code epoch_ms}, the API default. */
    static TimeParser of(String timeFormat) {
        if (timeFormat == null || timeFormat.equals("epoch_ms")) {
            return new TimeParser(Format.EPOCH_MILLIS, null);
        }
        if (timeFormat.equals("epoch")) {
            return new TimeParser(Format.EPOCH_SECONDS, null);
        }
        return new TimeParser(Format.PATTERN, DateTimeFormatter.ofPattern(timeFormat));
    }

    /**
     * Returns the time of {@code text} in epoch milliseconds.
     *
     * @throws DateTimeException when the text is not a time in this format
     */
    long parseMillis(String text) {
        return switch (format) {
            case EPOCH_SECONDS -> parseDecimal(text, 3);
            case EPOCH_MILLIS -> parseDecimal(text, 0);
            case PATTERN -> parsePattern(text);
        };
    }

    /**
     * Parses a decimal number and scales it by 10^{@code shift}, truncating further fraction digits, without
     * floating point: {@code 1403481600.5} seconds is 1403481600500 ms exactly.
     */
    private static long parseDecimal(String text, int shift) {
        String trimmed = text.trim();
        int dot = trimmed.indexOf('.');
        String whole = dot < 0 ? trimmed : trimmed.substring(0, dot);
        String fraction = dot < 0 ? "" : trimmed.substring(dot + 1);
        if (whole.isEmpty() || whole.equals("-") || !fraction.chars().allMatch(Character::isDigit)) {
            throw new DateTimeException("not a number: " + text);
        }
        try {
            long value = Long.parseLong(whole);
            long scale = 1;
            long fractionPart = 0;
            for (int i = 0; i < shift; i++) {
                scale *= 10;
                fractionPart = fractionPart * 10 + (i < fraction.length() ? fraction.charAt(i) - '0' : 0);
            }
            long scaled = Math.multiplyExact(value, scale);
            return whole.startsWith("-") ? scaled - fractionPart : scaled + fractionPart;
        } catch (NumberFormatException | ArithmeticException e) {
            throw new DateTimeException("not a time in range: " + text);
        }
    }

    private long parsePattern(String text) {
        TemporalAccessor parsed = formatter.parse(text.trim());
        if (parsed.isSupported(ChronoField.INSTANT_SECONDS)) {
            return Instant.from(parsed).toEpochMilli();
        }
        LocalDate date = LocalDate.from(parsed);
        LocalTime time = parsed.isSupported(ChronoField.NANO_OF_DAY) ? LocalTime.from(parsed) : LocalTime.MIDNIGHT;
        return LocalDateTime.of(date, time).toInstant(ZoneOffset.UTC).toEpochMilli();
    }
}
