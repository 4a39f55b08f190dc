package io.vigil.results;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A log message category: the common terms of its messages, a regex matching them, examples and the number of
 * messages it matched. {@code grokPattern} is derived from the regex and examples when the category is read.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "job_id",
    "category_id",
    "partition_field_name",
    "partition_field_value",
    "terms",
    "regex",
    "max_matching_length",
    "examples",
    "grok_pattern",
    "preferred_to_categories",
    "num_matches"
})
public record CategoryDefinition(
        String jobId,
        long categoryId,
        String partitionFieldName,
        String partitionFieldValue,
        String terms,
        String regex,
        long maxMatchingLength,
        List<String> examples,
        String grokPattern,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Long> preferredToCategories,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) long numMatches) {

    @JsonAnyGetter
    public Map<String, String> dynamicFields() {
        if (partitionFieldName == null
                || partitionFieldValue == null
                || ResultFieldNames.isReserved(partitionFieldName)) {
            return Map.of();
        }
        return Map.of(partitionFieldName, partitionFieldValue);
    }
}
