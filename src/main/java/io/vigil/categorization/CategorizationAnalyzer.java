package io.vigil.categorization;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a log message into the tokens that categorization compares: char filters rewrite the text, a tokenizer
 * splits it and token filters remove or rewrite tokens. Instances are immutable and may be shared between threads.
 */
public final class CategorizationAnalyzer {

    /** The maximum number of tokens the standard analyzer keeps, as in Elasticsearch 7.14 and later. */
    static final int MAX_TOKEN_COUNT = 100;

    private final List<CharFilter> charFilters;
    private final Tokenizer tokenizer;
    private final List<TokenFilter> tokenFilters;

    CategorizationAnalyzer(List<CharFilter> charFilters, Tokenizer tokenizer, List<TokenFilter> tokenFilters) {
        this.charFilters = List.copyOf(charFilters);
        this.tokenizer = tokenizer;
        this.tokenFilters = List.copyOf(tokenFilters);
    }

    /**
     * Returns the standard analyzer: the first line with letters, the given filter regexes deleted, the
     * {@code ml_standard} tokenizer, date words removed and at most 100 tokens.
     */
    public static CategorizationAnalyzer standard(List<String> categorizationFilters) {
        return AnalyzerConfigParser.standard(categorizationFilters);
    }

    /** Returns the tokens of {@code message}, in message order; an empty list when it has none. */
    public List<String> analyze(String message) {
        List<String> tokens = analyzeWithDropMarkers(message);
        tokens.removeIf(String::isEmpty);
        return tokens;
    }

    /** Returns the tokens of {@code message} with a {@link Tokenizer#DROPPED} marker where a token was dropped. */
    List<String> analyzeWithDropMarkers(String message) {
        String text = message;
        for (CharFilter charFilter : charFilters) {
            text = charFilter.filter(text);
        }
        List<String> tokens = new ArrayList<>(tokenizer.tokenize(text));
        for (TokenFilter tokenFilter : tokenFilters) {
            tokens = tokenFilter.filter(tokens);
        }
        return tokens;
    }
}
