package io.vigil.results.domain;

import io.vigil.results.AnomalyRecord;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A record read from the store. When {@code renderedFields} is set, it is the JSON of the record's fields from
 * {@code by_field_name} on, rendered when the record was written, and {@code record} carries only the fields stored
 * in columns; the JSON is then written as it is. Otherwise {@code record} is complete.
 */
@JsonSerialize(using = StoredRecordSerializer.class)
public record StoredRecord(AnomalyRecord record, String renderedFields) {

    public static StoredRecord of(AnomalyRecord record) {
        return new StoredRecord(record, null);
    }
}
