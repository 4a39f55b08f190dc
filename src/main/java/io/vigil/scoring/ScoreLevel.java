package io.vigil.scoring;

/**
 * The levels of the results tree, each with normalizers of its own, and whether results of that level are stored
 * with a probability or with a raw score.
 */
public enum ScoreLevel {
    /** A record: one series of one detector. Stored with its probability. */
    RECORD(false),
    /** All series of one partition field value. Not written as a result. */
    PARTITION(false),
    /** The whole bucket (the {@code bucket_time} bucket influencer). Stored with its raw score. */
    BUCKET(true),
    /** An influencer result: one influencer field value. Stored with its probability. */
    INFLUENCER(false),
    /** A bucket influencer: all values of one influencer field. Stored with its raw score. */
    BUCKET_INFLUENCER(true);

    private final boolean storedAsRawScore;

    ScoreLevel(boolean storedAsRawScore) {
        this.storedAsRawScore = storedAsRawScore;
    }

    /** Returns true when results of this level are renormalized from their raw score rather than probability. */
    public boolean storedAsRawScore() {
        return storedAsRawScore;
    }
}
