package io.vigil.categorization;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Whether categorization is working well ({@code ok}) or produces categories that are of little use ({@code warn}). */
public enum CategorizationStatus {
    OK,
    WARN;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    CategorizationStatus worst(CategorizationStatus other) {
        return this == WARN || other == WARN ? WARN : OK;
    }
}
