package io.vigil.job.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One job's entry in {@code GET _ml/anomaly_detectors/{expr}/_stats}, in Elasticsearch's field order. The counter
 * objects are maps because the job processor stores them as JSON and may add fields.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "job_id",
    "data_counts",
    "model_size_stats",
    "forecasts_stats",
    "state",
    "node",
    "assignment_explanation",
    "open_time",
    "timing_stats",
    "deleting"
})
public record JobStats(
        String jobId,

        @Schema(description = "Running totals of the records the job received, zero before any data")
        Map<String, Object> dataCounts,

        @Schema(description = "Memory use of the job's models")
        Map<String, Object> modelSizeStats,

        @Schema(description = "Forecast counts; Vigil runs no forecasts, so both are 0")
        Map<String, Object> forecastsStats,

        @Schema(allowableValues = {"opening", "opened", "closing", "closed", "failed"})
        String state,

        @Schema(description = "The service instance that runs the job, while it is open")
        Node node,

        String assignmentExplanation,

        @Schema(description = "Time since the job was opened, while it is open", example = "12s")
        String openTime,

        @Schema(description = "Bucket processing times; minimum, maximum and averages appear after the first bucket")
        Map<String, Object> timingStats,

        Boolean deleting) {

    /** The service instance that runs an open job, in the shape of an Elasticsearch node. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonPropertyOrder({"id", "name", "ephemeral_id", "transport_address", "attributes"})
    public record Node(
            String id, String name, String ephemeralId, String transportAddress, Map<String, String> attributes) {}
}
