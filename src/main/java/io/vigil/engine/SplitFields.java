package io.vigil.engine;

import io.vigil.job.Detector;

/**
 * The input indexes of a detector's field, by, over and partition fields, and how a record's split values are read:
 * a missing split value drops the record from the detector unless {@code use_null} makes it the empty string.
 */
final class SplitFields {

    /** The marker of a missing split value, a distinct instance compared by identity. */
    static final String MISSING = new String("<missing>");

    final int fieldIndex;
    final int byIndex;
    final int overIndex;
    final int partitionIndex;
    private final boolean useNull;

    SplitFields(Detector detector, boolean readsField, AnalysisFields fields) {
        this.fieldIndex = indexOf(fields, readsField ? detector.fieldName() : null);
        this.byIndex = indexOf(fields, detector.byFieldName());
        this.overIndex = indexOf(fields, detector.overFieldName());
        this.partitionIndex = indexOf(fields, detector.partitionFieldName());
        this.useNull = Boolean.TRUE.equals(detector.useNull());
    }

    private static int indexOf(AnalysisFields fields, String name) {
        return name == null || name.isEmpty() ? -1 : fields.indexOf(name);
    }

    /**
     * Returns the record's value of the split field at {@code index}: null when the detector has no such field,
     * {@link #MISSING} when the record lacks it and {@code use_null} is off.
     */
    String value(InputRecord record, int index) {
        if (index < 0) {
            return null;
        }
        String raw = record.value(index);
        if (raw != null) {
            return raw;
        }
        return useNull ? "" : MISSING;
    }

    /** Returns the finite number in {@code text}, or NaN when it is not one. */
    static double parseNumber(String text) {
        try {
            double value = Double.parseDouble(text);
            return Double.isFinite(value) ? value : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
