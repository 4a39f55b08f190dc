package io.vigil.job;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A filter: a named list of values that custom rule scopes of detectors refer to ({@code include} or
 * {@code exclude} the series whose field value is in the list). Items are sorted and unique.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"filter_id", "description", "items"})
public record MlFilter(String filterId, String description, List<String> items) {}
