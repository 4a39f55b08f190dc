package io.vigil.categorization;

import static io.vigil.categorization.TokenVocabulary.VARIABLE;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A streaming categorizer for the messages of one partition. Each message is reduced to its symbols (word ids, with
 * one {@link TokenVocabulary#VARIABLE} for each run of variable tokens) and joins the first category whose template
 * it fits with the fewest differences, the most frequent one on a tie; otherwise it founds a new category. A message
 * whose symbols were seen before joins the same category again without a search. Categories are never merged or
 * removed, so an id once returned keeps its meaning.
 */
final class Categorizer {

    /**
     * The maximum number of symbol sequences remembered for the search-free path. Beyond it new sequences are
     * searched each time, which costs time but keeps memory bounded on messages with endless distinct words.
     */
    static final int MAX_REMEMBERED_SEQUENCES = 100_000;

    private final TokenVocabulary vocabulary = new TokenVocabulary();
    private final TemplateMatcher matcher = new TemplateMatcher(vocabulary);
    private final Map<SymbolKey, Category> bySymbols = new HashMap<>();
    private final Map<Integer, List<Category>> byLength = new HashMap<>();
    private final List<Category> categories = new ArrayList<>();
    private final LongSupplier idAllocator;
    private final int examplesLimit;

    Categorizer(LongSupplier idAllocator, int examplesLimit) {
        this.idAllocator = idAllocator;
        this.examplesLimit = examplesLimit;
    }

    /** Assigns the message, given as its analyzed tokens with drop markers, to a category and returns it. */
    Category categorize(List<String> tokens, String message) {
        int[] symbols = symbols(tokens);
        SymbolKey key = new SymbolKey(symbols);
        Category category = bySymbols.get(key);
        if (category == null) {
            category = findOrCreate(symbols, message);
            if (bySymbols.size() < MAX_REMEMBERED_SEQUENCES) {
                bySymbols.put(key, category);
            }
        }
        vocabulary.learn(symbols);
        category.add(message, Category.utf8Length(message), examplesLimit);
        return category;
    }

    private int[] symbols(List<String> tokens) {
        int[] symbols = new int[tokens.size()];
        int length = 0;
        for (String token : tokens) {
            int id = vocabulary.idOf(token);
            if (id == VARIABLE && length > 0 && symbols[length - 1] == VARIABLE) {
                continue;
            }
            symbols[length++] = id;
        }
        return Arrays.copyOf(symbols, length);
    }

    private Category findOrCreate(int[] symbols, String message) {
        Fit best = null;
        for (Category candidate : byLength.getOrDefault(symbols.length, List.of())) {
            best = better(best, candidate, matcher.mismatches(symbols, candidate.template), 0);
        }
        if (best != null) {
            for (int position : best.wildcards) {
                vocabulary.markVariableValue(best.category.template[position]);
                vocabulary.markVariableValue(symbols[position]);
            }
            best.category.generalize(best.wildcards);
            return best.category;
        }
        best = findWithOneSkippedWord(symbols);
        if (best != null) {
            best.category.generalize(best.wildcards);
            return best.category;
        }
        return create(symbols, message);
    }

    /** Tries the categories one symbol shorter or longer, skipping one rare word next to a variable. */
    private Fit findWithOneSkippedWord(int[] symbols) {
        Fit best = null;
        for (Category candidate : byLength.getOrDefault(symbols.length - 1, List.of())) {
            for (int skipped = 0; skipped < symbols.length; skipped++) {
                if (matcher.maySkip(symbols, skipped)) {
                    int[] shorter = TemplateMatcher.without(symbols, skipped);
                    best = better(best, candidate, matcher.mismatches(shorter, candidate.template), 1);
                }
            }
        }
        for (Category candidate : byLength.getOrDefault(symbols.length + 1, List.of())) {
            for (int skipped = 0; skipped < candidate.template.length; skipped++) {
                if (matcher.maySkip(candidate.template, skipped)) {
                    int[] shorter = TemplateMatcher.without(candidate.template, skipped);
                    List<Integer> mismatches = matcher.mismatches(symbols, shorter);
                    best = better(best, candidate, mismatches == null ? null : withSkipped(mismatches, skipped), 0);
                }
            }
        }
        return best;
    }

    /** The fit of a message to a category: the template positions that become wildcards and a difference count. */
    private record Fit(Category category, List<Integer> wildcards, int differences) {}

    /** Returns the better of {@code best} and the candidate: fewer differences, then more matches, then older. */
    private static Fit better(Fit best, Category candidate, List<Integer> mismatches, int extraDifferences) {
        if (mismatches == null) {
            return best;
        }
        Fit fit = new Fit(candidate, mismatches, mismatches.size() + extraDifferences);
        if (best == null
                || fit.differences < best.differences
                || (fit.differences == best.differences && candidate.numMatches > best.category.numMatches)) {
            return fit;
        }
        return best;
    }

    /** Maps positions of the template without {@code skipped} back to the full template, adding {@code skipped}. */
    private static List<Integer> withSkipped(List<Integer> positions, int skipped) {
        List<Integer> shifted = new ArrayList<>(positions.size() + 1);
        for (int position : positions) {
            shifted.add(position >= skipped ? position + 1 : position);
        }
        shifted.add(skipped);
        return shifted;
    }

    private Category create(int[] symbols, String message) {
        Category category = new Category(idAllocator.getAsLong(), symbols.clone(), Category.utf8Length(message));
        categories.add(category);
        byLength.computeIfAbsent(symbols.length, length -> new ArrayList<>()).add(category);
        return category;
    }

    List<Category> categories() {
        return categories;
    }

    Map<SymbolKey, Category> symbolIndex() {
        return bySymbols;
    }

    /** Adds a category read from a saved state; categories must be restored in creation order. */
    void restore(Category category) {
        categories.add(category);
        byLength.computeIfAbsent(category.template.length, length -> new ArrayList<>())
                .add(category);
    }

    TokenVocabulary vocabulary() {
        return vocabulary;
    }
}
