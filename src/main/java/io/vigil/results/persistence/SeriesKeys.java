package io.vigil.results.persistence;

import io.vigil.results.AnomalyRecord;
import java.util.Objects;

/**
 * The {@code series_key} of a record: its partition, over and by values joined by the unit separator character,
 * with an absent value written as empty. Together with the timestamp and detector index it identifies the record.
 * Ingestion writes the same key, so that an imported record replaces an ingested one of the same series.
 */
final class SeriesKeys {

    private static final char SEPARATOR = '\u001f';

    private SeriesKeys() {}

    static String of(AnomalyRecord record) {
        return Objects.requireNonNullElse(record.partitionFieldValue(), "")
                + SEPARATOR
                + Objects.requireNonNullElse(record.overFieldValue(), "")
                + SEPARATOR
                + Objects.requireNonNullElse(record.byFieldValue(), "");
    }
}
