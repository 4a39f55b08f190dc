package io.vigil.categorization;

import io.vigil.common.VigilException;
import io.vigil.job.AnalysisConfig;
import io.vigil.job.domain.CategorizationAnalyzers;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tools.jackson.databind.JsonNode;

/**
 * Builds a {@link CategorizationAnalyzer} from a job's {@code categorization_filters} and
 * {@code categorization_analyzer}. The analyzer is either a name ({@code standard}, {@code whitespace}) or an object
 * with {@code char_filter}, {@code tokenizer} and {@code filter}, each entry a name or an object with a {@code type}.
 */
final class AnalyzerConfigParser {

    private static final String FIELD = "categorization_analyzer";

    private AnalyzerConfigParser() {}

    static CategorizationAnalyzer fromConfig(AnalysisConfig config) {
        JsonNode analyzer = config.categorizationAnalyzer();
        if (analyzer == null || analyzer.isNull() || analyzer.isMissingNode()) {
            List<String> filters = config.categorizationFilters();
            return standard(filters == null ? List.of() : filters);
        }
        if (analyzer.isString()) {
            return named(analyzer.stringValue());
        }
        if (!analyzer.isObject()) {
            throw VigilException.badRequest(
                    "[" + FIELD + "] must be an analyzer name or an object, but was [" + analyzer + "]");
        }
        return custom(analyzer);
    }

    static CategorizationAnalyzer standard(List<String> categorizationFilters) {
        List<CharFilter> charFilters = new ArrayList<>();
        charFilters.add(CharFilter.firstLineWithLetters());
        for (String filter : categorizationFilters) {
            charFilters.add(CharFilter.patternReplace(compile("categorization_filters", filter), ""));
        }
        return new CategorizationAnalyzer(
                charFilters,
                MlTokenizer.standard(),
                List.of(
                        TokenFilter.stop(Set.copyOf(CategorizationAnalyzers.DATE_WORDS), false),
                        TokenFilter.limit(CategorizationAnalyzer.MAX_TOKEN_COUNT)));
    }

    private static CategorizationAnalyzer named(String name) {
        return switch (name) {
            case "standard" ->
                new CategorizationAnalyzer(List.of(), WordTokenizer.standard(), List.of(TokenFilter.lowercase()));
            case "whitespace" -> new CategorizationAnalyzer(List.of(), WordTokenizer.whitespace(), List.of());
            default ->
                throw VigilException.badRequest("[" + FIELD + "] names the unknown analyzer [" + name
                        + "]; use [standard] or [whitespace], or define the analyzer as an object");
        };
    }

    private static CategorizationAnalyzer custom(JsonNode analyzer) {
        Set<String> known = Set.of("char_filter", "tokenizer", "filter");
        for (String field : analyzer.propertyNames()) {
            if (!known.contains(field)) {
                throw VigilException.badRequest("[" + FIELD + "] has the unknown field [" + field
                        + "]; an analyzer object takes [char_filter], [tokenizer] and [filter]");
            }
        }
        JsonNode tokenizer = analyzer.get("tokenizer");
        if (tokenizer == null || tokenizer.isNull()) {
            throw VigilException.badRequest("[" + FIELD + "] has no [tokenizer]; set it, for example to [ml_standard]");
        }
        List<CharFilter> charFilters = new ArrayList<>();
        for (JsonNode entry : entries(analyzer.get("char_filter"))) {
            charFilters.add(charFilter(entry));
        }
        List<TokenFilter> tokenFilters = new ArrayList<>();
        for (JsonNode entry : entries(analyzer.get("filter"))) {
            tokenFilters.add(tokenFilter(entry));
        }
        return new CategorizationAnalyzer(charFilters, tokenizer(tokenizer), tokenFilters);
    }

    private static List<JsonNode> entries(JsonNode node) {
        List<JsonNode> entries = new ArrayList<>();
        if (node == null || node.isNull()) {
            return entries;
        }
        if (node.isArray()) {
            node.forEach(entries::add);
        } else {
            entries.add(node);
        }
        return entries;
    }

    private static CharFilter charFilter(JsonNode entry) {
        String type = type(entry, "char_filter");
        return switch (type) {
            case "first_line_with_letters" -> CharFilter.firstLineWithLetters();
            case "first_non_blank_line" -> CharFilter.firstNonBlankLine();
            case "pattern_replace" ->
                CharFilter.patternReplace(
                        compile(FIELD + ".char_filter.pattern", required(entry, "char_filter", "pattern")),
                        entry.path("replacement").asString(""));
            default ->
                throw VigilException.badRequest("[" + FIELD + ".char_filter] has the unknown type [" + type
                        + "]; use [first_line_with_letters], [first_non_blank_line] or [pattern_replace]");
        };
    }

    private static Tokenizer tokenizer(JsonNode entry) {
        String type = type(entry, "tokenizer");
        return switch (type) {
            case "ml_standard" -> MlTokenizer.standard();
            case "ml_classic" -> MlTokenizer.classic();
            case "standard" -> WordTokenizer.standard();
            case "whitespace" -> WordTokenizer.whitespace();
            case "pattern" ->
                new PatternTokenizer(
                        compile(
                                FIELD + ".tokenizer.pattern",
                                entry.path("pattern").asString(PatternTokenizer.DEFAULT_PATTERN)),
                        entry.path("group").asInt(-1));
            default ->
                throw VigilException.badRequest("[" + FIELD + ".tokenizer] has the unknown type [" + type
                        + "]; use [ml_standard], [ml_classic], [standard], [whitespace] or [pattern]");
        };
    }

    private static TokenFilter tokenFilter(JsonNode entry) {
        String type = type(entry, "filter");
        return switch (type) {
            case "lowercase" -> TokenFilter.lowercase();
            case "stop" ->
                TokenFilter.stop(stopWords(entry), entry.path("ignore_case").asBoolean(false));
            case "limit" -> TokenFilter.limit(entry.path("max_token_count").asInt(1));
            default ->
                throw VigilException.badRequest("[" + FIELD + ".filter] has the unknown type [" + type
                        + "]; use [lowercase], [stop] or [limit]");
        };
    }

    private static Set<String> stopWords(JsonNode entry) {
        JsonNode words = entry.get("stopwords");
        if (words == null || !words.isArray()) {
            throw VigilException.badRequest("[" + FIELD + ".filter] of type [stop] needs [stopwords] as an array of"
                    + " words, for example [\"Monday\", \"Tuesday\"]");
        }
        Set<String> result = new HashSet<>();
        words.forEach(word -> result.add(word.asString()));
        return result;
    }

    private static String type(JsonNode entry, String part) {
        if (entry.isString()) {
            return entry.stringValue();
        }
        return required(entry, part, "type");
    }

    private static String required(JsonNode entry, String part, String field) {
        JsonNode value = entry.get(field);
        if (value == null || !value.isString()) {
            throw VigilException.badRequest(
                    "[" + FIELD + "." + part + "] entry " + entry + " needs the string field [" + field + "]");
        }
        return value.stringValue();
    }

    private static Pattern compile(String field, String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw VigilException.badRequest(
                    "[" + field + "] contains the invalid regular expression [" + regex + "]: " + e.getDescription());
        }
    }
}
