package io.vigil.bench.nab;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/** NAB's timestamp text: {@code 2014-07-01 00:30:00} in UTC, with an optional fraction in label files. */
final class NabTimestamps {

    /** The pattern of the {@code timestamp} column, as a {@link DateTimeFormatter} pattern. */
    static final String PATTERN = "yyyy-MM-dd HH:mm:ss";

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern(PATTERN);

    /** Accepts the data files' form and the label files' form with a fraction, {@code 2014-07-01 00:30:00.000000}. */
    private static final DateTimeFormatter PARSER = new DateTimeFormatterBuilder()
            .appendPattern(PATTERN)
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .optionalEnd()
            .toFormatter();

    private NabTimestamps() {}

    /** Returns epoch milliseconds of a NAB timestamp read as UTC. */
    static long parseMillis(String text) {
        try {
            return LocalDateTime.parse(text.trim(), PARSER)
                    .toInstant(ZoneOffset.UTC)
                    .toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "Invalid NAB timestamp [" + text + "]; expected " + PATTERN + " with an optional fraction", e);
        }
    }

    /** Returns the data files' text of an epoch-millisecond time, read as UTC. */
    static String format(long epochMillis) {
        return FORMAT.format(LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC));
    }
}
