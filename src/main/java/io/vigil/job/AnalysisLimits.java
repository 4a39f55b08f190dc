package io.vigil.job;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Resource limits of a job. {@code modelMemoryLimit} arrives as a byte-size string or a number of megabytes and is
 * stored normalized to megabytes, for example {@code "1024mb"}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"model_memory_limit", "categorization_examples_limit"})
public record AnalysisLimits(
        @Schema(
                description = "A byte size such as \"512mb\" or a number of megabytes; stored as megabytes",
                example = "1024mb")
        JsonNode modelMemoryLimit,

        @Schema(description = "Examples kept per log category", example = "4")
        Long categorizationExamplesLimit) {}
