package io.vigil.scoring;

/** The severity band of a 0–100 score, as in Elastic's anomaly explorer. */
public enum Severity {
    /** Below 25. */
    WARNING,
    /** 25 to below 50. */
    MINOR,
    /** 50 to below 75. */
    MAJOR,
    /** 75 and above. */
    CRITICAL;

    /** Returns the band of {@code score}. */
    public static Severity of(double score) {
        if (score >= 75.0) {
            return CRITICAL;
        }
        if (score >= 50.0) {
            return MAJOR;
        }
        if (score >= 25.0) {
            return MINOR;
        }
        return WARNING;
    }
}
