package io.vigil.results.domain;

import io.vigil.common.DateParser;
import io.vigil.common.VigilException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Typed access to the fields of one imported result document. Every error names the line of the document and the
 * path of the field, for example {@code bucket_influencers[1].probability}.
 */
final class DocumentFields {

    private final JsonNode object;
    private final long line;
    private final String prefix;
    private final DateParser dates;

    DocumentFields(JsonNode object, long line, String prefix, DateParser dates) {
        this.object = object;
        this.line = line;
        this.prefix = prefix;
        this.dates = dates;
    }

    long line() {
        return line;
    }

    JsonNode node() {
        return object;
    }

    boolean has(String name) {
        JsonNode value = object.get(name);
        return value != null && !value.isNull();
    }

    String path(String name) {
        return prefix + name;
    }

    VigilException invalid(String name, String problem) {
        return VigilException.badRequest(
                "Invalid result document on line " + line + ": [" + path(name) + "] " + problem);
    }

    String text(String name) {
        if (!has(name)) {
            return null;
        }
        JsonNode value = object.get(name);
        if (!value.isString()) {
            throw invalid(name, "must be a string, got [" + value + "]");
        }
        return checkText(name, value.asString());
    }

    String requiredText(String name) {
        String value = text(name);
        if (value == null) {
            throw invalid(name, "is missing");
        }
        return value;
    }

    double score(String name, double fallback) {
        return number(name, fallback, 0, 100);
    }

    double probability(String name) {
        return number(name, 0, 0, 1);
    }

    /** Returns the number, or {@code fallback} when the field is absent, checking it is in {@code [min, max]}. */
    double number(String name, double fallback, double min, double max) {
        if (!has(name)) {
            return fallback;
        }
        JsonNode value = object.get(name);
        if (!value.isNumber()) {
            throw invalid(name, "must be a number, got [" + value + "]");
        }
        double number = value.doubleValue();
        if (!(number >= min && number <= max)) {
            throw invalid(name, "must be between " + min + " and " + max + ", got [" + value + "]");
        }
        return number;
    }

    Double optionalNumber(String name) {
        return has(name) ? number(name, 0, -Double.MAX_VALUE, Double.MAX_VALUE) : null;
    }

    long wholeNumber(String name, long fallback, long min) {
        if (!has(name)) {
            return fallback;
        }
        JsonNode value = object.get(name);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw invalid(name, "must be a whole number, got [" + value + "]");
        }
        long number = value.longValue();
        if (number < min) {
            throw invalid(name, "must be at least " + min + ", got [" + number + "]");
        }
        return number;
    }

    long requiredWholeNumber(String name, long min) {
        if (!has(name)) {
            throw invalid(name, "is missing");
        }
        return wholeNumber(name, 0, min);
    }

    boolean flag(String name, boolean fallback) {
        if (!has(name)) {
            return fallback;
        }
        JsonNode value = object.get(name);
        if (!value.isBoolean()) {
            throw invalid(name, "must be true or false, got [" + value + "]");
        }
        return value.booleanValue();
    }

    /** Returns the time in epoch milliseconds, given as a number of milliseconds or an ISO 8601 string. */
    long timestamp(String name) {
        if (!has(name)) {
            throw invalid(name, "is missing; give it in epoch milliseconds or ISO 8601, such as 2016-06-01T00:00:00Z");
        }
        JsonNode value = object.get(name);
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.longValue();
        }
        if (value.isString()) {
            try {
                return dates.parseResultsDate(path(name), value.asString());
            } catch (VigilException notADate) {
                // reported below with the line number
            }
        }
        throw invalid(
                name,
                "is not a date: [" + value + "]; give it in epoch milliseconds or ISO 8601, such as "
                        + "2016-06-01T00:00:00Z");
    }

    List<String> texts(String name) {
        if (!has(name)) {
            return null;
        }
        JsonNode value = object.get(name);
        if (!value.isArray()) {
            throw invalid(name, "must be an array of strings, got [" + value + "]");
        }
        List<String> texts = new ArrayList<>(value.size());
        for (JsonNode item : value) {
            if (!item.isString()) {
                throw invalid(name, "must be an array of strings, got [" + value + "]");
            }
            texts.add(checkText(name, item.asString()));
        }
        return texts;
    }

    List<Double> numbers(String name) {
        if (!has(name)) {
            return null;
        }
        JsonNode value = object.get(name);
        if (!value.isArray()) {
            throw invalid(name, "must be an array of numbers, got [" + value + "]");
        }
        List<Double> numbers = new ArrayList<>(value.size());
        for (JsonNode item : value) {
            if (!item.isNumber()) {
                throw invalid(name, "must be an array of numbers, got [" + value + "]");
            }
            numbers.add(item.doubleValue());
        }
        return numbers;
    }

    List<Long> wholeNumbers(String name) {
        if (!has(name)) {
            return null;
        }
        JsonNode value = object.get(name);
        if (!value.isArray()) {
            throw invalid(name, "must be an array of whole numbers, got [" + value + "]");
        }
        List<Long> numbers = new ArrayList<>(value.size());
        for (JsonNode item : value) {
            if (!item.isIntegralNumber() || !item.canConvertToLong()) {
                throw invalid(name, "must be an array of whole numbers, got [" + value + "]");
            }
            numbers.add(item.longValue());
        }
        return numbers;
    }

    /** Returns the objects of an array field, each with the field path as its prefix. */
    List<DocumentFields> objects(String name) {
        if (!has(name)) {
            return List.of();
        }
        JsonNode value = object.get(name);
        if (!value.isArray()) {
            throw invalid(name, "must be an array of objects, got [" + value + "]");
        }
        List<DocumentFields> objects = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            String itemPath = path(name) + "[" + i + "]";
            if (!item.isObject()) {
                throw VigilException.badRequest("Invalid result document on line " + line + ": [" + itemPath
                        + "] must be an object, got [" + item + "]");
            }
            objects.add(new DocumentFields(item, line, itemPath + ".", dates));
        }
        return objects;
    }

    /** PostgreSQL text cannot hold the NUL character, so it is rejected here rather than failing the whole write. */
    String checkText(String name, String text) {
        if (text.indexOf('\0') >= 0) {
            throw invalid(name, "contains the NUL character (\\u0000), which cannot be stored");
        }
        return text;
    }
}
