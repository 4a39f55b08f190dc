package io.vigil.common;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code filter_path} response filter of Elasticsearch: a comma-separated list of dot paths whose fields a
 * response keeps. A {@code *} in a path segment matches any characters of one field name, a {@code **} segment
 * matches any number of levels, and arrays are traversed as if their elements stood in their place. Objects left
 * empty are dropped. Exclusions ({@code -path}) are not supported.
 */
final class FilterPath {

    private final List<List<String>> includes;

    private FilterPath(List<List<String>> includes) {
        this.includes = includes;
    }

    /**
     * Parses a {@code filter_path} value.
     *
     * @throws VigilException 400 for an empty value, an empty segment or an exclusion
     */
    static FilterPath parse(String value) {
        List<List<String>> includes = new ArrayList<>();
        for (String path : value.split(",")) {
            String trimmed = path.trim();
            if (trimmed.startsWith("-")) {
                throw VigilException.badRequest("Invalid [filter_path] entry [" + trimmed
                        + "]: exclusions are not supported; list the fields to keep instead");
            }
            List<String> segments = Arrays.asList(trimmed.split("\\.", -1));
            if (trimmed.isEmpty() || segments.contains("")) {
                throw VigilException.badRequest("Invalid [filter_path] entry [" + trimmed
                        + "]: use dot-separated field names such as [count,records.record_score]");
            }
            includes.add(List.copyOf(segments));
        }
        return new FilterPath(List.copyOf(includes));
    }

    /** Returns the parts of {@code document} that the paths select, or an empty object when none match. */
    JsonNode apply(JsonNode document) {
        JsonNode filtered = filter(document, includes);
        return filtered == null ? JsonNodeFactory.instance.objectNode() : filtered;
    }

    /** Returns the part of {@code node} that the remaining paths select, or null when nothing matches. */
    private static JsonNode filter(JsonNode node, List<List<String>> paths) {
        if (node instanceof ArrayNode array) {
            ArrayNode kept = JsonNodeFactory.instance.arrayNode();
            for (JsonNode element : array) {
                JsonNode filtered = filter(element, paths);
                if (filtered != null) {
                    kept.add(filtered);
                }
            }
            return kept.isEmpty() ? null : kept;
        }
        if (!(node instanceof ObjectNode object)) {
            return null;
        }
        ObjectNode kept = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            List<List<String>> remaining = new ArrayList<>();
            for (List<String> path : paths) {
                remaining.addAll(afterField(path, field.getKey()));
            }
            JsonNode value = remaining.stream().anyMatch(List::isEmpty)
                    ? field.getValue()
                    : remaining.isEmpty() ? null : filter(field.getValue(), remaining);
            if (value != null) {
                kept.set(field.getKey(), value);
            }
        }
        return kept.isEmpty() ? null : kept;
    }

    /** Returns what remains of {@code path} once a field named {@code name} is entered; empty when it cannot match. */
    private static List<List<String>> afterField(List<String> path, String name) {
        if (path.isEmpty()) {
            return List.of(path);
        }
        String segment = path.get(0);
        List<String> rest = path.subList(1, path.size());
        if (segment.equals("**")) {
            List<List<String>> after = new ArrayList<>();
            after.add(path);
            after.addAll(afterField(rest, name));
            return rest.isEmpty() ? List.of(rest) : after;
        }
        return glob(segment).matcher(name).matches() ? List.of(rest) : List.of();
    }

    private static Pattern glob(String segment) {
        List<String> literals =
                Arrays.stream(segment.split("\\*", -1)).map(Pattern::quote).toList();
        return Pattern.compile(String.join(".*", literals));
    }
}
