package io.vigil.scoring;

/**
 * The identity of the normalizer, within a level, that scores a result. Parts a level does not use are null.
 *
 * <ul>
 *   <li>{@link ScoreLevel#RECORD}: partition field name, by field name, function and field name of the detector;
 *   <li>{@link ScoreLevel#PARTITION}: the partition field name;
 *   <li>{@link ScoreLevel#BUCKET}: nothing, one normalizer per job;
 *   <li>{@link ScoreLevel#INFLUENCER} and {@link ScoreLevel#BUCKET_INFLUENCER}: the influencer field name, stored in
 *       {@code personFieldName}.
 * </ul>
 */
public record NormalizerKey(
        String partitionFieldName, String personFieldName, String functionName, String valueFieldName) {

    /** The key of the bucket level. */
    public static final NormalizerKey BUCKET = new NormalizerKey(null, null, null, null);

    public static NormalizerKey record(
            String partitionFieldName, String byFieldName, String functionName, String fieldName) {
        return new NormalizerKey(partitionFieldName, byFieldName, functionName, fieldName);
    }

    public static NormalizerKey partition(String partitionFieldName) {
        return new NormalizerKey(partitionFieldName, null, null, null);
    }

    public static NormalizerKey influencer(String influencerFieldName) {
        return new NormalizerKey(null, influencerFieldName, null, null);
    }
}
