package io.vigil.results;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * An influencer result: how anomalous the bucket was for one influencer value, such as {@code user_name: Bob}.
 * The field name also appears as a dynamic top-level key set to the value, unless it is a reserved result field.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "job_id",
    "result_type",
    "influencer_field_name",
    "influencer_field_value",
    "dynamic_fields",
    "influencer_score",
    "initial_influencer_score",
    "probability",
    "bucket_span",
    "is_interim",
    "timestamp",
    "scored_at"
})
public record Influencer(
        String jobId,
        String influencerFieldName,
        String influencerFieldValue,
        double influencerScore,
        double initialInfluencerScore,
        double probability,
        long bucketSpan,
        @JsonProperty("is_interim") boolean isInterim,
        long timestamp,
        Long scoredAt) {

    public static final String RESULT_TYPE = "influencer";

    @JsonProperty("result_type")
    public String resultType() {
        return RESULT_TYPE;
    }

    /**
     * Returns the dynamic key, which Elasticsearch writes right after {@code influencer_field_value}. The property
     * name only places this any-getter in the property order and is not written itself.
     */
    @JsonAnyGetter
    @JsonProperty("dynamic_fields")
    public Map<String, String> dynamicFields() {
        return ResultFieldNames.isReserved(influencerFieldName)
                ? Map.of()
                : Map.of(influencerFieldName, influencerFieldValue);
    }
}
