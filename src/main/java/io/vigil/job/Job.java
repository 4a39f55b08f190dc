package io.vigil.job;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * An anomaly detection job's configuration in the shape of the API ({@code PUT /_ml/anomaly_detectors/{job_id}}).
 * Fields the client did not send are null until defaults are applied.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "job_id",
    "job_type",
    "job_version",
    "groups",
    "description",
    "create_time",
    "finished_time",
    "model_snapshot_id",
    "custom_settings",
    "analysis_config",
    "analysis_limits",
    "data_description",
    "model_plot_config",
    "renormalization_window_days",
    "background_persist_interval",
    "model_snapshot_retention_days",
    "daily_model_snapshot_retention_after_days",
    "results_retention_days",
    "results_index_name",
    "allow_lazy_open",
    "blocked",
    "deleting"
})
public record Job(
        String jobId,
        String jobType,
        String jobVersion,
        List<String> groups,
        String description,
        Long createTime,
        Long finishedTime,
        String modelSnapshotId,
        Map<String, Object> customSettings,
        AnalysisConfig analysisConfig,
        AnalysisLimits analysisLimits,
        DataDescription dataDescription,
        ModelPlotConfig modelPlotConfig,
        Long renormalizationWindowDays,
        String backgroundPersistInterval,
        Long modelSnapshotRetentionDays,
        Long dailyModelSnapshotRetentionAfterDays,
        Long resultsRetentionDays,
        String resultsIndexName,
        Boolean allowLazyOpen,
        Map<String, Object> blocked,
        Boolean deleting,
        Map<String, Object> datafeedConfig) {}
