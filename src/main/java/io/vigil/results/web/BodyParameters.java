package io.vigil.results.web;

import io.vigil.common.FieldSuggestions;
import io.vigil.common.VigilException;
import io.vigil.results.domain.Paging;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The options of a request given as a JSON body. Parsing is strict, as Elasticsearch's object parsers are: an
 * unknown or repeated field, or a value of the wrong type, fails with {@code x_content_parse_exception} and the
 * {@code [line:column]} of the field, prefixed by the name of the parser ({@code page} for the paging object, the
 * action name otherwise).
 */
final class BodyParameters implements RequestParameters {

    private static final String PAGE = "page";
    private static final Set<String> PAGE_FIELDS = Set.of("from", "size");

    private final String parserName;
    private final Map<String, Field> fields;

    private BodyParameters(String parserName, Map<String, Field> fields) {
        this.parserName = parserName;
        this.fields = fields;
    }

    /** A field of the body with the location of its name. */
    private record Field(String name, JsonNode value, TokenStreamLocation location, Map<String, Field> object) {}

    /**
     * Parses {@code body}, which must be a JSON object whose fields are all in {@code allowed}.
     *
     * @throws VigilException 400 {@code x_content_parse_exception} for invalid JSON or an unknown field
     */
    static BodyParameters parse(ObjectMapper mapper, byte[] body, String parserName, Set<String> allowed) {
        try (JsonParser parser = mapper.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw VigilException.bodyParseError(
                        "[" + position(parser.currentTokenLocation()) + "] the request body must be a JSON object");
            }
            Map<String, Field> fields = readObject(parser, parserName, allowed);
            if (parser.nextToken() != null) {
                throw VigilException.bodyParseError("[" + position(parser.currentTokenLocation())
                        + "] unexpected content after the request body object");
            }
            return new BodyParameters(parserName, fields);
        } catch (JacksonException e) {
            throw VigilException.bodyParseError(
                    "[" + position(e.getLocation()) + "] request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static Map<String, Field> readObject(JsonParser parser, String parserName, Set<String> allowed) {
        Map<String, Field> fields = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            TokenStreamLocation location = parser.currentTokenLocation();
            if (!allowed.contains(name)) {
                throw VigilException.bodyParseError("[" + position(location) + "] [" + parserName + "] unknown field ["
                        + name + "]" + FieldSuggestions.suffix(name, allowed));
            }
            if (fields.containsKey(name)) {
                throw VigilException.bodyParseError(
                        "[" + position(location) + "] [" + parserName + "] duplicate field [" + name + "]");
            }
            JsonToken valueToken = parser.nextToken();
            if (name.equals(PAGE) && valueToken == JsonToken.START_OBJECT) {
                fields.put(name, new Field(name, null, location, readObject(parser, PAGE, PAGE_FIELDS)));
            } else {
                fields.put(name, new Field(name, parser.readValueAsTree(), location, null));
            }
        }
        return fields;
    }

    private static String position(TokenStreamLocation location) {
        return location == null ? "?:?" : location.getLineNr() + ":" + location.getColumnNr();
    }

    @Override
    public boolean has(String name) {
        Field field = fields.get(name);
        return field != null && (field.object() != null || !field.value().isNull());
    }

    @Override
    public Optional<String> text(String name) {
        return value(name).map(field -> {
            if (field.value().isString() || field.value().isNumber()) {
                return field.value().asString();
            }
            throw invalid(parserName, field, "expected a string or a number, got " + describe(field.value()));
        });
    }

    @Override
    public Optional<Boolean> flag(String name) {
        return value(name).map(field -> flag(parserName, field));
    }

    private static String describe(JsonNode value) {
        if (value.isObject()) {
            return "an object";
        }
        if (value.isArray()) {
            return "an array";
        }
        return "[" + value + "]";
    }

    private static boolean flag(String parserName, Field field) {
        JsonNode value = field.value();
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isString()
                && (value.asString().equals("true") || value.asString().equals("false"))) {
            return value.asString().equals("true");
        }
        throw invalid(parserName, field, "only [true] or [false] are allowed, got [" + value + "]");
    }

    @Override
    public Optional<Double> number(String name) {
        return value(name).map(field -> {
            JsonNode value = field.value();
            try {
                if (value.isNumber()) {
                    return value.doubleValue();
                }
                if (value.isString()) {
                    return Double.parseDouble(value.asString());
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw invalid(parserName, field, "expected a number, got [" + value + "]");
        });
    }

    @Override
    public Optional<Long> wholeNumber(String name) {
        return value(name).map(field -> wholeNumber(parserName, field));
    }

    private static long wholeNumber(String parserName, Field field) {
        JsonNode value = field.value();
        try {
            if (value.isIntegralNumber() && value.canConvertToLong()) {
                return value.longValue();
            }
            if (value.isString()) {
                return Long.parseLong(value.asString());
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(parserName, field, "expected a whole number, got [" + value + "]");
    }

    @Override
    public boolean hasPaging() {
        return has(PAGE);
    }

    @Override
    public Paging paging() {
        Field page = fields.get(PAGE);
        if (page == null || (page.object() == null && page.value().isNull())) {
            return Paging.DEFAULT;
        }
        if (page.object() == null) {
            throw invalid(parserName, page, "expected an object such as {\"from\": 0, \"size\": 100}");
        }
        Field from = page.object().get("from");
        Field size = page.object().get("size");
        return new Paging(
                from == null ? Paging.DEFAULT_FROM : toInt(wholeNumber(PAGE, from), from),
                size == null ? Paging.DEFAULT_SIZE : toInt(wholeNumber(PAGE, size), size));
    }

    private static int toInt(long value, Field field) {
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw invalid(PAGE, field, "value [" + value + "] is out of range for an integer");
        }
        return (int) value;
    }

    @Override
    public void rejectUnread() {
        // Unknown fields were rejected by parse.
    }

    private Optional<Field> value(String name) {
        Field field = fields.get(name);
        if (field == null || (field.object() == null && field.value().isNull())) {
            return Optional.empty();
        }
        if (field.object() != null) {
            throw invalid(parserName, field, "expected a value, got an object");
        }
        return Optional.of(field);
    }

    private static VigilException invalid(String parserName, Field field, String problem) {
        return VigilException.bodyParseError("[" + position(field.location()) + "] [" + parserName
                + "] failed to parse field [" + field.name() + "]: " + problem);
    }
}
