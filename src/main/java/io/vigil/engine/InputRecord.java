package io.vigil.engine;

/**
 * One input record as the analysis sees it: its time and the values of the job's analysis fields, in the order of
 * {@link AnalysisFields}. A value is null when the record does not have the field.
 */
public record InputRecord(long timestampMs, String[] values) {

    public String value(int fieldIndex) {
        return values[fieldIndex];
    }
}
