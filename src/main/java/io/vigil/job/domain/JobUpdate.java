package io.vigil.job.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.vigil.job.AnalysisLimits;
import io.vigil.job.DetectionRule;
import io.vigil.job.ModelPlotConfig;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The body of {@code POST _ml/anomaly_detectors/{job_id}/_update}: the settings that may change after creation.
 * A null field leaves the stored value unchanged.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobUpdate(
        String jobId,
        List<String> groups,
        String description,
        List<DetectorUpdate> detectors,
        ModelPlotConfig modelPlotConfig,
        AnalysisLimits analysisLimits,
        String backgroundPersistInterval,
        Long renormalizationWindowDays,
        Long resultsRetentionDays,
        Long modelSnapshotRetentionDays,
        Long dailyModelSnapshotRetentionAfterDays,
        Map<String, Object> customSettings,
        Boolean allowLazyOpen,
        String modelPruneWindow) {

    /** New description or custom rules of the detector at {@code detector_index}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DetectorUpdate(Integer detectorIndex, String description, List<DetectionRule> customRules) {}
}
