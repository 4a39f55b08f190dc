package io.vigil.categorization;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The categorization fields of a job's {@code model_size_stats}, for the whole job or for one partition when
 * categorization is per partition.
 *
 * <p>A category is rare when it matched one message, frequent when it matched more than 1% of the categorized
 * messages, and dead when a more frequent category's search would match all its messages. {@code failedCategoryCount}
 * counts the messages rejected because the partition's status was {@code warn} with {@code stop_on_warn} set.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "partition_field_name",
    "partition_field_value",
    "categorized_doc_count",
    "total_category_count",
    "frequent_category_count",
    "rare_category_count",
    "dead_category_count",
    "failed_category_count",
    "categorization_status"
})
public record CategorizationStats(
        String partitionFieldName,
        String partitionFieldValue,
        long categorizedDocCount,
        long totalCategoryCount,
        long frequentCategoryCount,
        long rareCategoryCount,
        long deadCategoryCount,
        long failedCategoryCount,
        CategorizationStatus categorizationStatus) {

    /** Categorization is judged only after this many messages (Elasticsearch {@code calculateCategorizationStatus}). */
    static final long MIN_CATEGORIZED_FOR_STATUS = 100;

    /**
     * Returns the status by the Elasticsearch rules: {@code warn} once at least 100 messages were categorized and
     * there is exactly one category, more than 90% of categories are rare, there are more categories than half the
     * messages, no category is frequent, or more than half the categories are dead.
     */
    static CategorizationStatus status(long categorized, long total, long frequent, long rare, long dead) {
        if (categorized < MIN_CATEGORIZED_FOR_STATUS) {
            return CategorizationStatus.OK;
        }
        boolean warn =
                total == 1 || rare * 10 > total * 9 || total * 2 > categorized || frequent == 0 || dead * 2 > total;
        return warn ? CategorizationStatus.WARN : CategorizationStatus.OK;
    }

    /** Adds the counts of two partitions and keeps the worse status, for the job-level figures. */
    CategorizationStats plus(CategorizationStats other) {
        return new CategorizationStats(
                null,
                null,
                categorizedDocCount + other.categorizedDocCount,
                totalCategoryCount + other.totalCategoryCount,
                frequentCategoryCount + other.frequentCategoryCount,
                rareCategoryCount + other.rareCategoryCount,
                deadCategoryCount + other.deadCategoryCount,
                failedCategoryCount + other.failedCategoryCount,
                categorizationStatus.worst(other.categorizationStatus));
    }

    static CategorizationStats empty() {
        return new CategorizationStats(null, null, 0, 0, 0, 0, 0, 0, CategorizationStatus.OK);
    }
}
