package io.vigil.process;

import io.vigil.common.TimeValues;
import io.vigil.job.AnalysisConfig;
import io.vigil.job.Job;
import java.time.Duration;

/**
 * The settings of a job that its processor uses, with the API defaults for those the stored configuration lacks:
 * {@code bucket_span} 5m, {@code latency} 0, {@code model_snapshot_retention_days} 10,
 * {@code daily_model_snapshot_retention_after_days} 1, and a renormalization window of the longer of 30 days and 100
 * buckets (Elasticsearch's {@code ScoresUpdater} default). The persist interval is null when the job does not set it.
 */
record JobSettings(
        long bucketSpanMs,
        long latencyMs,
        Duration backgroundPersistInterval,
        long snapshotRetentionDays,
        long dailySnapshotRetentionAfterDays,
        long renormalizationWindowMs) {

    private static final long DAY_MS = Duration.ofDays(1).toMillis();
    private static final long DEFAULT_WINDOW_DAYS = 30;
    private static final long DEFAULT_WINDOW_BUCKETS = 100;

    static JobSettings of(Job job) {
        AnalysisConfig analysis = job.analysisConfig();
        String bucketSpan = analysis == null || analysis.bucketSpan() == null ? "5m" : analysis.bucketSpan();
        String latency = analysis == null || analysis.latency() == null ? "0s" : analysis.latency();
        Duration persistInterval = job.backgroundPersistInterval() == null
                ? null
                : TimeValues.parse(job.backgroundPersistInterval(), "background_persist_interval");
        long bucketSpanMs =
                TimeValues.parse(bucketSpan, "analysis_config.bucket_span").toMillis();
        long windowMs = job.renormalizationWindowDays() == null
                ? Math.max(DEFAULT_WINDOW_DAYS * DAY_MS, DEFAULT_WINDOW_BUCKETS * bucketSpanMs)
                : job.renormalizationWindowDays() * DAY_MS;
        return new JobSettings(
                bucketSpanMs,
                TimeValues.parse(latency, "analysis_config.latency").toMillis(),
                persistInterval,
                job.modelSnapshotRetentionDays() == null ? 10 : job.modelSnapshotRetentionDays(),
                job.dailyModelSnapshotRetentionAfterDays() == null ? 1 : job.dailyModelSnapshotRetentionAfterDays(),
                windowMs);
    }

    SnapshotStore.RetentionPolicy retention() {
        return new SnapshotStore.RetentionPolicy(snapshotRetentionDays, dailySnapshotRetentionAfterDays);
    }
}
