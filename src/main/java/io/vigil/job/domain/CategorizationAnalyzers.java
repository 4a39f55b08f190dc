package io.vigil.job.domain;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code categorization_analyzer} syntax: either the name of a global analyzer or an object with
 * {@code char_filter}, {@code tokenizer} and {@code filter}, each element a name or a definition object. The
 * structure is checked here; the categorizer decides which names it runs. Messages are Elasticsearch's (x-pack
 * {@code CategorizationAnalyzerConfig}).
 */
public final class CategorizationAnalyzers {

    private static final String FIELD = "categorization_analyzer";

    /**
     * The day and month names and time zones dropped before categorizing, so that timestamps written as words do not
     * split a category (the word list of Elasticsearch's standard categorization analyzer, in its order). They match
     * case-sensitively, as the {@code stop} filter does by default.
     */
    public static final List<String> DATE_WORDS = List.of(
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
            "Mon",
            "Tue",
            "Wed",
            "Thu",
            "Fri",
            "Sat",
            "Sun",
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
            "Jan",
            "Feb",
            "Mar",
            "Apr",
            "May",
            "Jun",
            "Jul",
            "Aug",
            "Sep",
            "Oct",
            "Nov",
            "Dec",
            "GMT",
            "UTC");

    private CategorizationAnalyzers() {}

    /**
     * Builds the analyzer a new job gets when it categorizes without naming one: the first non-blank line of each
     * message, one {@code pattern_replace} char filter per categorization filter, the {@code ml_standard} tokenizer
     * and a stop filter for day and month names.
     */
    public static ObjectNode standard(List<String> categorizationFilters) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode analyzer = nodes.objectNode();
        ArrayNode charFilters = analyzer.putArray("char_filter");
        charFilters.add("first_non_blank_line");
        for (String pattern : categorizationFilters == null ? List.<String>of() : categorizationFilters) {
            charFilters.addObject().put("type", "pattern_replace").put("pattern", pattern);
        }
        analyzer.put("tokenizer", "ml_standard");
        ObjectNode stopWords = analyzer.putArray("filter").addObject();
        stopWords.put("type", "stop");
        DATE_WORDS.forEach(stopWords.putArray("stopwords")::add);
        return analyzer;
    }

    /** Checks the structure of a user-given analyzer. */
    static void check(JsonNode analyzer) {
        if (analyzer.isString()) {
            if (analyzer.asString().isEmpty()) {
                throw ConfigErrors.illegalArgument("[" + FIELD + "] should be analyzer's name or settings [empty]");
            }
            return;
        }
        if (!analyzer.isObject()) {
            throw ConfigErrors.illegalArgument(
                    "[" + FIELD + "] should be analyzer's name or settings [" + tokenName(analyzer) + "]");
        }
        boolean hasTokenizer = false;
        for (Map.Entry<String, JsonNode> entry : analyzer.properties()) {
            String name = entry.getKey();
            JsonNode value = entry.getValue();
            if ((name.equals("char_filter") || name.equals("filter")) && value.isArray()) {
                checkElements(name, value);
            } else if (name.equals("tokenizer") && (value.isString() || value.isObject())) {
                hasTokenizer = true;
            } else if (name.equals("tokenizer")) {
                throw ConfigErrors.illegalArgument("[tokenizer] in [" + FIELD
                        + "] should be tokenizer's name or settings [" + tokenName(value) + "]");
            } else {
                throw ConfigErrors.illegalArgument("Parameter [" + name + "] in [" + FIELD
                        + "] is unknown or of the wrong type [" + tokenName(value) + "]");
            }
        }
        if (!hasTokenizer) {
            throw ConfigErrors.illegalArgument(
                    FIELD + " that is not a global analyzer must specify a [tokenizer] field");
        }
    }

    private static void checkElements(String name, JsonNode elements) {
        String kind = name.equals("filter") ? "token_filter" : "char_filter";
        for (JsonNode element : elements) {
            if (!element.isString() && !element.isObject()) {
                throw ConfigErrors.illegalArgument("[" + name + "] in [" + FIELD + "] array element should contain "
                        + kind + "'s name or settings [" + tokenName(element) + "]");
            }
        }
    }

    /** Names a JSON value by the parser token Elasticsearch prints in these messages. */
    private static String tokenName(JsonNode value) {
        if (value.isArray()) {
            return "START_ARRAY";
        }
        if (value.isObject()) {
            return "START_OBJECT";
        }
        if (value.isString()) {
            return "VALUE_STRING";
        }
        if (value.isNumber()) {
            return "VALUE_NUMBER";
        }
        if (value.isBoolean()) {
            return "VALUE_BOOLEAN";
        }
        return "VALUE_NULL";
    }
}
