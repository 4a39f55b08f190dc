package io.vigil.common;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.Optional;

/**
 * Parses the date parameters of the API into epoch milliseconds. Accepted forms, as in Elasticsearch:
 * <ul>
 * <li>ISO 8601 with optional parts ({@code 2016-06-01}, {@code 2016-06-01T00:00:00Z}); a value without a zone is
 * UTC;</li>
 * <li>epoch milliseconds as a number string, or epoch seconds for the flush and post-data parameters, where a number
 * of at most 10 digits means seconds;</li>
 * <li>date math: {@code now}, {@code now-1d}, {@code now/d}, {@code 2016-06-01||+1M/d}, with units
 * y, M, w, d, h, H, m, s.</li>
 * </ul>
 */
public final class DateParser {

    // strict_date_optional_time: yyyy[-MM[-dd[THH[:mm[:ss[.fraction]]]]]][zone]
    private static final DateTimeFormatter OPTIONAL_TIME = new DateTimeFormatterBuilder()
            .appendValue(ChronoField.YEAR, 4)
            .optionalStart()
            .appendLiteral('-')
            .appendValue(ChronoField.MONTH_OF_YEAR, 2)
            .optionalStart()
            .appendLiteral('-')
            .appendValue(ChronoField.DAY_OF_MONTH, 2)
            .optionalStart()
            .appendLiteral('T')
            .appendValue(ChronoField.HOUR_OF_DAY, 2)
            .optionalStart()
            .appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart()
            .appendLiteral(':')
            .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
            .optionalEnd()
            .optionalEnd()
            .optionalEnd()
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HH:MM", "Z")
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HHMM", "Z")
            .optionalEnd()
            .optionalEnd()
            .optionalEnd()
            .toFormatter();

    private final Clock clock;

    public DateParser(Clock clock) {
        this.clock = clock;
    }

    public static DateParser systemUtc() {
        return new DateParser(Clock.systemUTC());
    }

    /**
     * Parses a date of the results endpoints (ISO 8601, epoch milliseconds or date math).
     *
     * @throws VigilException 400 {@code parse_exception} naming the parameter and value
     */
    public long parseResultsDate(String parameter, String value) {
        return parse(value, false)
                .orElseThrow(() -> VigilException.parseError("failed to parse date field ["
                        + value + "] of parameter [" + parameter
                        + "] with format [strict_date_optional_time||epoch_millis]; "
                        + "use an ISO 8601 date such as 2016-06-01T00:00:00Z, epoch milliseconds or date math such as "
                        + "now-1d"));
    }

    /**
     * Parses a date of the overall-buckets endpoint (ISO 8601, epoch milliseconds or date math).
     *
     * @throws VigilException 400 {@code parse_exception} with the message Elasticsearch clients match on
     */
    public long parseQueryParamDate(String parameter, String value) {
        return parse(value, false).orElseThrow(() -> queryParamError(parameter, value));
    }

    /**
     * Parses a date of the flush and post-data endpoints, where a number of at most 10 digits is epoch seconds and
     * a longer one epoch milliseconds.
     *
     * @throws VigilException 400 {@code parse_exception} with the message Elasticsearch clients match on
     */
    public long parseFlushDate(String parameter, String value) {
        return parse(value, true).orElseThrow(() -> queryParamError(parameter, value));
    }

    private static VigilException queryParamError(String parameter, String value) {
        return VigilException.parseError("Query param [" + parameter + "] with value [" + value
                + "] cannot be parsed as a date or converted to a number (epoch).");
    }

    private Optional<Long> parse(String value, boolean shortNumbersAreSeconds) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.trim();
        if (text.matches("-?\\d+")) {
            return parseEpoch(text, shortNumbersAreSeconds);
        }
        try {
            return Optional.of(parseDateMath(text));
        } catch (DateTimeException | ArithmeticException | IllegalArgumentException invalid) {
            return Optional.empty();
        }
    }

    private static Optional<Long> parseEpoch(String digits, boolean shortNumbersAreSeconds) {
        try {
            long number = Long.parseLong(digits);
            String unsigned = digits.startsWith("-") ? digits.substring(1) : digits;
            boolean seconds = shortNumbersAreSeconds && unsigned.length() <= 10;
            return Optional.of(seconds ? Math.multiplyExact(number, 1000L) : number);
        } catch (NumberFormatException | ArithmeticException tooLarge) {
            return Optional.empty();
        }
    }

    private long parseDateMath(String text) {
        ZonedDateTime anchor;
        String math;
        if (text.startsWith("now")) {
            anchor = ZonedDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
            math = text.substring(3);
        } else {
            int separator = text.indexOf("||");
            String date = separator < 0 ? text : text.substring(0, separator);
            math = separator < 0 ? "" : text.substring(separator + 2);
            anchor = parseIsoDate(date);
        }
        return applyMath(anchor, math).toInstant().toEpochMilli();
    }

    private static ZonedDateTime parseIsoDate(String date) {
        if (date.matches("-?\\d+")) {
            return ZonedDateTime.ofInstant(Instant.ofEpochMilli(Long.parseLong(date)), ZoneOffset.UTC);
        }
        TemporalAccessor parsed;
        try {
            parsed = OPTIONAL_TIME.parse(date);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(e);
        }
        int year = parsed.get(ChronoField.YEAR);
        int month = parsed.isSupported(ChronoField.MONTH_OF_YEAR) ? parsed.get(ChronoField.MONTH_OF_YEAR) : 1;
        int day = parsed.isSupported(ChronoField.DAY_OF_MONTH) ? parsed.get(ChronoField.DAY_OF_MONTH) : 1;
        int hour = parsed.isSupported(ChronoField.HOUR_OF_DAY) ? parsed.get(ChronoField.HOUR_OF_DAY) : 0;
        int minute = parsed.isSupported(ChronoField.MINUTE_OF_HOUR) ? parsed.get(ChronoField.MINUTE_OF_HOUR) : 0;
        int second = parsed.isSupported(ChronoField.SECOND_OF_MINUTE) ? parsed.get(ChronoField.SECOND_OF_MINUTE) : 0;
        int nano = parsed.isSupported(ChronoField.NANO_OF_SECOND) ? parsed.get(ChronoField.NANO_OF_SECOND) : 0;
        ZoneOffset offset = parsed.isSupported(ChronoField.OFFSET_SECONDS)
                ? ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS))
                : ZoneOffset.UTC;
        LocalDateTime local =
                LocalDateTime.of(LocalDate.of(year, month, day), LocalTime.of(hour, minute, second, nano));
        return OffsetDateTime.of(local, offset).atZoneSameInstant(ZoneOffset.UTC);
    }

    private static ZonedDateTime applyMath(ZonedDateTime anchor, String math) {
        ZonedDateTime time = anchor;
        int i = 0;
        while (i < math.length()) {
            char op = math.charAt(i++);
            if (op == '/') {
                time = roundDown(time, unitAt(math, i++));
                continue;
            }
            if (op != '+' && op != '-') {
                throw new IllegalArgumentException("unexpected character in date math: " + op);
            }
            int start = i;
            while (i < math.length() && Character.isDigit(math.charAt(i))) {
                i++;
            }
            long amount = start == i ? 1 : Long.parseLong(math.substring(start, i));
            ChronoUnit unit = unitAt(math, i++);
            time = op == '+' ? time.plus(amount, unit) : time.minus(amount, unit);
        }
        return time;
    }

    private static ChronoUnit unitAt(String math, int index) {
        if (index >= math.length()) {
            throw new IllegalArgumentException("date math is missing a unit");
        }
        return switch (math.charAt(index)) {
            case 'y' -> ChronoUnit.YEARS;
            case 'M' -> ChronoUnit.MONTHS;
            case 'w' -> ChronoUnit.WEEKS;
            case 'd' -> ChronoUnit.DAYS;
            case 'h', 'H' -> ChronoUnit.HOURS;
            case 'm' -> ChronoUnit.MINUTES;
            case 's' -> ChronoUnit.SECONDS;
            default -> throw new IllegalArgumentException("unknown date math unit: " + math.charAt(index));
        };
    }

    private static ZonedDateTime roundDown(ZonedDateTime time, ChronoUnit unit) {
        return switch (unit) {
            case YEARS -> time.withDayOfYear(1).truncatedTo(ChronoUnit.DAYS);
            case MONTHS -> time.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS);
            case WEEKS -> time.minusDays(time.getDayOfWeek().getValue() - 1L).truncatedTo(ChronoUnit.DAYS);
            default -> time.truncatedTo(unit);
        };
    }
}
