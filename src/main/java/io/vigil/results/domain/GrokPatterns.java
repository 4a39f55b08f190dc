package io.vigil.results.domain;

import io.vigil.categorization.GrokPatternCreator;
import java.util.List;

/** Derives the {@code grok_pattern} of a category, which is computed when categories are read, never stored. */
final class GrokPatterns {

    private GrokPatterns() {}

    static String create(String regex, List<String> examples) {
        return GrokPatternCreator.create(regex, examples);
    }
}
