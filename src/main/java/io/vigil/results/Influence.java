package io.vigil.results;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The values of one influencer field that explain a record. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({"influencer_field_name", "influencer_field_values"})
public record Influence(String influencerFieldName, List<String> influencerFieldValues) {}
