package io.vigil.job;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A custom rule of a detector: when the scope and all conditions match a series in a bucket, the actions
 * ({@code skip_result}, {@code skip_model_update}) apply to it.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"actions", "scope", "conditions"})
public record DetectionRule(List<String> actions, Map<String, FilterRef> scope, List<RuleCondition> conditions) {

    /** A reference to a filter that a field's value must be in ({@code include}) or not in ({@code exclude}). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"filter_id", "filter_type"})
    public record FilterRef(String filterId, String filterType) {}

    /** A numeric condition such as {@code actual gt 10}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"applies_to", "operator", "value"})
    public record RuleCondition(String appliesTo, String operator, Double value) {}
}
