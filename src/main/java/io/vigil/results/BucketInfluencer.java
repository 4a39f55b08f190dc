package io.vigil.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The anomaly of a bucket attributed to one influencer field. The field name {@value #BUCKET_TIME} is the
 * bucket-level pseudo-influencer whose score is the bucket's own.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "job_id",
    "result_type",
    "influencer_field_name",
    "initial_anomaly_score",
    "anomaly_score",
    "raw_anomaly_score",
    "probability",
    "timestamp",
    "bucket_span",
    "is_interim",
    "scored_at"
})
public record BucketInfluencer(
        String jobId,
        String influencerFieldName,
        double initialAnomalyScore,
        double anomalyScore,
        double rawAnomalyScore,
        double probability,
        long timestamp,
        long bucketSpan,
        @JsonProperty("is_interim") boolean isInterim,
        Long scoredAt) {

    public static final String RESULT_TYPE = "bucket_influencer";
    public static final String BUCKET_TIME = "bucket_time";

    @JsonProperty("result_type")
    public String resultType() {
        return RESULT_TYPE;
    }
}
