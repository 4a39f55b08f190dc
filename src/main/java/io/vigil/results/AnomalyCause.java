package io.vigil.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** One by value that contributed to a population record, with its own probability, typical and actual values. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "probability",
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
    "influencers",
    "geo_results"
})
public record AnomalyCause(
        Double probability,
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
        List<Influence> influencers,
        GeoResults geoResults) {}
