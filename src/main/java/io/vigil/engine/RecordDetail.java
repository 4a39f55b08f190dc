package io.vigil.engine;

import io.vigil.results.AnomalyCause;
import io.vigil.results.GeoResults;
import java.util.List;

/**
 * The fields a record of a population, rare or location detector shows beyond those of a series record.
 *
 * @param overFieldValue the population member of the record, null without an over field
 * @param byFieldValue a population member's most anomalous by value, which custom rule scopes match; otherwise null
 * @param causes the by values that made the member unusual, least probable first; null for a record of one series,
 *     whose {@code typical} and {@code actual} are then written at the top level
 * @param geoResults the actual and typical locations of a {@code lat_long} record, otherwise null
 * @param byFieldFirstOccurrence true when a rare by value appears for the first time; null when not a rare record
 * @param byFieldRelativeRarity how much rarer than the average by value the record's value is; null when not rare
 * @param population true for a member of a population: the record is scored against the maximum of all records of
 *     its normalizer rather than of its own series, and its detector sets the leaf's influences
 */
record RecordDetail(
        String overFieldValue,
        String byFieldValue,
        List<AnomalyCause> causes,
        GeoResults geoResults,
        Boolean byFieldFirstOccurrence,
        Double byFieldRelativeRarity,
        boolean population) {}
