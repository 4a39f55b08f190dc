package io.vigil.categorization;

import io.vigil.results.CategoryDefinition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds the result documents of one categorizer's categories. */
final class DefinitionBuilder {

    private final Categorizer categorizer;
    private final String jobId;
    private final String partitionFieldName;
    private final String partitionFieldValue;

    DefinitionBuilder(Categorizer categorizer, String jobId, String partitionFieldName, String partitionFieldValue) {
        this.categorizer = categorizer;
        this.jobId = jobId;
        this.partitionFieldName = partitionFieldName;
        this.partitionFieldValue = partitionFieldValue;
    }

    /** Builds the definitions of the given categories of this categorizer. */
    List<CategoryDefinition> build(List<Category> selected) {
        Map<Integer, Integer> categoriesPerWord = categoriesPerWord();
        Map<Category, ReverseSearch> searches = new HashMap<>();
        for (Category category : categorizer.categories()) {
            searches.put(category, ReverseSearch.of(category, categorizer.vocabulary(), categoriesPerWord));
        }
        List<CategoryDefinition> definitions = new ArrayList<>(selected.size());
        for (Category category : selected) {
            definitions.add(definition(category, searches));
        }
        return definitions;
    }

    /** Returns the ids of the categories that a more frequent category's search would match entirely. */
    Set<Long> deadCategoryIds() {
        Map<Integer, Integer> categoriesPerWord = categoriesPerWord();
        Map<Category, ReverseSearch> searches = new HashMap<>();
        for (Category category : categorizer.categories()) {
            searches.put(category, ReverseSearch.of(category, categorizer.vocabulary(), categoriesPerWord));
        }
        Set<Long> dead = new HashSet<>();
        for (Category category : categorizer.categories()) {
            dead.addAll(preferredTo(category, searches));
        }
        return dead;
    }

    private CategoryDefinition definition(Category category, Map<Category, ReverseSearch> searches) {
        ReverseSearch search = searches.get(category);
        return new CategoryDefinition(
                jobId,
                category.id,
                partitionFieldName,
                partitionFieldValue,
                search.terms(),
                search.regex(),
                maxMatchingLength(category, search),
                List.copyOf(category.examples),
                null,
                preferredTo(category, searches),
                category.numMatches);
    }

    /**
     * Computes the length bound of the category's search: 10% above its longest message, but at most the first message's
     * length times the larger of 2 and the number of distinct common words divided by 1.5, as in Elasticsearch's
     * {@code CTokenListCategory}.
     */
    static long maxMatchingLength(Category category, ReverseSearch search) {
        long distinctWords = search.words().stream().distinct().count();
        long headroom = Math.min((long) Math.floor(category.maxMessageBytes * 1.1), (long)
                Math.floor(category.baseMessageBytes * Math.max(distinctWords / 1.5, 2.0)));
        return Math.max(category.maxMessageBytes, headroom);
    }

    /** Returns the ids of the less frequent categories whose messages this category's search would match. */
    private List<Long> preferredTo(Category category, Map<Category, ReverseSearch> searches) {
        ReverseSearch search = searches.get(category);
        long maxLength = maxMatchingLength(category, search);
        List<Long> preferred = new ArrayList<>();
        if (search.words().isEmpty()) {
            return preferred;
        }
        for (Category other : categorizer.categories()) {
            if (other == category || other.numMatches >= category.numMatches || other.maxMessageBytes > maxLength) {
                continue;
            }
            if (search.matchesInOrder(templateWords(other))) {
                preferred.add(other.id);
            }
        }
        return preferred;
    }

    private List<String> templateWords(Category category) {
        List<String> words = new ArrayList<>();
        for (int id : category.template) {
            if (id > TokenVocabulary.VARIABLE) {
                words.add(categorizer.vocabulary().word(id));
            }
        }
        return words;
    }

    private Map<Integer, Integer> categoriesPerWord() {
        Map<Integer, Integer> counts = new HashMap<>();
        for (Category category : categorizer.categories()) {
            Set<Integer> seen = new HashSet<>();
            for (int id : category.template) {
                if (id > TokenVocabulary.VARIABLE && seen.add(id)) {
                    counts.merge(id, 1, Integer::sum);
                }
            }
        }
        return counts;
    }
}
