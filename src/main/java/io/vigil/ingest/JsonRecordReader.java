package io.vigil.ingest;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Reads one JSON object into a record: nested objects become dotted field names ({@code {"a":{"b":1}}} is field
 * {@code a.b}), and an array becomes one field whose value is its scalar elements joined by commas.
 */
final class JsonRecordReader {

    private final RecordSink sink;
    private String[] values;
    private String timeText;
    private int inputFields;
    // Records read but not yet handed to the sink, in arrays reused from block to block.
    private String[][] heldValues = new String[256][];
    private String[] heldTimes = new String[256];
    private int[] heldInputFields = new int[256];
    private int heldCount;

    JsonRecordReader(RecordSink sink) {
        this.sink = sink;
    }

    /** Reads the object whose START_OBJECT the parser is at; {@link #commit()} then hands it to the sink. */
    void readObject(JsonParser parser) {
        values = sink.newValues();
        timeText = null;
        inputFields = 0;
        readFields(parser, null);
    }

    void commit() {
        sink.accept(values, timeText, inputFields);
    }

    /** Keeps the record just read until {@link #commitHeld()} or {@link #discardHeld()}. */
    void hold() {
        if (heldCount == heldTimes.length) {
            int capacity = heldCount * 2;
            heldValues = java.util.Arrays.copyOf(heldValues, capacity);
            heldTimes = java.util.Arrays.copyOf(heldTimes, capacity);
            heldInputFields = java.util.Arrays.copyOf(heldInputFields, capacity);
        }
        heldValues[heldCount] = values;
        heldTimes[heldCount] = timeText;
        heldInputFields[heldCount] = inputFields;
        heldCount++;
    }

    void commitHeld() {
        for (int i = 0; i < heldCount; i++) {
            sink.accept(heldValues[i], heldTimes[i], heldInputFields[i]);
            heldValues[i] = null;
        }
        heldCount = 0;
    }

    void discardHeld() {
        java.util.Arrays.fill(heldValues, 0, heldCount, null);
        heldCount = 0;
    }

    private void readFields(JsonParser parser, String prefix) {
        String name;
        while ((name = parser.nextName()) != null) {
            String field = prefix == null ? name : prefix + '.' + name;
            JsonToken token = parser.nextToken();
            if (token == JsonToken.START_OBJECT) {
                readFields(parser, field);
            } else if (token == JsonToken.START_ARRAY) {
                store(field, joinArray(parser));
            } else {
                store(field, token == JsonToken.VALUE_NULL ? null : parser.getString());
            }
        }
    }

    private void store(String field, String value) {
        if (field.equals(sink.timeField())) {
            timeText = value;
            return;
        }
        inputFields++;
        int index = sink.fieldIndex(field);
        if (index >= 0) {
            values[index] = value;
        }
    }

    private static String joinArray(JsonParser parser) {
        StringBuilder joined = null;
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                parser.skipChildren();
            } else if (token != JsonToken.VALUE_NULL) {
                joined = joined == null ? new StringBuilder() : joined.append(',');
                joined.append(parser.getString());
            }
        }
        return joined == null ? null : joined.toString();
    }
}
