package io.vigil.engine;

import io.vigil.common.VigilException;
import io.vigil.job.AnalysisLimits;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reads {@code analysis_limits.model_memory_limit}: a number of megabytes, or a byte-size string such as
 * {@code "512mb"} or {@code "2gb"} with units b, kb, mb, gb, tb or pb (the short forms k, m, g, t and p too, powers
 * of 1024). A string without a unit is megabytes. The default is 1024 MB.
 */
final class MemoryLimit {

    static final long DEFAULT_BYTES = 1024L * 1024 * 1024;

    private static final Pattern BYTE_SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([a-z]*)");

    private MemoryLimit() {}

    static long bytesOf(AnalysisLimits limits) {
        if (limits == null
                || limits.modelMemoryLimit() == null
                || limits.modelMemoryLimit().isNull()) {
            return DEFAULT_BYTES;
        }
        JsonNode limit = limits.modelMemoryLimit();
        if (limit.isNumber()) {
            return (long) (limit.asDouble() * 1024 * 1024);
        }
        return parse(limit.asString());
    }

    static long parse(String text) {
        Matcher matcher = BYTE_SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw invalid(text);
        }
        double amount = Double.parseDouble(matcher.group(1));
        long unit = switch (matcher.group(2)) {
            case "b" -> 1L;
            case "k", "kb" -> 1L << 10;
            case "", "m", "mb" -> 1L << 20;
            case "g", "gb" -> 1L << 30;
            case "t", "tb" -> 1L << 40;
            case "p", "pb" -> 1L << 50;
            default -> throw invalid(text);
        };
        return (long) (amount * unit);
    }

    private static VigilException invalid(String text) {
        return VigilException.badRequest("Invalid analysis_limits.model_memory_limit [" + text
                + "]: expected a byte size such as 512mb or 2gb, or a number of megabytes");
    }
}
