package io.vigil.job.domain;

import io.vigil.common.VigilException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Parses and formats byte sizes such as {@code 512mb} or {@code 3000g}, as Elasticsearch's {@code ByteSizeValue}
 * does: units b, k/kb, m/mb, g/gb, t/tb, p/pb (powers of 1024, case-insensitive), fractions allowed, -1 meaning
 * "unset".
 */
public final class ByteSizes {

    public static final long MB = 1024L * 1024L;

    private static final String[] SUFFIXES = {"pb", "tb", "gb", "mb", "kb", "b"};
    private static final long[] FACTORS = {1L << 50, 1L << 40, 1L << 30, 1L << 20, 1L << 10, 1L};

    private ByteSizes() {}

    /**
     * Parses {@code text} given for {@code setting} into bytes.
     *
     * @throws VigilException 400 naming the setting and the value when the text is not a byte size
     */
    public static long parse(String text, String setting) {
        String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (value.equals("-1") || value.equals("0")) {
            return Long.parseLong(value);
        }
        for (int i = 0; i < SUFFIXES.length; i++) {
            String number = stripUnit(value, SUFFIXES[i]);
            if (number != null) {
                return toBytes(number, FACTORS[i], text, setting);
            }
        }
        throw invalid(
                text,
                setting,
                "unit is missing or unrecognized; use a number with one of the units "
                        + "b, kb, mb, gb, tb or pb, for example [512mb]");
    }

    private static String stripUnit(String value, String suffix) {
        if (value.endsWith(suffix)) {
            return value.substring(0, value.length() - suffix.length());
        }
        String shortSuffix = suffix.substring(0, 1);
        if (!suffix.equals("b") && value.endsWith(shortSuffix)) {
            return value.substring(0, value.length() - 1);
        }
        return null;
    }

    private static long toBytes(String number, long factor, String text, String setting) {
        try {
            BigDecimal bytes = new BigDecimal(number.trim()).multiply(BigDecimal.valueOf(factor));
            if (bytes.signum() < 0) {
                throw invalid(text, setting, "values less than -1 bytes are not supported");
            }
            return bytes.setScale(0, RoundingMode.DOWN).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw invalid(text, setting, "the number is not valid or too large");
        }
    }

    private static VigilException invalid(String text, String setting, String detail) {
        return VigilException.badRequest(
                "failed to parse setting [" + setting + "] with value [" + text + "] as a size in bytes: " + detail);
    }

    /**
     * Formats bytes in the largest unit that is at most the value, with at most one decimal, as Elasticsearch
     * prints byte sizes in messages: 10240 MB is {@code 10gb}, 1536 MB is {@code 1.5gb}.
     */
    public static String format(long bytes) {
        for (int i = 0; i < FACTORS.length; i++) {
            if (bytes >= FACTORS[i] || i == FACTORS.length - 1) {
                BigDecimal value = BigDecimal.valueOf(bytes)
                        .divide(BigDecimal.valueOf(FACTORS[i]), 1, RoundingMode.HALF_UP)
                        .stripTrailingZeros();
                return value.toPlainString() + SUFFIXES[i];
            }
        }
        throw new IllegalStateException("unreachable");
    }
}
