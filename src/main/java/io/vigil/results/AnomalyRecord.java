package io.vigil.results;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One anomalous series in one bucket. {@code fieldValues} holds the dynamic top-level keys: each by, over,
 * partition and influencer field name mapped to its values in this record, for example {@code "airline": ["AAL"]}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "job_id",
    "result_type",
    "probability",
    "multi_bucket_impact",
    "record_score",
    "initial_record_score",
    "bucket_span",
    "detector_index",
    "is_interim",
    "timestamp",
    "scored_at",
    "by_field_name",
    "by_field_value",
    "correlated_by_field_value",
    "partition_field_name",
    "partition_field_value",
    "function",
    "function_description",
    "typical",
    "actual",
    "field_name",
    "over_field_name",
    "over_field_value",
    "causes",
    "influencers",
    "geo_results",
    "anomaly_score_explanation"
})
public record AnomalyRecord(
        String jobId,
        double probability,
        Double multiBucketImpact,
        double recordScore,
        double initialRecordScore,
        long bucketSpan,
        int detectorIndex,
        @JsonProperty("is_interim") boolean isInterim,
        long timestamp,
        String byFieldName,
        String byFieldValue,
        String correlatedByFieldValue,
        String partitionFieldName,
        String partitionFieldValue,
        String function,
        String functionDescription,
        List<Double> typical,
        List<Double> actual,
        String fieldName,
        String overFieldName,
        String overFieldValue,
        List<AnomalyCause> causes,
        List<Influence> influencers,
        GeoResults geoResults,
        AnomalyScoreExplanation anomalyScoreExplanation,
        Long scoredAt,
        @JsonIgnore Map<String, List<String>> fieldValues) {

    public static final String RESULT_TYPE = "record";

    @JsonProperty("result_type")
    public String resultType() {
        return RESULT_TYPE;
    }

    @JsonAnyGetter
    public Map<String, List<String>> dynamicFields() {
        return fieldValues == null ? Map.of() : ResultFieldNames.withoutReserved(fieldValues);
    }
}
