package io.vigil.results.domain;

import java.util.List;

/** Derives the {@code grok_pattern} of a category, which is computed when categories are read, never stored. */
final class GrokPatterns {

    private GrokPatterns() {}

    // TODO: return io.vigil.categorization.GrokPatternCreator.create(regex, examples) once categorization provides
    // it; until then every category is returned with an empty grok_pattern.
    static String create(String regex, List<String> examples) {
        return "";
    }
}
