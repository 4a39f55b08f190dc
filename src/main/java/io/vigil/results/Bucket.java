package io.vigil.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A bucket result: one per {@code bucket_span} interval of a job, with its 0–100 {@code anomaly_score}.
 * {@code records} is set only when a request expands buckets; {@code scoredAt} only when it filters on
 * {@code changed_since}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "job_id",
    "timestamp",
    "anomaly_score",
    "bucket_span",
    "initial_anomaly_score",
    "records",
    "event_count",
    "is_interim",
    "bucket_influencers",
    "processing_time_ms",
    "scheduled_events",
    "scored_at",
    "result_type"
})
public record Bucket(
        String jobId,
        long timestamp,
        double anomalyScore,
        long bucketSpan,
        double initialAnomalyScore,
        List<AnomalyRecord> records,
        long eventCount,
        @JsonProperty("is_interim") boolean isInterim,
        List<BucketInfluencer> bucketInfluencers,
        long processingTimeMs,
        List<String> scheduledEvents,
        Long scoredAt) {

    public static final String RESULT_TYPE = "bucket";

    @JsonProperty("result_type")
    public String resultType() {
        return RESULT_TYPE;
    }
}
