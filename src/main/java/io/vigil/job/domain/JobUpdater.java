package io.vigil.job.domain;

import io.vigil.common.TimeValues;
import io.vigil.job.AnalysisConfig;
import io.vigil.job.AnalysisLimits;
import io.vigil.job.Detector;
import io.vigil.job.Job;
import io.vigil.job.JobState;
import io.vigil.job.domain.JobUpdate.DetectorUpdate;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies a {@link JobUpdate} to a stored job, with Elasticsearch's rules (x-pack {@code JobUpdate},
 * {@code JobManager}): {@code analysis_limits} change only while the job is closed and the memory limit may
 * decrease but not below the memory the models use; detectors are addressed by {@code detector_index}.
 */
final class JobUpdater {

    private JobUpdater() {}

    /**
     * Returns the updated job.
     *
     * @param modelBytes the memory the job's models used last, or null when it never ran
     */
    static Job apply(Job job, JobUpdate update, JobState state, Long modelBytes, long maxModelMemoryLimitMb) {
        JobSettingsValidator.checkGroups(job.jobId(), update.groups());
        JobSettingsValidator.checkBackgroundPersistInterval(update.backgroundPersistInterval());
        JobSettingsValidator.checkRetentionDays(update.renormalizationWindowDays(), update.resultsRetentionDays());
        Long retentionDays = valueOr(update.modelSnapshotRetentionDays(), job.modelSnapshotRetentionDays());
        Long dailyRetention =
                valueOr(update.dailyModelSnapshotRetentionAfterDays(), job.dailyModelSnapshotRetentionAfterDays());
        JobSettingsValidator.checkSnapshotRetention(retentionDays, dailyRetention);
        AnalysisConfig analysis = analysisConfig(job.analysisConfig(), update);
        AnalysisLimits limits = update.analysisLimits() == null
                ? job.analysisLimits()
                : limits(job, update.analysisLimits(), state, modelBytes, maxModelMemoryLimitMb);

        return new Job(
                job.jobId(),
                job.jobType(),
                job.jobVersion(),
                update.groups() == null ? job.groups() : (update.groups().isEmpty() ? null : update.groups()),
                valueOr(update.description(), job.description()),
                job.createTime(),
                job.finishedTime(),
                job.modelSnapshotId(),
                valueOr(update.customSettings(), job.customSettings()),
                analysis,
                limits,
                job.dataDescription(),
                update.modelPlotConfig() == null
                        ? job.modelPlotConfig()
                        : JobSettingsValidator.modelPlotConfig(update.modelPlotConfig()),
                valueOr(update.renormalizationWindowDays(), job.renormalizationWindowDays()),
                valueOr(update.backgroundPersistInterval(), job.backgroundPersistInterval()),
                retentionDays,
                dailyRetention,
                valueOr(update.resultsRetentionDays(), job.resultsRetentionDays()),
                job.resultsIndexName(),
                valueOr(update.allowLazyOpen(), job.allowLazyOpen()),
                job.blocked(),
                job.deleting(),
                job.datafeedConfig());
    }

    private static AnalysisConfig analysisConfig(AnalysisConfig a, JobUpdate update) {
        List<Detector> detectors = detectors(a.detectors(), update.detectors());
        String pruneWindow = a.modelPruneWindow();
        if (update.modelPruneWindow() != null) {
            pruneWindow = update.modelPruneWindow();
            AnalysisConfigValidator.checkModelPruneWindow(
                    pruneWindow, a.bucketSpan(), TimeValues.parse(a.bucketSpan(), "bucket_span"));
        }
        return new AnalysisConfig(
                a.bucketSpan(),
                a.categorizationFieldName(),
                a.categorizationFilters(),
                a.categorizationAnalyzer(),
                a.perPartitionCategorization(),
                a.latency(),
                a.summaryCountFieldName(),
                detectors,
                a.influencers(),
                pruneWindow,
                a.multivariateByFields());
    }

    private static List<Detector> detectors(List<Detector> current, List<DetectorUpdate> updates) {
        List<Detector> detectors = new ArrayList<>(current);
        if (updates == null) {
            return detectors;
        }
        for (DetectorUpdate update : updates) {
            Integer index = update.detectorIndex();
            if (index == null || index < 0) {
                throw ConfigErrors.invalid("Each entry of detectors needs a detector_index between 0 and "
                        + (current.size() - 1) + " naming the detector to update");
            }
            if (index >= current.size()) {
                throw ConfigErrors.invalid("Supplied detector_index [" + index + "] is >= the number of detectors ["
                        + current.size() + "]");
            }
            Detector d = detectors.get(index);
            var rules =
                    update.customRules() == null ? d.customRules() : DetectorValidator.rules(d, update.customRules());
            Detector updated = new Detector(
                    d.detectorDescription(),
                    d.function(),
                    d.fieldName(),
                    d.byFieldName(),
                    d.overFieldName(),
                    d.partitionFieldName(),
                    d.useNull(),
                    d.excludeFrequent(),
                    rules == null || rules.isEmpty() ? null : rules,
                    d.detectorIndex());
            detectors.set(
                    index,
                    DetectorValidator.withDescription(updated, valueOr(update.description(), d.detectorDescription())));
        }
        return detectors;
    }

    private static AnalysisLimits limits(
            Job job, AnalysisLimits requested, JobState state, Long modelBytes, long maxModelMemoryLimitMb) {
        if (state != JobState.CLOSED) {
            throw ConfigErrors.invalid("Cannot update analysis_limits while the job is open");
        }
        AnalysisLimits limits =
                AnalysisLimitsValidator.validate(requested, job.analysisLimits(), maxModelMemoryLimitMb);
        long limitMb = AnalysisLimitsValidator.megabytes(limits.modelMemoryLimit());
        if (modelBytes != null && requested.modelMemoryLimit() != null && limitMb < modelBytes / ByteSizes.MB) {
            throw ConfigErrors.invalid("Invalid update value for analysis_limits: model_memory_limit cannot be "
                    + "decreased below current usage; current usage ["
                    + ByteSizes.format(modelBytes / ByteSizes.MB * ByteSizes.MB) + "], update had ["
                    + ByteSizes.format(limitMb * ByteSizes.MB) + "]");
        }
        return limits;
    }

    private static <T> T valueOr(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
