package io.vigil.categorization;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The search terms and regex of a category, chosen from the words its template shares with every message.
 *
 * <p>As in Elasticsearch's {@code CTokenListReverseSearchCreator}: a word of length n costs {@code 1 + n + 3 + n}
 * characters per occurrence, words are chosen rarest first (in the fewest categories) while they fit in a budget of
 * 10,000 characters, and both {@code terms} and {@code regex} list the chosen words in message order.
 */
record ReverseSearch(List<String> words) {

    static final int MAX_COST = 10_000;

    static ReverseSearch of(Category category, TokenVocabulary vocabulary, Map<Integer, Integer> categoriesPerWord) {
        List<Integer> positions = new ArrayList<>();
        Map<Integer, Integer> occurrences = new HashMap<>();
        for (int position = 0; position < category.template.length; position++) {
            int id = category.template[position];
            if (id > TokenVocabulary.VARIABLE) {
                positions.add(position);
                occurrences.merge(id, 1, Integer::sum);
            }
        }
        List<Integer> rarestFirst = new ArrayList<>(occurrences.keySet());
        rarestFirst.sort(Comparator.comparingInt((Integer id) -> categoriesPerWord.getOrDefault(id, 1))
                .thenComparing(vocabulary::word));
        long budget = MAX_COST;
        List<Integer> chosen = new ArrayList<>();
        for (int id : rarestFirst) {
            long cost = (1L + 2L * vocabulary.word(id).length() + 3L) * occurrences.get(id);
            if (cost <= budget) {
                budget -= cost;
                chosen.add(id);
            }
        }
        List<String> words = new ArrayList<>();
        for (int position : positions) {
            int id = category.template[position];
            if (chosen.contains(id)) {
                words.add(vocabulary.word(id));
            }
        }
        return new ReverseSearch(words);
    }

    String terms() {
        return String.join(" ", words);
    }

    /** Returns {@code .*?word1.+?word2.*}, or {@code .*} when there are no words. */
    String regex() {
        if (words.isEmpty()) {
            return ".*";
        }
        StringBuilder regex = new StringBuilder(".*?");
        for (int i = 0; i < words.size(); i++) {
            if (i > 0) {
                regex.append(".+?");
            }
            appendEscaped(regex, words.get(i));
        }
        return regex.append(".*").toString();
    }

    private static void appendEscaped(StringBuilder regex, String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if ("\\^$.|?*+()[]{}".indexOf(c) >= 0) {
                regex.append('\\');
            }
            regex.append(c);
        }
    }

    /** Returns whether every word of this search appears, in order, among {@code templateWords}. */
    boolean matchesInOrder(List<String> templateWords) {
        int next = 0;
        for (String word : templateWords) {
            if (next < words.size() && words.get(next).equals(word)) {
                next++;
            }
        }
        return next == words.size();
    }
}
