package io.vigil.overall;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * One interval of the summary across jobs. {@code overallScore} is the mean of the {@code top_n} highest per-job
 * maximum {@code anomaly_score}s in the interval, 0 to 100; {@code jobs} lists every job with a bucket in the interval,
 * sorted by job id.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({"timestamp", "bucket_span", "overall_score", "jobs", "is_interim", "result_type"})
@JsonSerialize(using = OverallBucketSerializer.class)
public record OverallBucket(
        long timestamp,
        long bucketSpan,
        double overallScore,
        List<JobMaxScore> jobs,
        @JsonProperty("is_interim") boolean isInterim) {

    @JsonProperty("result_type")
    public String resultType() {
        return "overall_bucket";
    }

    /** The maximum bucket {@code anomaly_score} of one job within an overall bucket. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonPropertyOrder({"job_id", "max_anomaly_score"})
    public record JobMaxScore(String jobId, double maxAnomalyScore) {}
}
