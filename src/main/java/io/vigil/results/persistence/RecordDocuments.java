package io.vigil.results.persistence;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.vigil.results.AnomalyCause;
import io.vigil.results.AnomalyRecord;
import io.vigil.results.AnomalyScoreExplanation;
import io.vigil.results.GeoResults;
import io.vigil.results.Influence;
import io.vigil.results.ResultFieldNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code document} column of a record: the fields that are neither filtered nor sorted on, under their API
 * names, plus the dynamic field keys at the top level. No dynamic key collides with a fixed field, because fixed
 * field names are reserved.
 */
final class RecordDocuments {

    private static final TypeReference<List<AnomalyCause>> CAUSES = new TypeReference<>() {};

    private final ObjectMapper mapper;

    RecordDocuments(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The parts of a stored record that live in its document. */
    record Parts(
            String correlatedByFieldValue,
            String functionDescription,
            List<Double> typical,
            List<Double> actual,
            List<AnomalyCause> causes,
            List<Influence> influencers,
            GeoResults geoResults,
            AnomalyScoreExplanation anomalyScoreExplanation,
            Map<String, List<String>> fieldValues) {

        /** No document parts, for records whose fields are rendered. */
        static final Parts NONE = new Parts(null, null, null, null, null, null, null, null, null);
    }

    /**
     * Renders the fields of a record from {@code by_field_name} on, as {@link AnomalyRecord} writes them, without
     * the enclosing braces. The result is empty when the record has none of them.
     */
    String render(AnomalyRecord record) {
        RenderedFields fields = new RenderedFields(
                record.byFieldName(),
                record.byFieldValue(),
                record.correlatedByFieldValue(),
                record.partitionFieldName(),
                record.partitionFieldValue(),
                record.function(),
                record.functionDescription(),
                record.typical(),
                record.actual(),
                record.fieldName(),
                record.overFieldName(),
                record.overFieldValue(),
                record.causes(),
                record.influencers(),
                record.geoResults(),
                record.anomalyScoreExplanation(),
                fieldValues(record));
        String json = mapper.writeValueAsString(fields);
        return json.substring(1, json.length() - 1);
    }

    /** The fields of {@link AnomalyRecord} after {@code scored_at}, with the same names, order and inclusion. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({
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
        "causes",
        "influencers",
        "geo_results",
        "anomaly_score_explanation"
    })
    private record RenderedFields(
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
            List<AnomalyCause> causes,
            List<Influence> influencers,
            GeoResults geoResults,
            AnomalyScoreExplanation anomalyScoreExplanation,
            @JsonIgnore Map<String, List<String>> fieldValues) {

        @JsonAnyGetter
        public Map<String, List<String>> dynamicFields() {
            return fieldValues;
        }
    }

    String write(AnomalyRecord record) {
        ObjectNode document = mapper.createObjectNode();
        putIfSet(document, "correlated_by_field_value", record.correlatedByFieldValue());
        putIfSet(document, "function_description", record.functionDescription());
        putIfSet(document, "typical", record.typical());
        putIfSet(document, "actual", record.actual());
        putIfSet(document, "causes", record.causes());
        putIfSet(document, "influencers", record.influencers());
        putIfSet(document, "geo_results", record.geoResults());
        putIfSet(document, "anomaly_score_explanation", record.anomalyScoreExplanation());
        fieldValues(record).forEach((name, values) -> {
            ArrayNode array = document.putArray(name);
            values.forEach(array::add);
        });
        return mapper.writeValueAsString(document);
    }

    /**
     * Reads a document with a streaming parser rather than a tree, because a page reads up to 10,000 of them and
     * the tree nodes were a large share of what a records request allocated.
     */
    Parts read(String json) {
        PartsBuilder parts = new PartsBuilder();
        try (JsonParser parser = mapper.createParser(json)) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                readField(parser, name, parts);
            }
        }
        return parts.build();
    }

    private void readField(JsonParser parser, String name, PartsBuilder parts) {
        switch (name) {
            case "correlated_by_field_value" -> parts.correlatedByFieldValue = parser.getValueAsString();
            case "function_description" -> parts.functionDescription = parser.getValueAsString();
            case "typical" -> parts.typical = doubles(parser);
            case "actual" -> parts.actual = doubles(parser);
            case "influencers" -> parts.influencers = influences(parser);
            case "causes" -> parts.causes = mapper.treeToValue(parser.readValueAsTree(), CAUSES);
            case "geo_results" -> parts.geoResults = bind(parser, GeoResults.class);
            case "anomaly_score_explanation" ->
                parts.anomalyScoreExplanation = bind(parser, AnomalyScoreExplanation.class);
            default -> {
                if (ResultFieldNames.isReserved(name)) {
                    parser.skipChildren();
                } else {
                    parts.fieldValues.put(name, strings(parser));
                }
            }
        }
    }

    /** Binds the value at the parser, which is rare enough in records to go through a tree. */
    private <T> T bind(JsonParser parser, Class<T> type) {
        JsonNode value = parser.readValueAsTree();
        return mapper.treeToValue(value, type);
    }

    private static final class PartsBuilder {
        String correlatedByFieldValue;
        String functionDescription;
        List<Double> typical;
        List<Double> actual;
        List<AnomalyCause> causes;
        List<Influence> influencers;
        GeoResults geoResults;
        AnomalyScoreExplanation anomalyScoreExplanation;
        final Map<String, List<String>> fieldValues = new LinkedHashMap<>();

        Parts build() {
            return new Parts(
                    correlatedByFieldValue,
                    functionDescription,
                    typical,
                    actual,
                    causes,
                    influencers,
                    geoResults,
                    anomalyScoreExplanation,
                    fieldValues);
        }
    }

    /**
     * Returns the dynamic field keys of a record, as Elasticsearch derives them: each by, over and partition field
     * name and each influencer field name mapped to its distinct values in insertion order. Other keys the record
     * carries follow, sorted by name, because the jsonb document does not keep their order. Reserved names are left
     * out.
     */
    static Map<String, List<String>> fieldValues(AnomalyRecord record) {
        Map<String, Set<String>> values = new LinkedHashMap<>();
        addValue(values, record.byFieldName(), record.byFieldValue());
        addValue(values, record.overFieldName(), record.overFieldValue());
        addValue(values, record.partitionFieldName(), record.partitionFieldValue());
        if (record.influencers() != null) {
            for (Influence influence : record.influencers()) {
                for (String value : influence.influencerFieldValues()) {
                    addValue(values, influence.influencerFieldName(), value);
                }
            }
        }
        if (record.fieldValues() != null) {
            new TreeMap<>(record.fieldValues())
                    .forEach((name, list) -> list.forEach(value -> addValue(values, name, value)));
        }
        Map<String, List<String>> result = new LinkedHashMap<>();
        values.forEach((name, set) -> result.put(name, List.copyOf(set)));
        return result;
    }

    private static void addValue(Map<String, Set<String>> values, String name, String value) {
        if (name == null || value == null || ResultFieldNames.isReserved(name)) {
            return;
        }
        values.computeIfAbsent(name, key -> new LinkedHashSet<>()).add(value);
    }

    private void putIfSet(ObjectNode document, String name, Object value) {
        if (value != null) {
            document.set(name, mapper.valueToTree(value));
        }
    }

    private static List<Influence> influences(JsonParser parser) {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            parser.skipChildren();
            return null;
        }
        List<Influence> influences = new ArrayList<>();
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            String fieldName = null;
            List<String> values = List.of();
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                switch (name) {
                    case "influencer_field_name" -> fieldName = parser.getValueAsString();
                    case "influencer_field_values" -> values = strings(parser);
                    default -> parser.skipChildren();
                }
            }
            influences.add(new Influence(fieldName, values));
        }
        return influences;
    }

    private static List<Double> doubles(JsonParser parser) {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            parser.skipChildren();
            return null;
        }
        List<Double> numbers = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            numbers.add(parser.getValueAsDouble());
        }
        return numbers;
    }

    private static List<String> strings(JsonParser parser) {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            parser.skipChildren();
            return parser.currentToken() == JsonToken.VALUE_NULL ? List.of() : List.of(parser.getValueAsString());
        }
        List<String> values = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            values.add(parser.getValueAsString());
        }
        return values;
    }
}
