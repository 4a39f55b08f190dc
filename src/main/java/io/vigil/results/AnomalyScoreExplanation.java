package io.vigil.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Why a record scored as it did: the kind and length of the anomaly, the impact of its single-bucket, multi-bucket
 * and anomaly-characteristics probabilities (each round(-log10 p), set only when p < 0.05), the model's confidence
 * bounds, and the penalties that widened the model.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "anomaly_type",
    "anomaly_length",
    "single_bucket_impact",
    "multi_bucket_impact",
    "anomaly_characteristics_impact",
    "lower_confidence_bound",
    "typical_value",
    "upper_confidence_bound",
    "high_variance_penalty",
    "incomplete_bucket_penalty",
    "multimodal_distribution",
    "by_field_first_occurrence",
    "by_field_relative_rarity"
})
public record AnomalyScoreExplanation(
        String anomalyType,
        Integer anomalyLength,
        Integer singleBucketImpact,
        Integer multiBucketImpact,
        Integer anomalyCharacteristicsImpact,
        Double lowerConfidenceBound,
        Double typicalValue,
        Double upperConfidenceBound,
        Boolean highVariancePenalty,
        Boolean incompleteBucketPenalty,
        Boolean multimodalDistribution,
        Boolean byFieldFirstOccurrence,
        Double byFieldRelativeRarity) {}
