package io.vigil.results.persistence;

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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code document} column of a record: the fields that are neither filtered nor sorted on, under their API
 * names, plus the dynamic field keys at the top level. No dynamic key collides with a fixed field, because fixed
 * field names are reserved.
 */
final class RecordDocuments {

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
            Map<String, List<String>> fieldValues) {}

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

    Parts read(String json) {
        JsonNode document = mapper.readTree(json);
        Map<String, List<String>> fieldValues = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : document.properties()) {
            if (!ResultFieldNames.isReserved(field.getKey())) {
                List<String> values = new ArrayList<>();
                field.getValue().forEach(value -> values.add(value.asString()));
                fieldValues.put(field.getKey(), values);
            }
        }
        return new Parts(
                text(document, "correlated_by_field_value"),
                text(document, "function_description"),
                doubles(document, "typical"),
                doubles(document, "actual"),
                list(document, "causes", AnomalyCause.class),
                influences(document.get("influencers")),
                value(document, "geo_results", GeoResults.class),
                value(document, "anomaly_score_explanation", AnomalyScoreExplanation.class),
                fieldValues);
    }

    /**
     * Returns the dynamic field keys of a record, as Elasticsearch derives them: each by, over and partition field
     * name and each influencer field name mapped to its distinct values in insertion order, followed by keys the
     * record carries besides those. Reserved names are left out.
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
            record.fieldValues().forEach((name, list) -> list.forEach(value -> addValue(values, name, value)));
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

    private static String text(JsonNode document, String name) {
        JsonNode value = document.get(name);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static List<Double> doubles(JsonNode document, String name) {
        JsonNode value = document.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        List<Double> numbers = new ArrayList<>(value.size());
        value.forEach(number -> numbers.add(number.asDouble()));
        return numbers;
    }

    /** Reads influences without data binding, because every record has them and binding costs more than this. */
    private static List<Influence> influences(JsonNode array) {
        if (array == null || array.isNull()) {
            return null;
        }
        List<Influence> influences = new ArrayList<>(array.size());
        for (JsonNode influence : array) {
            List<String> values = new ArrayList<>();
            influence.path("influencer_field_values").forEach(value -> values.add(value.asString()));
            influences.add(new Influence(influence.path("influencer_field_name").asString(), values));
        }
        return influences;
    }

    private <T> List<T> list(JsonNode document, String name, Class<T> type) {
        JsonNode value = document.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        List<T> items = new ArrayList<>(value.size());
        value.forEach(item -> items.add(mapper.treeToValue(item, type)));
        return items;
    }

    private <T> T value(JsonNode document, String name, Class<T> type) {
        JsonNode value = document.get(name);
        return value == null || value.isNull() ? null : mapper.treeToValue(value, type);
    }
}
