package io.vigil.results.persistence;

import io.vigil.results.AnomalyRecord;

/**
 * The {@code series_key} of a record: its by, over and partition values in one string, which together with the
 * timestamp and detector index identifies the record. Each value is written as {@code -} when absent or as its
 * length, a colon and the value, so that no two value triples share a key.
 */
final class SeriesKeys {

    private SeriesKeys() {}

    static String of(AnomalyRecord record) {
        StringBuilder key = new StringBuilder();
        append(key, record.byFieldValue());
        key.append('|');
        append(key, record.overFieldValue());
        key.append('|');
        append(key, record.partitionFieldValue());
        return key.toString();
    }

    private static void append(StringBuilder key, String value) {
        if (value == null) {
            key.append('-');
        } else {
            key.append(value.length()).append(':').append(value);
        }
    }
}
