package io.vigil.common;

import java.util.regex.Pattern;

/** Turns a JSON parser's error message into the reason an API error gives. */
public final class JsonErrorMessages {

    // Jackson names the input source inside its messages, for example "(start marker at [Source: REDACTED ...;
    // byte offset: #UNKNOWN])". The error already gives the line and column, so the source adds only noise.
    private static final Pattern SOURCE = Pattern.compile("\\s*\\((?:start marker )?at \\[Source: [^\\]]*\\]\\)");
    private static final Pattern BARE_SOURCE = Pattern.compile("\\s*at \\[Source: [^\\]]*\\]");

    private JsonErrorMessages() {}

    /** Returns the first line of {@code message} without the parser's description of its input source. */
    public static String describe(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        String firstLine = newline < 0 ? message : message.substring(0, newline);
        String withoutSource = SOURCE.matcher(firstLine).replaceAll("");
        return BARE_SOURCE.matcher(withoutSource).replaceAll("").trim();
    }
}
