package io.vigil.categorization;

import java.util.regex.Pattern;

/** Rewrites the text of a message before it is tokenized. */
interface CharFilter {

    String filter(String text);

    /** Keeps the first line that contains a letter, or nothing when no line does. */
    static CharFilter firstLineWithLetters() {
        return text -> firstLine(text, true);
    }

    /** Keeps the first line that contains a character other than whitespace, or nothing when every line is blank. */
    static CharFilter firstNonBlankLine() {
        return text -> firstLine(text, false);
    }

    /** Replaces every match of {@code pattern} with {@code replacement}, which may refer to groups as {@code $1}. */
    static CharFilter patternReplace(Pattern pattern, String replacement) {
        return text -> pattern.matcher(text).replaceAll(replacement);
    }

    private static String firstLine(String text, boolean needsLetter) {
        int start = 0;
        while (start <= text.length()) {
            int newline = text.indexOf('\n', start);
            int end = newline < 0 ? text.length() : newline;
            int contentEnd = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
            if (qualifies(text, start, contentEnd, needsLetter)) {
                return text.substring(start, contentEnd);
            }
            if (newline < 0) {
                break;
            }
            start = newline + 1;
        }
        return "";
    }

    private static boolean qualifies(String text, int start, int end, boolean needsLetter) {
        for (int i = start; i < end; ) {
            int codePoint = text.codePointAt(i);
            if (needsLetter ? Character.isLetter(codePoint) : !Character.isWhitespace(codePoint)) {
                return true;
            }
            i += Character.charCount(codePoint);
        }
        return false;
    }
}
