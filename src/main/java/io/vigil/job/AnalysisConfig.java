package io.vigil.job;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * What a job analyses: the bucket span, detectors, influencers and categorization settings.
 * {@code categorizationAnalyzer} is either the name of an analyzer or an analyzer definition object.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "bucket_span",
    "categorization_field_name",
    "categorization_filters",
    "categorization_analyzer",
    "per_partition_categorization",
    "latency",
    "summary_count_field_name",
    "detectors",
    "influencers",
    "model_prune_window",
    "multivariate_by_fields"
})
public record AnalysisConfig(
        String bucketSpan,
        String categorizationFieldName,
        List<String> categorizationFilters,

        @Schema(
                description = "The name of an analyzer, or an object with char_filter, tokenizer and filter",
                example = "standard")
        JsonNode categorizationAnalyzer,

        PerPartitionCategorization perPartitionCategorization,
        String latency,
        String summaryCountFieldName,
        List<Detector> detectors,
        List<String> influencers,
        String modelPruneWindow,
        Boolean multivariateByFields) {

    /** The special field name a detector uses to split by log message category. */
    public static final String ML_CATEGORY = "mlcategory";

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PerPartitionCategorization(Boolean enabled, Boolean stopOnWarn) {}
}
