package io.vigil.categorization;

import static io.vigil.categorization.Category.WILDCARD;
import static io.vigil.categorization.TokenVocabulary.VARIABLE;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether a message fits a category template, position by position.
 *
 * <p>Two words at the same position may differ only where the difference looks like a variable value: either side
 * is a variable token or a wildcard, the message word has already been a variable value elsewhere, the word before
 * it is followed by many rare words, or the message word is new and the template word is still rare. The first
 * word of a message names the event in most log formats, so it must match. A fit also needs one matching word and
 * at most about a third of the positions differing.
 *
 * <p>The constants were tuned on the LogHub 2k samples (Zhu et al., ISSRE 2023) with one setting for all ten systems.
 */
final class TemplateMatcher {

    /** The largest share of positions that may differ from the template. */
    static final double MAX_MISMATCH_SHARE = 0.34;

    /** A template word seen in at most this many messages may still be replaced by a new word. */
    static final int RARE_TEMPLATE_WORD_COUNT = 3;

    /** A word skipped to align messages of different lengths must have been seen in at most this many messages. */
    static final int RARE_SKIPPED_WORD_COUNT = 3;

    private final TokenVocabulary vocabulary;

    TemplateMatcher(TokenVocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** Returns the template positions where {@code message} differs from {@code template}, or null when it does not fit. */
    List<Integer> mismatches(int[] message, int[] template) {
        List<Integer> positions = new ArrayList<>();
        int matchedWords = 0;
        for (int i = 0; i < message.length; i++) {
            int expected = template[i];
            if (expected == WILDCARD) {
                continue;
            }
            if (expected == message[i]) {
                matchedWords += expected == VARIABLE ? 0 : 1;
                continue;
            }
            if (!mayDiffer(message, i, expected)) {
                return null;
            }
            positions.add(i);
        }
        if (matchedWords == 0 || positions.size() > MAX_MISMATCH_SHARE * message.length) {
            return null;
        }
        return positions;
    }

    private boolean mayDiffer(int[] message, int index, int expected) {
        int actual = message[index];
        if (actual == VARIABLE || expected == VARIABLE) {
            return true;
        }
        if (index == 0) {
            return false;
        }
        if (vocabulary.isVariableValue(actual)) {
            return true;
        }
        if (message[index - 1] > VARIABLE && vocabulary.opensVariableSlot(message[index - 1])) {
            return true;
        }
        return vocabulary.messageCount(actual) == 0 && vocabulary.messageCount(expected) <= RARE_TEMPLATE_WORD_COUNT;
    }

    /** Returns whether the word at {@code index} may be skipped to align a sequence with one that is a word shorter. */
    boolean maySkip(int[] symbols, int index) {
        int symbol = symbols[index];
        if (symbol == VARIABLE || !nextToVariable(symbols, index)) {
            return false;
        }
        return symbol == WILDCARD
                || vocabulary.messageCount(symbol) <= RARE_SKIPPED_WORD_COUNT
                || vocabulary.isVariableValue(symbol);
    }

    private static boolean nextToVariable(int[] symbols, int index) {
        return (index > 0 && symbols[index - 1] == VARIABLE)
                || (index + 1 < symbols.length && symbols[index + 1] == VARIABLE);
    }

    static int[] without(int[] symbols, int index) {
        int[] result = new int[symbols.length - 1];
        System.arraycopy(symbols, 0, result, 0, index);
        System.arraycopy(symbols, index + 1, result, index, symbols.length - index - 1);
        return result;
    }
}
