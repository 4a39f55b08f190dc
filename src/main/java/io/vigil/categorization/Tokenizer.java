package io.vigil.categorization;

import java.util.List;

/** Splits the filtered text of a message into tokens. */
interface Tokenizer {

    /**
     * The marker a tokenizer emits where it dropped a token such as a number or a hexadecimal value. Real tokens are
     * never empty, so the marker cannot be confused with one. The categorizer reads these markers as variable
     * positions; {@link CategorizationAnalyzer#analyze} removes them.
     */
    String DROPPED = "";

    List<String> tokenize(String text);
}
