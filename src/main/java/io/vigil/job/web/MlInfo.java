package io.vigil.job.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The response of {@code GET _ml/info}: the defaults new jobs get, the limits in force and Vigil's version. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({"defaults", "upgrade_mode", "limits", "version"})
record MlInfo(
        Defaults defaults,

        @Schema(description = "Always false: Vigil has no upgrade mode")
        boolean upgradeMode,

        Limits limits,

        @Schema(description = "Vigil's version", example = "0.1.0")
        String version) {

    record Defaults(@JsonProperty("anomaly_detectors") AnomalyDetectors anomalyDetectors) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonPropertyOrder({
        "categorization_analyzer",
        "model_memory_limit",
        "model_snapshot_retention_days",
        "daily_model_snapshot_retention_after_days",
        "categorization_examples_limit"
    })
    record AnomalyDetectors(
            @Schema(description = "The analyzer a categorizing job gets when it names none")
            JsonNode categorizationAnalyzer,

            @Schema(example = "1gb") String modelMemoryLimit,
            long modelSnapshotRetentionDays,
            long dailyModelSnapshotRetentionAfterDays,
            long categorizationExamplesLimit) {}

    /** Limits; both are absent when no maximum model memory limit is configured. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"max_model_memory_limit", "effective_max_model_memory_limit"})
    record Limits(
            @Schema(description = "The configured vigil.max-model-memory-limit", example = "16gb")
            String maxModelMemoryLimit,

            @Schema(description = "The largest model_memory_limit a job can use", example = "16gb")
            String effectiveMaxModelMemoryLimit) {}
}
