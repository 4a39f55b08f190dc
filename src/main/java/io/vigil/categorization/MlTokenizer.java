package io.vigil.categorization;

import java.util.ArrayList;
import java.util.List;

/**
 * The machine-learning tokenizers for log messages, {@code ml_standard} and {@code ml_classic}, following the rules
 * of the Elasticsearch tokenizers of the same names.
 *
 * <p>A token is a run of letters and digits, which may also contain {@code _ . -} after its first character.
 * {@code ml_standard} additionally allows {@code @} inside a token, {@code /} anywhere, a backslash in Windows path
 * positions and one colon after a letters-only scheme or drive that a slash or backslash follows, so that paths and
 * URLs stay single tokens. Tokens that start with a digit or consist only of hexadecimal digits and separators are
 * dropped, and so are tokens made only of slashes. Trailing separators are stripped. A dropped token leaves a
 * {@link Tokenizer#DROPPED} marker in its place.
 */
final class MlTokenizer implements Tokenizer {

    private final boolean standard;

    private MlTokenizer(boolean standard) {
        this.standard = standard;
    }

    static MlTokenizer standard() {
        return new MlTokenizer(true);
    }

    static MlTokenizer classic() {
        return new MlTokenizer(false);
    }

    @Override
    public List<String> tokenize(String text) {
        List<String> tokens = new ArrayList<>();
        int length = text.length();
        int position = 0;
        while (position < length) {
            int codePoint = text.codePointAt(position);
            if (!canStart(codePoint)) {
                position += Character.charCount(codePoint);
                continue;
            }
            int end = scanToken(text, position);
            String token = strip(text, position, end);
            if (isKept(token)) {
                tokens.add(token);
            } else if (!token.isEmpty()) {
                tokens.add(Tokenizer.DROPPED);
            }
            position = end;
        }
        return tokens;
    }

    private boolean canStart(int codePoint) {
        return Character.isLetterOrDigit(codePoint) || (standard && (codePoint == '/' || codePoint == '\\'));
    }

    /**
     * Returns the index just past the token that starts at {@code start}. A backslash continues a token that follows
     * a drive such as {@code C:} or that already contains one.
     */
    private int scanToken(String text, int start) {
        int length = text.length();
        boolean lettersOnly = Character.isLetter(text.codePointAt(start));
        boolean colonSeen = false;
        boolean backslashSeen = text.charAt(start) == '\\';
        int position = start + Character.charCount(text.codePointAt(start));
        while (position < length) {
            int codePoint = text.codePointAt(position);
            if (Character.isLetterOrDigit(codePoint) || isInnerSeparator(codePoint)) {
                lettersOnly &= Character.isLetter(codePoint);
            } else if (standard && codePoint == '\\' && (backslashSeen || text.charAt(position - 1) == ':')) {
                lettersOnly = false;
                backslashSeen = true;
            } else if (standard && codePoint == ':' && lettersOnly && !colonSeen && slashFollows(text, position)) {
                colonSeen = true;
                lettersOnly = false;
            } else {
                break;
            }
            position += Character.charCount(codePoint);
        }
        return position;
    }

    private boolean isInnerSeparator(int codePoint) {
        return codePoint == '_'
                || codePoint == '.'
                || codePoint == '-'
                || (standard && (codePoint == '@' || codePoint == '/'));
    }

    private static boolean slashFollows(String text, int position) {
        if (position + 1 >= text.length()) {
            return false;
        }
        char next = text.charAt(position + 1);
        return next == '/' || next == '\\';
    }

    private String strip(String text, int start, int end) {
        while (end > start && isTrailingSeparator(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private boolean isTrailingSeparator(char c) {
        return c == '_' || c == '.' || c == '-' || (standard && (c == '@' || c == ':'));
    }

    private boolean isKept(String token) {
        if (token.isEmpty() || Character.isDigit(token.codePointAt(0))) {
            return false;
        }
        boolean onlySlashes = true;
        boolean onlyHex = true;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            onlySlashes &= c == '/' || c == '\\';
            onlyHex &= isHexDigit(c) || c == '.' || c == '-' || (standard && (c == '@' || c == ':'));
        }
        return !onlySlashes && !onlyHex;
    }

    private static boolean isHexDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
