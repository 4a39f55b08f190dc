package io.vigil.process;

import io.vigil.common.TimeValues;
import io.vigil.job.AnalysisConfig;
import io.vigil.job.Job;
import java.time.Duration;

/**
 * The settings of a job that its processor uses, with the API defaults for those the stored configuration lacks:
 * {@code bucket_span} 5m, {@code latency} 0, {@code model_snapshot_retention_days} 10 and
 * {@code daily_model_snapshot_retention_after_days} 1. The persist interval is null when the job does not set it.
 */
record JobSettings(
        long bucketSpanMs,
        long latencyMs,
        Duration backgroundPersistInterval,
        long snapshotRetentionDays,
        long dailySnapshotRetentionAfterDays) {

    static JobSettings of(Job job) {
        AnalysisConfig analysis = job.analysisConfig();
        String bucketSpan = analysis == null || analysis.bucketSpan() == null ? "5m" : analysis.bucketSpan();
        String latency = analysis == null || analysis.latency() == null ? "0s" : analysis.latency();
        Duration persistInterval = job.backgroundPersistInterval() == null
                ? null
                : TimeValues.parse(job.backgroundPersistInterval(), "background_persist_interval");
        return new JobSettings(
                TimeValues.parse(bucketSpan, "analysis_config.bucket_span").toMillis(),
                TimeValues.parse(latency, "analysis_config.latency").toMillis(),
                persistInterval,
                job.modelSnapshotRetentionDays() == null ? 10 : job.modelSnapshotRetentionDays(),
                job.dailyModelSnapshotRetentionAfterDays() == null ? 1 : job.dailyModelSnapshotRetentionAfterDays());
    }

    SnapshotStore.RetentionPolicy retention() {
        return new SnapshotStore.RetentionPolicy(snapshotRetentionDays, dailySnapshotRetentionAfterDays);
    }
}
