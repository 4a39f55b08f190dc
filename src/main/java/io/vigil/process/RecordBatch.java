package io.vigil.process;

import io.vigil.engine.InputRecord;

/**
 * A batch of parsed records on its way from a request thread to a job's processor, with the parse counts of the
 * input it was read from. The request thread fills it and hands it over; after that only the processor reads it.
 */
public final class RecordBatch {

    private final InputRecord[] records;
    private int size;
    private long inputBytes;
    private long inputFieldCount;
    private long invalidDateCount;
    private long missingFieldCount;
    private long malformedRecordCount;

    public RecordBatch(int capacity) {
        this.records = new InputRecord[capacity];
    }

    public boolean isFull() {
        return size == records.length;
    }

    public boolean isEmpty() {
        return size == 0
                && inputBytes == 0
                && inputFieldCount == 0
                && invalidDateCount == 0
                && missingFieldCount == 0
                && malformedRecordCount == 0;
    }

    public void add(InputRecord record) {
        records[size++] = record;
    }

    public void countInputBytes(long bytes) {
        inputBytes += bytes;
    }

    /** Counts the fields of a read record, the time field excluded. */
    public void countInputFields(long fields) {
        inputFieldCount += fields;
    }

    public void countInvalidDate() {
        invalidDateCount++;
    }

    public void countMissingFields(long fields) {
        missingFieldCount += fields;
    }

    public void countMalformedRecord() {
        malformedRecordCount++;
    }

    int size() {
        return size;
    }

    InputRecord record(int index) {
        return records[index];
    }

    long inputBytes() {
        return inputBytes;
    }

    long inputFieldCount() {
        return inputFieldCount;
    }

    long invalidDateCount() {
        return invalidDateCount;
    }

    long missingFieldCount() {
        return missingFieldCount;
    }

    long malformedRecordCount() {
        return malformedRecordCount;
    }
}
