package io.vigil.job;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * How input records carry their time: the field ({@code time_field}, default {@code time}) and its format
 * ({@code epoch}, {@code epoch_ms} or a date-time pattern).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"format", "time_field", "time_format", "field_delimiter", "quote_character"})
public record DataDescription(
        String format, String timeField, String timeFormat, String fieldDelimiter, String quoteCharacter) {}
