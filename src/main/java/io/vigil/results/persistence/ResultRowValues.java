package io.vigil.results.persistence;

import io.vigil.results.AnomalyRecord;
import io.vigil.results.Bucket;
import io.vigil.results.BucketInfluencer;
import io.vigil.results.CategoryDefinition;
import io.vigil.results.Influencer;
import java.util.List;
import java.util.TreeSet;
import tools.jackson.databind.ObjectMapper;

/**
 * The column values of each result document, in the column order of {@link StagingTables} without the sequence
 * columns. Staged and directly written results both take their values from here, so they are stored alike. JSON
 * columns are JSON text; an absent value is null.
 */
final class ResultRowValues {

    private final RecordDocuments recordDocuments;
    private final ObjectMapper mapper;

    ResultRowValues(RecordDocuments recordDocuments, ObjectMapper mapper) {
        this.recordDocuments = recordDocuments;
        this.mapper = mapper;
    }

    Object[] bucket(Bucket bucket) {
        return new Object[] {
            bucket.timestamp(),
            bucket.bucketSpan(),
            bucket.anomalyScore(),
            bucket.initialAnomalyScore(),
            bucket.eventCount(),
            bucket.isInterim(),
            bucket.processingTimeMs(),
            bucket.scheduledEvents() == null ? null : mapper.writeValueAsString(bucket.scheduledEvents())
        };
    }

    /** Returns the values after {@code position}; the timestamp is the bucket's, not the influencer's own. */
    Object[] bucketInfluencer(long bucketTimestamp, BucketInfluencer influencer) {
        return new Object[] {
            bucketTimestamp,
            influencer.influencerFieldName(),
            influencer.bucketSpan(),
            influencer.anomalyScore(),
            influencer.initialAnomalyScore(),
            influencer.rawAnomalyScore(),
            influencer.probability(),
            influencer.isInterim()
        };
    }

    Object[] record(AnomalyRecord record) {
        return new Object[] {
            record.timestamp(),
            record.bucketSpan(),
            record.detectorIndex(),
            SeriesKeys.of(record),
            record.probability(),
            record.multiBucketImpact(),
            record.recordScore(),
            record.initialRecordScore(),
            record.isInterim(),
            record.function(),
            record.fieldName(),
            record.byFieldName(),
            record.byFieldValue(),
            record.partitionFieldName(),
            record.partitionFieldValue(),
            record.overFieldName(),
            record.overFieldValue(),
            recordDocuments.write(record),
            recordDocuments.render(record)
        };
    }

    Object[] influencer(Influencer influencer) {
        return new Object[] {
            influencer.timestamp(),
            influencer.bucketSpan(),
            influencer.influencerFieldName(),
            influencer.influencerFieldValue(),
            influencer.influencerScore(),
            influencer.initialInfluencerScore(),
            influencer.probability(),
            influencer.isInterim()
        };
    }

    /** Returns the values of a category, with its examples sorted and without duplicates. */
    Object[] category(CategoryDefinition category) {
        List<String> examples =
                category.examples() == null ? List.of() : List.copyOf(new TreeSet<>(category.examples()));
        List<Long> preferredTo =
                category.preferredToCategories() == null ? List.of() : category.preferredToCategories();
        return new Object[] {
            category.categoryId(),
            category.partitionFieldName(),
            category.partitionFieldValue(),
            category.terms() == null ? "" : category.terms(),
            category.regex() == null ? "" : category.regex(),
            category.maxMatchingLength(),
            mapper.writeValueAsString(examples),
            mapper.writeValueAsString(preferredTo),
            category.numMatches()
        };
    }
}
