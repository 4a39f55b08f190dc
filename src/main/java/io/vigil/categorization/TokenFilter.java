package io.vigil.categorization;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Removes or rewrites tokens after tokenization. Filters may change the list they are given and return it, and they
 * keep {@link Tokenizer#DROPPED} markers where they are.
 */
interface TokenFilter {

    List<String> filter(List<String> tokens);

    static TokenFilter stop(Set<String> words, boolean ignoreCase) {
        if (!ignoreCase) {
            return tokens -> {
                tokens.removeIf(words::contains);
                return tokens;
            };
        }
        Set<String> lowerCaseWords =
                words.stream().map(word -> word.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        return tokens -> {
            tokens.removeIf(token -> lowerCaseWords.contains(token.toLowerCase(Locale.ROOT)));
            return tokens;
        };
    }

    static TokenFilter lowercase() {
        return tokens -> {
            tokens.replaceAll(token -> token.toLowerCase(Locale.ROOT));
            return tokens;
        };
    }

    /** Keeps the first {@code maxTokenCount} tokens; dropped-token markers do not count. */
    static TokenFilter limit(int maxTokenCount) {
        return tokens -> {
            int kept = 0;
            for (int i = 0; i < tokens.size(); i++) {
                if (tokens.get(i).isEmpty()) {
                    continue;
                }
                if (kept == maxTokenCount) {
                    return new ArrayList<>(tokens.subList(0, i));
                }
                kept++;
            }
            return tokens;
        };
    }
}
