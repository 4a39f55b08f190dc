package io.vigil.categorization;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The word statistics of one categorizer: an id per word, the number of messages that contained each word, the
 * words that turned out to be values of a variable, and for each word the words that followed it.
 *
 * <p>NOTE: words are never forgotten, so a stream with an endless supply of new letter-only words (host names
 * without digits, for example) grows this vocabulary without bound.
 *
 * <p>Word ids start at 1. {@link #VARIABLE} is the id of every token that contains a digit or that the tokenizer
 * dropped.
 */
final class TokenVocabulary {

    static final int VARIABLE = 0;

    /**
     * A successor seen at most this many times counts as rare. Tuned with {@link #RARE_SUCCESSORS_FOR_SLOT} on the
     * LogHub 2k samples: any value from 2 to 5 for the pair gives the same grouping there.
     */
    static final int RARE_SUCCESSOR_COUNT = 3;

    /** A word followed by at least this many distinct rare successors opens a variable slot. */
    static final int RARE_SUCCESSORS_FOR_SLOT = 3;

    /** Successors tracked per word; beyond it new successors are not recorded, which keeps memory bounded. */
    static final int MAX_SUCCESSORS = 32;

    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> words = new ArrayList<>();
    private int[] messageCounts = new int[16];
    private boolean[] variableValues = new boolean[16];
    private final Map<Integer, Map<Integer, Integer>> successors = new HashMap<>();

    TokenVocabulary() {
        words.add(null);
    }

    /** Returns the id of {@code token}, adding it when it is new; tokens with a digit map to {@link #VARIABLE}. */
    int idOf(String token) {
        if (token.isEmpty() || containsDigit(token)) {
            return VARIABLE;
        }
        Integer id = ids.get(token);
        if (id != null) {
            return id;
        }
        int newId = words.size();
        ids.put(token, newId);
        words.add(token);
        if (newId >= messageCounts.length) {
            messageCounts = Arrays.copyOf(messageCounts, newId * 2);
            variableValues = Arrays.copyOf(variableValues, newId * 2);
        }
        return newId;
    }

    String word(int id) {
        return words.get(id);
    }

    int size() {
        return words.size() - 1;
    }

    /** Returns the number of messages seen so far that contained the word. */
    int messageCount(int id) {
        return messageCounts[id];
    }

    boolean isVariableValue(int id) {
        return variableValues[id];
    }

    void markVariableValue(int id) {
        if (id > VARIABLE) {
            variableValues[id] = true;
        }
    }

    /** Returns whether the word {@code id} is often followed by words that are rare, that is by a variable. */
    boolean opensVariableSlot(int id) {
        Map<Integer, Integer> next = successors.get(id);
        if (next == null || next.size() < RARE_SUCCESSORS_FOR_SLOT) {
            return false;
        }
        int rare = 0;
        for (int count : next.values()) {
            if (count <= RARE_SUCCESSOR_COUNT && ++rare >= RARE_SUCCESSORS_FOR_SLOT) {
                return true;
            }
        }
        return false;
    }

    /** Counts the words of a message and the word pairs in it. {@code symbols} contains word ids. */
    void learn(int[] symbols) {
        for (int i = 0; i < symbols.length; i++) {
            int id = symbols[i];
            if (id > VARIABLE && firstOccurrence(symbols, i)) {
                messageCounts[id]++;
            }
            if (i > 0 && id > VARIABLE && symbols[i - 1] > VARIABLE) {
                Map<Integer, Integer> next = successors.computeIfAbsent(symbols[i - 1], key -> new HashMap<>());
                if (next.size() < MAX_SUCCESSORS || next.containsKey(id)) {
                    next.merge(id, 1, Integer::sum);
                }
            }
        }
    }

    private static boolean firstOccurrence(int[] symbols, int index) {
        for (int i = 0; i < index; i++) {
            if (symbols[i] == symbols[index]) {
                return false;
            }
        }
        return true;
    }

    static boolean containsDigit(String token) {
        for (int i = 0; i < token.length(); i++) {
            if (Character.isDigit(token.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    Map<Integer, Map<Integer, Integer>> successors() {
        return successors;
    }

    void restore(int id, int messageCount, boolean variableValue) {
        messageCounts[id] = messageCount;
        variableValues[id] = variableValue;
    }
}
