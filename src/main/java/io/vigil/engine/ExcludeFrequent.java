package io.vigil.engine;

import java.util.Locale;

/** The {@code exclude_frequent} setting of a detector: which split fields' frequent values give no results. */
enum ExcludeFrequent {
    NONE,
    BY,
    OVER,
    ALL;

    /** Returns the setting of {@code text}, {@link #NONE} when it is unset. */
    static ExcludeFrequent of(String text) {
        if (text == null || text.isEmpty()) {
            return NONE;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "all" -> ALL;
            case "by" -> BY;
            case "over" -> OVER;
            case "none" -> NONE;
            default ->
                throw new IllegalArgumentException(
                        "exclude_frequent [" + text + "] is invalid; use one of all, none, by or over");
        };
    }

    boolean excludesBy() {
        return this == BY || this == ALL;
    }

    boolean excludesOver() {
        return this == OVER || this == ALL;
    }
}
