package io.vigil.job;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** One detector of a job: a function of a field, optionally split by, over and partitioned by other fields. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "detector_description",
    "function",
    "field_name",
    "by_field_name",
    "over_field_name",
    "partition_field_name",
    "use_null",
    "exclude_frequent",
    "custom_rules",
    "detector_index"
})
public record Detector(
        String detectorDescription,
        String function,
        String fieldName,
        String byFieldName,
        String overFieldName,
        String partitionFieldName,
        Boolean useNull,
        String excludeFrequent,
        List<DetectionRule> customRules,
        Integer detectorIndex) {}
