package io.vigil.categorization;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code pattern} tokenizer: with {@code group} -1 the pattern matches the separators between tokens, otherwise
 * each match's group {@code group} is a token. Empty tokens are skipped.
 */
final class PatternTokenizer implements Tokenizer {

    /** The default separator pattern of the Elasticsearch {@code pattern} tokenizer: runs of non-word characters. */
    static final String DEFAULT_PATTERN = "\\W+";

    private final Pattern pattern;
    private final int group;

    PatternTokenizer(Pattern pattern, int group) {
        this.pattern = pattern;
        this.group = group;
    }

    @Override
    public List<String> tokenize(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        if (group < 0) {
            for (String token : pattern.split(text)) {
                if (!token.isEmpty()) {
                    tokens.add(token);
                }
            }
            return tokens;
        }
        while (matcher.find()) {
            String token = matcher.group(group);
            if (token != null && !token.isEmpty()) {
                tokens.add(token);
            }
        }
        return tokens;
    }
}
