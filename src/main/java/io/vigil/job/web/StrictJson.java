package io.vigil.job.web;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.vigil.common.FieldSuggestions;
import io.vigil.common.JsonErrorMessages;
import io.vigil.common.VigilException;
import io.vigil.job.AnalysisConfig;
import io.vigil.job.AnalysisLimits;
import io.vigil.job.DataDescription;
import io.vigil.job.DetectionRule;
import io.vigil.job.Detector;
import io.vigil.job.Job;
import io.vigil.job.MlFilter;
import io.vigil.job.ModelPlotConfig;
import io.vigil.job.domain.FilterUpdate;
import io.vigil.job.domain.JobUpdate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.PropertyBindingException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses request bodies strictly, as Elasticsearch's object parsers do: an unknown or duplicate field is a 400
 * {@code x_content_parse_exception} "[line:col] [parser] unknown field [x]", where the parser is named after the
 * object that contains the field ({@code job_details}, {@code analysis_config}, {@code detector}, ...).
 */
@Component
class StrictJson {

    private static final Map<Class<?>, String> PARSER_NAMES = Map.ofEntries(
            Map.entry(Job.class, "job_details"),
            Map.entry(AnalysisConfig.class, "analysis_config"),
            Map.entry(AnalysisConfig.PerPartitionCategorization.class, "per_partition_categorization"),
            Map.entry(Detector.class, "detector"),
            Map.entry(DetectionRule.class, "detection_rule"),
            Map.entry(DetectionRule.FilterRef.class, "filter_ref"),
            Map.entry(DetectionRule.RuleCondition.class, "rule_condition"),
            Map.entry(DataDescription.class, "data_description"),
            Map.entry(AnalysisLimits.class, "analysis_limits"),
            Map.entry(ModelPlotConfig.class, "model_plot_config"),
            Map.entry(JobUpdate.class, "job_update"),
            Map.entry(JobUpdate.DetectorUpdate.class, "detector_update"),
            Map.entry(MlFilter.class, "filter"),
            Map.entry(FilterUpdate.class, "filter_update"));

    /** Hides the delimited-format settings of {@link DataDescription}, which the API no longer accepts. */
    abstract static class DataDescriptionMixIn {
        @JsonIgnore
        abstract String fieldDelimiter();

        @JsonIgnore
        abstract String quoteCharacter();
    }

    private final JsonMapper mapper;

    StrictJson(JsonMapper mapper) {
        this.mapper = mapper.rebuild()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_IGNORED_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .addMixIn(DataDescription.class, DataDescriptionMixIn.class)
                .build();
    }

    /**
     * Parses a required JSON object body.
     *
     * @throws VigilException 400 {@code parse_exception} for a missing body, {@code x_content_parse_exception} for
     *     invalid JSON, an unknown field or a value of the wrong type
     */
    <T> T read(byte[] body, Class<T> type) {
        if (body == null || new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            throw new VigilException(HttpStatus.BAD_REQUEST, "parse_exception", "request body is required");
        }
        try {
            return mapper.readValue(body, type);
        } catch (PropertyBindingException e) {
            throw unknownField(body, e);
        } catch (MismatchedInputException e) {
            throw wrongType(body, type, e);
        } catch (StreamReadException e) {
            throw VigilException.bodyParseError(
                    position(e.getLocation()) + " Failed to parse the request body as JSON: "
                            + JsonErrorMessages.describe(e.getOriginalMessage()));
        }
    }

    private VigilException unknownField(byte[] body, PropertyBindingException e) {
        String parser = parserName(e.getReferringClass());
        String location = position(locate(body, steps(e.getPath())));
        return VigilException.bodyParseError(location + " [" + parser + "] unknown field [" + e.getPropertyName() + "]"
                + FieldSuggestions.suffix(e.getPropertyName(), e.getKnownPropertyIds()));
    }

    private VigilException wrongType(byte[] body, Class<?> rootType, MismatchedInputException e) {
        List<JacksonException.Reference> path = e.getPath();
        String location = position(locate(body, steps(path)));
        if (path.isEmpty()) {
            return VigilException.bodyParseError(
                    location + " [" + parserName(rootType) + "] request body must be a JSON object");
        }
        JacksonException.Reference last = path.get(path.size() - 1);
        String parser = parserName(owner(path));
        String field = last.getPropertyName() != null ? last.getPropertyName() : "[" + last.getIndex() + "]";
        return VigilException.bodyParseError(location + " [" + parser + "] failed to parse field [" + field + "]: "
                + expected(e.getTargetType()) + given(body, path));
    }

    /** Describes the value the request gave at the failing field, or returns "" when it cannot be found. */
    private String given(byte[] body, List<JacksonException.Reference> path) {
        try (JsonParser parser = mapper.createParser(body)) {
            parser.nextToken();
            descend(parser, steps(path), 0);
            JsonToken token = parser.currentToken();
            if (token == JsonToken.START_OBJECT) {
                return ", got an object";
            }
            if (token == JsonToken.START_ARRAY) {
                return ", got an array";
            }
            return token != null && token.isScalarValue() ? ", got [" + parser.getString() + "]" : "";
        } catch (JacksonException e) {
            return "";
        }
    }

    /** Returns the class of the object that contains the last field of the path, skipping list and map steps. */
    private static Class<?> owner(List<JacksonException.Reference> path) {
        for (int i = path.size() - 1; i >= 0; i--) {
            Object from = path.get(i).from();
            if (from == null) {
                continue;
            }
            Class<?> type = from instanceof Class<?> c ? c : from.getClass();
            if (PARSER_NAMES.containsKey(type)) {
                return type;
            }
        }
        return Object.class;
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "the value has the wrong type";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "expected true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "expected a number";
        }
        if (type == String.class) {
            return "expected a string";
        }
        if (List.class.isAssignableFrom(type)) {
            return "expected an array";
        }
        return "expected an object";
    }

    private static String parserName(Class<?> type) {
        return PARSER_NAMES.getOrDefault(type, "request");
    }

    private static List<Object> steps(List<JacksonException.Reference> path) {
        List<Object> steps = new ArrayList<>();
        for (JacksonException.Reference reference : path) {
            steps.add(reference.getPropertyName() != null ? reference.getPropertyName() : reference.getIndex());
        }
        return steps;
    }

    /**
     * Finds where the field or array element at the end of {@code steps} starts in the body, by walking the tokens
     * again; the exceptions of the data binder only know where reading stopped.
     */
    private TokenStreamLocation locate(byte[] body, List<Object> steps) {
        try (JsonParser parser = mapper.createParser(body)) {
            parser.nextToken();
            return descend(parser, steps, 0);
        } catch (JacksonException e) {
            return e.getLocation();
        }
    }

    private static TokenStreamLocation descend(JsonParser parser, List<Object> steps, int depth) {
        if (depth == steps.size()) {
            return parser.currentTokenLocation();
        }
        Object step = steps.get(depth);
        if (parser.currentToken() == JsonToken.START_OBJECT && step instanceof String name) {
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                TokenStreamLocation at = parser.currentTokenLocation();
                boolean found = parser.currentName().equals(name);
                parser.nextToken();
                if (found) {
                    return depth + 1 == steps.size() ? at : descend(parser, steps, depth + 1);
                }
                parser.skipChildren();
            }
        } else if (parser.currentToken() == JsonToken.START_ARRAY && step instanceof Integer index) {
            int position = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                if (position++ == index) {
                    return descend(parser, steps, depth + 1);
                }
                parser.skipChildren();
            }
        }
        return parser.currentTokenLocation();
    }

    private static String position(TokenStreamLocation location) {
        if (location == null) {
            return "[1:1]";
        }
        return "[" + location.getLineNr() + ":" + location.getColumnNr() + "]";
    }
}
