package io.vigil.job.domain;

import java.time.Duration;

/**
 * Defaults and limits of job configuration. Validation applies them and {@code GET _ml/info} reports them, so both
 * read these constants. The values are Elasticsearch's (x-pack {@code AnalysisLimits}, {@code Job},
 * {@code AnalysisConfig}, {@code MlFilter} and {@code MlStrings}).
 */
public final class JobDefaults {

    public static final String JOB_TYPE = "anomaly_detector";
    public static final String BUCKET_SPAN = "5m";
    public static final long MODEL_MEMORY_LIMIT_MB = 1024;
    public static final long CATEGORIZATION_EXAMPLES_LIMIT = 4;
    public static final long MODEL_SNAPSHOT_RETENTION_DAYS = 10;
    public static final long DAILY_MODEL_SNAPSHOT_RETENTION_AFTER_DAYS = 1;
    public static final Duration MIN_BACKGROUND_PERSIST_INTERVAL = Duration.ofHours(1);
    public static final long MIN_MODEL_PRUNE_WINDOW_BUCKETS = 2;
    public static final String RESULTS_INDEX_NAME = "shared";
    public static final String TIME_FIELD = "time";
    public static final String TIME_FORMAT = "epoch_ms";
    public static final int MAX_ID_LENGTH = 64;
    public static final int MAX_FILTER_ITEMS = 10_000;

    private JobDefaults() {}
}
