package io.vigil.job;

import java.util.Locale;

/**
 * Lifecycle state of a job as stored in {@code jobs.state} and reported by the stats API. A new job is
 * {@link #CLOSED}; the job processor moves it through {@link #OPENING}, {@link #OPENED} and {@link #CLOSING}, and
 * marks it {@link #FAILED} when its processor stops on an error.
 */
public enum JobState {
    OPENING,
    OPENED,
    CLOSING,
    CLOSED,
    FAILED;

    /** Returns the lowercase name used in the API and the database, for example {@code opened}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a stored state value.
     *
     * @throws IllegalArgumentException when the value is not one of the five states
     */
    public static JobState fromValue(String value) {
        for (JobState state : values()) {
            if (state.value().equals(value)) {
                return state;
            }
        }
        throw new IllegalArgumentException(
                "Unknown job state [" + value + "]; expected one of opening, opened, closing, closed, failed");
    }

    @Override
    public String toString() {
        return value();
    }
}
