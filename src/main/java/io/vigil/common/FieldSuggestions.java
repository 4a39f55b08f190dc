package io.vigil.common;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Suggests the known field names closest to an unknown one, as Elasticsearch does in "unknown field [x] did you mean
 * [y]?" for body fields and "unrecognized parameter: [x] -> did you mean [y]?" for query parameters (its pull requests
 * 50938 and 20747). A name is close when its Levenshtein distance to the unknown one is at most 2 and at most a third
 * of the unknown name's length, which catches a typo, a missing underscore or a swapped pair of letters.
 */
public final class FieldSuggestions {

    private static final int MAX_DISTANCE = 2;

    private FieldSuggestions() {}

    /**
     * Returns " did you mean [y]?" for the one closest known name, " did you mean any of [y, z]?" for several at the
     * same distance, or "" when none is close.
     */
    public static String suffix(String unknown, Collection<?> known) {
        if (unknown == null || known == null) {
            return "";
        }
        int limit = Math.min(MAX_DISTANCE, unknown.length() / 3);
        int best = limit + 1;
        List<String> closest = new ArrayList<>();
        for (Object candidate : known) {
            String name = String.valueOf(candidate);
            if (name.equals(unknown)) {
                // A known field rejected in this context, such as a CSV setting for JSON input.
                continue;
            }
            int distance = distance(unknown, name);
            if (distance < best) {
                best = distance;
                closest.clear();
            }
            if (distance == best) {
                closest.add(name);
            }
        }
        if (closest.isEmpty()) {
            return "";
        }
        closest.sort(null);
        return closest.size() == 1
                ? " did you mean [" + closest.get(0) + "]?"
                : " did you mean any of " + closest + "?";
    }

    /** Returns the Levenshtein distance of two strings: the fewest insertions, deletions and substitutions. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
