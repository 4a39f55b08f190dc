package io.vigil.scoring;

/**
 * The results within one normalizer that share a maximum score: a record's partition and by field values, a
 * partition's value, an influencer result's value. Parts a level does not use are null; the bucket and bucket
 * influencer levels have a single scope, {@link #ALL}.
 */
public record MaxScoreScope(String partitionFieldValue, String personFieldValue) {

    /** The scope of levels with one maximum. */
    public static final MaxScoreScope ALL = new MaxScoreScope(null, null);
}
