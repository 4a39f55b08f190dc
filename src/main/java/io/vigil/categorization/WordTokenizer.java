package io.vigil.categorization;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code standard} and {@code whitespace} tokenizers. {@code standard} approximates Unicode word segmentation
 * (the Elasticsearch {@code standard} tokenizer): a token is a run of letters, digits and underscores, and a
 * {@code .} or {@code '} joins two such runs, so {@code e.g} and {@code don't} stay whole. Numbers are kept.
 * {@code whitespace} splits on whitespace only.
 */
final class WordTokenizer implements Tokenizer {

    private final boolean whitespaceOnly;

    private WordTokenizer(boolean whitespaceOnly) {
        this.whitespaceOnly = whitespaceOnly;
    }

    static WordTokenizer standard() {
        return new WordTokenizer(false);
    }

    static WordTokenizer whitespace() {
        return new WordTokenizer(true);
    }

    @Override
    public List<String> tokenize(String text) {
        List<String> tokens = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < text.length(); i++) {
            boolean inToken = whitespaceOnly ? !Character.isWhitespace(text.charAt(i)) : isWordPart(text, i);
            if (inToken && start < 0) {
                start = i;
            } else if (!inToken && start >= 0) {
                tokens.add(text.substring(start, i));
                start = -1;
            }
        }
        if (start >= 0) {
            tokens.add(text.substring(start));
        }
        return tokens;
    }

    private static boolean isWordPart(String text, int index) {
        char c = text.charAt(index);
        if (Character.isLetterOrDigit(c) || c == '_' || Character.isSurrogate(c)) {
            return true;
        }
        boolean joiner = c == '.' || c == '\'';
        return joiner
                && index > 0
                && index + 1 < text.length()
                && Character.isLetterOrDigit(text.charAt(index - 1))
                && Character.isLetterOrDigit(text.charAt(index + 1));
    }
}
