package io.vigil.job.domain;

import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The body of {@code POST _ml/filters/{filter_id}/_update}; null fields change nothing. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record FilterUpdate(String filterId, String description, List<String> addItems, List<String> removeItems) {}
