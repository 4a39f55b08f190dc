package io.vigil.process;

import io.vigil.common.FieldSuggestions;
import io.vigil.common.TimeValues;
import io.vigil.common.VigilException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * The options of a request, read either from its JSON body or, when it has none, from its query string, as
 * Elasticsearch does. An option the endpoint does not know is a 400 naming it.
 */
public final class RequestOptions {

    /** Accepted in the query string of every endpoint, as Elasticsearch does; these endpoints ignore it. */
    private static final String HUMAN = "human";

    private final Map<String, ?> values;
    private final boolean fromBody;

    private RequestOptions(Map<String, ?> values, boolean fromBody) {
        this.values = values;
        this.fromBody = fromBody;
    }

    /**
     * Returns the options of the body when it has any, else of the query string, after checking that every name is
     * in {@code known}. {@code action} names the request in the error message.
     */
    public static RequestOptions of(
            Map<String, String> query, Map<String, Object> body, Set<String> known, String action) {
        boolean hasBody = body != null && !body.isEmpty();
        Map<String, ?> values = hasBody ? body : query;
        for (String name : values.keySet()) {
            if (!known.contains(name) && !(name.equals(HUMAN) && !hasBody)) {
                String suggestion = FieldSuggestions.suffix(name, known);
                throw hasBody
                        ? VigilException.bodyParseError(
                                "[1:2] [" + action + "] unknown field [" + name + "]" + suggestion)
                        : VigilException.badRequest("request [" + action + "] contains unrecognized parameter: [" + name
                                + "]" + (suggestion.isEmpty() ? "" : " ->" + suggestion));
            }
        }
        return new RequestOptions(values, hasBody);
    }

    /** Returns the option as text, or null when it is absent. */
    public String text(String name) {
        Object value = values.get(name);
        return value == null ? null : value.toString();
    }

    /** Returns a boolean option: {@code true} or {@code false}, anything else is a 400. */
    public boolean bool(String name, boolean defaultValue) {
        Object value = values.get(name);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Boolean bool) {
            return bool;
        }
        String text = value.toString();
        if (!fromBody && text.isEmpty()) {
            return true;
        }
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        throw VigilException.badRequest("Failed to parse value [" + text + "] as only [true] or [false] are allowed "
                + "for parameter [" + name + "]");
    }

    /** Returns a time value option such as {@code 30m}. */
    public Duration duration(String name, Duration defaultValue) {
        String text = text(name);
        return text == null ? defaultValue : TimeValues.parse(text, name);
    }

    /** Returns an integer option, or the default when absent. */
    public int integer(String name, int defaultValue) {
        Object value = values.get(name);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Number number) {
            return number.intValue();
        }
        try {
            return Integer.parseInt(value.toString());
        } catch (NumberFormatException e) {
            throw VigilException.badRequest(
                    "Failed to parse int parameter [" + name + "] with value [" + value + "]; use a whole number");
        }
    }

    /** Returns a nested object option such as {@code page}, or an empty map. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> object(String name) {
        Object value = values.get(name);
        if (value == null) {
            return Map.of();
        }
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw VigilException.bodyParseError("[" + name + "] must be an object, found [" + value + "]");
    }

    /** Paging options {@code from} (default 0) and {@code size} (default 100) of a {@code page} body object. */
    public record Page(int from, int size) {

        public Page(Map<String, Object> page) {
            this(
                    RequestOptions.of(Map.of(), page, Set.of("from", "size"), "page")
                            .integer("from", 0),
                    RequestOptions.of(Map.of(), page, Set.of("from", "size"), "page")
                            .integer("size", 100));
        }

        /** Rejects a negative {@code from} or {@code size} with the message Elasticsearch clients match on. */
        public static void check(int from, int size) {
            if (from < 0) {
                throw VigilException.badRequest("Parameter [from] cannot be < 0");
            }
            if (size < 0) {
                throw VigilException.badRequest("Parameter [size] cannot be < 0");
            }
        }
    }
}
