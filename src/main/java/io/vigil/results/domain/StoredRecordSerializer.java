package io.vigil.results.domain;

import io.vigil.results.AnomalyRecord;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/**
 * Writes a stored record in the field order of {@link AnomalyRecord}: the fields up to {@code scored_at} from the
 * record, then its rendered fields as raw JSON. The generator must accept raw content, which JSON text output does
 * and a tree does not.
 */
final class StoredRecordSerializer extends ValueSerializer<StoredRecord> {

    @Override
    public void serialize(StoredRecord stored, JsonGenerator generator, SerializationContext context) {
        AnomalyRecord record = stored.record();
        if (stored.renderedFields() == null) {
            context.writeValue(generator, record);
            return;
        }
        generator.writeStartObject(record);
        generator.writeStringProperty("job_id", record.jobId());
        generator.writeStringProperty("result_type", record.resultType());
        generator.writeNumberProperty("probability", record.probability());
        if (record.multiBucketImpact() != null) {
            generator.writeNumberProperty("multi_bucket_impact", record.multiBucketImpact());
        }
        generator.writeNumberProperty("record_score", record.recordScore());
        generator.writeNumberProperty("initial_record_score", record.initialRecordScore());
        generator.writeNumberProperty("bucket_span", record.bucketSpan());
        generator.writeNumberProperty("detector_index", record.detectorIndex());
        generator.writeBooleanProperty("is_interim", record.isInterim());
        generator.writeNumberProperty("timestamp", record.timestamp());
        if (record.scoredAt() != null) {
            generator.writeNumberProperty("scored_at", record.scoredAt());
        }
        if (!stored.renderedFields().isEmpty()) {
            generator.writeRaw(',');
            generator.writeRaw(stored.renderedFields());
        }
        generator.writeEndObject();
    }
}
