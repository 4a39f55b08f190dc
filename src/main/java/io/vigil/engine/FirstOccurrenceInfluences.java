package io.vigil.engine;

import io.vigil.results.AnomalyRecord;
import io.vigil.results.Influence;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The written records of a bucket that are a by value's first occurrence, indexed by the influencer fields and values
 * that explain them. An influencer, or a field's bucket influencer, that explains such a record is scored like
 * {@code bucket_time}: from at most the record's probability and at least the record's score. Renormalization reads
 * the same from the stored records' {@code influencers}.
 */
final class FirstOccurrenceInfluences {

    /** The smallest probability and the largest score of the first occurrence records one influence explains. */
    record Explained(double probability, double recordScore) {

        static final Explained NONE = new Explained(1.0, 0.0);

        static Explained of(AnomalyRecord record) {
            return new Explained(record.probability(), record.recordScore());
        }

        Explained combine(Explained other) {
            return new Explained(Math.min(probability, other.probability), Math.max(recordScore, other.recordScore));
        }
    }

    private final Map<String, Explained> byField = new HashMap<>();
    private final Map<FieldValue, Explained> byValue = new HashMap<>();

    FirstOccurrenceInfluences(List<AnomalyRecord> records) {
        for (AnomalyRecord record : records) {
            if (!isFirstOccurrence(record) || record.influencers() == null) {
                continue;
            }
            for (Influence influence : record.influencers()) {
                String field = influence.influencerFieldName();
                byField.merge(field, Explained.of(record), Explained::combine);
                for (String value : influence.influencerFieldValues()) {
                    byValue.merge(new FieldValue(field, value), Explained.of(record), Explained::combine);
                }
            }
        }
    }

    /** Returns the first occurrence records that list {@code fieldName}, combined, or {@link Explained#NONE}. */
    Explained ofField(String fieldName) {
        return byField.getOrDefault(fieldName, Explained.NONE);
    }

    /** Returns the first occurrence records that list the field's value, combined, or {@link Explained#NONE}. */
    Explained ofValue(String fieldName, String fieldValue) {
        return byValue.getOrDefault(new FieldValue(fieldName, fieldValue), Explained.NONE);
    }

    static boolean isFirstOccurrence(AnomalyRecord record) {
        return record.anomalyScoreExplanation() != null
                && Boolean.TRUE.equals(record.anomalyScoreExplanation().byFieldFirstOccurrence());
    }

    private record FieldValue(String fieldName, String fieldValue) {}
}
