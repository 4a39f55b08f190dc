package io.vigil.categorization;

import java.util.List;
import java.util.TreeSet;

/**
 * One category of a categorizer: its template and what it has matched. The template contains a word id per position,
 * {@link TokenVocabulary#VARIABLE} where the first message had a variable token and {@link #WILDCARD} where later
 * messages differed from it.
 */
final class Category {

    static final int WILDCARD = -1;

    /** The maximum size of an example in UTF-8 bytes, including the {@link #ELLIPSIS} that marks a truncation. */
    static final int MAX_EXAMPLE_BYTES = 1000;

    static final String ELLIPSIS = "...";

    final long id;
    final int[] template;
    final int baseMessageBytes;
    long numMatches;
    int maxMessageBytes;
    final TreeSet<String> examples = new TreeSet<>();
    boolean changed = true;

    Category(long id, int[] template, int baseMessageBytes) {
        this.id = id;
        this.template = template;
        this.baseMessageBytes = baseMessageBytes;
        this.maxMessageBytes = baseMessageBytes;
    }

    /** Records a message of {@code messageBytes} UTF-8 bytes, keeping it as an example while there is room. */
    void add(String message, int messageBytes, int examplesLimit) {
        numMatches++;
        maxMessageBytes = Math.max(maxMessageBytes, messageBytes);
        if (examples.size() < examplesLimit) {
            examples.add(truncate(message));
        }
        changed = true;
    }

    /** Replaces the template words at {@code positions} by wildcards. */
    void generalize(List<Integer> positions) {
        for (int position : positions) {
            template[position] = WILDCARD;
        }
        changed = true;
    }

    /** Returns {@code message}, or its longest prefix that fits in 1,000 UTF-8 bytes with a trailing "...". */
    static String truncate(String message) {
        if (utf8Length(message) <= MAX_EXAMPLE_BYTES) {
            return message;
        }
        int budget = MAX_EXAMPLE_BYTES - ELLIPSIS.length();
        int bytes = 0;
        int end = 0;
        while (end < message.length()) {
            int codePoint = message.codePointAt(end);
            int size = utf8Length(codePoint);
            if (bytes + size > budget) {
                break;
            }
            bytes += size;
            end += Character.charCount(codePoint);
        }
        return message.substring(0, end) + ELLIPSIS;
    }

    static int utf8Length(String text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            bytes += utf8Length(codePoint);
            i += Character.charCount(codePoint);
        }
        return bytes;
    }

    private static int utf8Length(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        return codePoint < 0x10000 ? 3 : 4;
    }
}
