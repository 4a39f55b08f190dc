package io.vigil.job.domain;

import io.vigil.common.TimeValues;
import io.vigil.job.ModelPlotConfig;
import java.time.Duration;
import java.util.List;

/**
 * Checks the job-level settings outside {@code analysis_config}: persistence and retention periods, groups, the
 * results index name and model plot settings. Messages are Elasticsearch's (x-pack {@code Job.Builder}).
 */
final class JobSettingsValidator {

    private JobSettingsValidator() {}

    static void checkBackgroundPersistInterval(String interval) {
        if (interval == null) {
            return;
        }
        Duration value = TimeValues.parse(interval, "background_persist_interval");
        if (value.toNanos() % 1_000_000_000L != 0) {
            throw ConfigErrors.illegalArgument(
                    "background_persist_interval has to be a multiple of 1s; actual was '" + interval + "'");
        }
        ConfigErrors.checkNotLessThan(
                "background_persist_interval",
                JobDefaults.MIN_BACKGROUND_PERSIST_INTERVAL.toSeconds(),
                value.toSeconds());
    }

    static void checkRetentionDays(Long renormalizationWindowDays, Long resultsRetentionDays) {
        ConfigErrors.checkNotLessThan("renormalization_window_days", 0, renormalizationWindowDays);
        ConfigErrors.checkNotLessThan("results_retention_days", 0, resultsRetentionDays);
    }

    /** Checks both snapshot retention settings together, as stored after a create or an update. */
    static void checkSnapshotRetention(Long retentionDays, Long dailyRetentionAfterDays) {
        ConfigErrors.checkNotLessThan("model_snapshot_retention_days", 0, retentionDays);
        ConfigErrors.checkNotLessThan("daily_model_snapshot_retention_after_days", 0, dailyRetentionAfterDays);
        if (retentionDays != null && dailyRetentionAfterDays != null && dailyRetentionAfterDays > retentionDays) {
            throw ConfigErrors.illegalArgument("The value of daily_model_snapshot_retention_after_days ["
                    + dailyRetentionAfterDays + "] cannot be greater than model_snapshot_retention_days ["
                    + retentionDays + "]");
        }
    }

    /**
     * Returns the daily retention default of a new job: 1 day, but only when more than 1 day of snapshots is kept,
     * so that the default never exceeds {@code model_snapshot_retention_days}.
     */
    static Long defaultDailyRetention(Long requested, long retentionDays) {
        if (requested != null) {
            return requested;
        }
        return retentionDays > JobDefaults.DAILY_MODEL_SNAPSHOT_RETENTION_AFTER_DAYS
                ? JobDefaults.DAILY_MODEL_SNAPSHOT_RETENTION_AFTER_DAYS
                : null;
    }

    static void checkGroups(String jobId, List<String> groups) {
        if (groups == null) {
            return;
        }
        for (String group : groups) {
            JobIds.checkGroup(group);
            if (group.equals(jobId)) {
                throw JobIds.jobAndGroupNameClash(group);
            }
        }
    }

    /**
     * Returns the stored results index name: {@code shared} by default, {@code custom-<name>} for a custom name.
     * Vigil keeps every job's results in the same tables, so the name is kept for compatibility only.
     */
    static String resultsIndexName(String requested) {
        if (requested == null || requested.isEmpty() || requested.equals(JobDefaults.RESULTS_INDEX_NAME)) {
            return JobDefaults.RESULTS_INDEX_NAME;
        }
        JobIds.checkId("results_index_name", requested);
        return requested.startsWith("custom-") ? requested : "custom-" + requested;
    }

    /** Requires {@code enabled} and defaults {@code annotations_enabled} to it. */
    static ModelPlotConfig modelPlotConfig(ModelPlotConfig config) {
        if (config == null) {
            return null;
        }
        if (config.enabled() == null) {
            throw ConfigErrors.illegalArgument(
                    "model_plot_config requires [enabled]; set it to true or false, for example {\"enabled\": true}");
        }
        Boolean annotations = config.annotationsEnabled() != null ? config.annotationsEnabled() : config.enabled();
        return new ModelPlotConfig(config.enabled(), config.terms(), annotations);
    }
}
