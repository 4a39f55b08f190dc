package io.vigil.analytics;

/** Which deviations from the model a detector function treats as anomalous. */
public enum Side {
    /** Both unusually high and unusually low values, as for {@code count} and {@code mean}. */
    TWO_SIDED,
    /** Only unusually low values, as for {@code low_count} and {@code min}. */
    BELOW,
    /** Only unusually high values, as for {@code high_count} and {@code max}. */
    ABOVE
}
