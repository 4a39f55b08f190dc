package io.vigil.job.domain;

import io.vigil.job.DetectionRule;
import io.vigil.job.Detector;
import io.vigil.job.DetectorFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Validates one detector as Elasticsearch does (x-pack {@code Detector.Builder#build}): the function exists and has
 * the fields it needs and no field it forbids, field names are usable, by, over and partition fields differ, and
 * custom rules fit the function. The result has the function's full name and a generated description when none was
 * given.
 */
final class DetectorValidator {

    static final List<String> EXCLUDE_FREQUENT = List.of("all", "none", "by", "over");

    private DetectorValidator() {}

    /** Returns the validated detector with {@code detector_index} set to {@code index}. */
    static Detector validate(Detector detector, int index) {
        DetectorFunction function = function(detector.function(), index);
        String field = emptyToNull(detector.fieldName());
        String by = emptyToNull(detector.byFieldName());
        String over = emptyToNull(detector.overFieldName());
        String partition = emptyToNull(detector.partitionFieldName());

        checkFunctionFields(function, field, by, over, index);
        for (String name : new String[] {field, by, over, partition}) {
            FieldNames.check(name);
        }
        List<DetectionRule> rules = rules(detector.customRules(), function, scopeFields(by, over, partition));
        checkDistinct(by, over, partition);
        checkReservedNames(by, over);

        Detector validated = new Detector(
                null,
                function.fullName(),
                field,
                by,
                over,
                partition,
                Boolean.TRUE.equals(detector.useNull()) ? Boolean.TRUE : null,
                excludeFrequent(detector.excludeFrequent()),
                rules.isEmpty() ? null : rules,
                index);
        return withDescription(validated, detector.detectorDescription());
    }

    /** Returns the detector with the given description, or the generated one when {@code description} is null. */
    static Detector withDescription(Detector d, String description) {
        String text = description != null ? description : DetectorDescriptions.describe(d);
        return new Detector(
                text,
                d.function(),
                d.fieldName(),
                d.byFieldName(),
                d.overFieldName(),
                d.partitionFieldName(),
                d.useNull(),
                d.excludeFrequent(),
                d.customRules(),
                d.detectorIndex());
    }

    /** Validates replacement custom rules for an existing, already validated detector. */
    static List<DetectionRule> rules(Detector detector, List<DetectionRule> rules) {
        DetectorFunction function =
                DetectorFunction.fromName(detector.function()).orElseThrow();
        return rules(
                rules,
                function,
                scopeFields(detector.byFieldName(), detector.overFieldName(), detector.partitionFieldName()));
    }

    private static DetectorFunction function(String name, int index) {
        if (name == null || name.isEmpty()) {
            throw ConfigErrors.invalid("function is missing in detector [" + index + "]; set it to a detector "
                    + "function such as count, mean or rare");
        }
        return DetectorFunction.fromName(name)
                .orElseThrow(() -> ConfigErrors.illegalArgument("Unknown function '" + name + "'"));
    }

    private static void checkFunctionFields(
            DetectorFunction function, String field, String by, String over, int index) {
        if (field == null && by == null && over == null && !function.countsWithoutFields()) {
            // Elasticsearch's message, followed by the detector and what to set in it.
            String fix = function.requiresFieldName()
                    ? "set its field_name to the field it reads"
                    : "set its by_field_name to the field whose values it judges";
            throw ConfigErrors.invalid("Unless a count or temporal function is used one of field_name, "
                    + "by_field_name or over_field_name must be set; detector [" + index + "] uses function '"
                    + function + "', so " + fix);
        }
        if (field == null && function.requiresFieldName()) {
            throw ConfigErrors.invalid("field_name must be set when the '" + function + "' function is used");
        }
        if (field != null && !function.requiresFieldName()) {
            throw ConfigErrors.invalid("field_name cannot be used with function '" + function + "'");
        }
        if (by == null && function.requiresByField()) {
            throw ConfigErrors.invalid("by_field_name must be set when the '" + function + "' function is used");
        }
        if (over == null && function.requiresOverField()) {
            throw ConfigErrors.invalid("over_field_name must be set when the '" + function + "' function is used");
        }
        if (over != null && function.forbidsOverField()) {
            throw ConfigErrors.invalid("over_field_name cannot be used with function '" + function + "'");
        }
    }

    private static List<DetectionRule> rules(
            List<DetectionRule> rules, DetectorFunction function, SortedSet<String> scopeFields) {
        List<DetectionRule> validated = new ArrayList<>();
        if (rules != null) {
            for (DetectionRule rule : rules) {
                validated.add(CustomRuleValidator.validate(rule, function, scopeFields));
            }
        }
        return validated;
    }

    private static SortedSet<String> scopeFields(String by, String over, String partition) {
        SortedSet<String> fields = new TreeSet<>();
        for (String name : new String[] {by, over, partition}) {
            if (name != null) {
                fields.add(name);
            }
        }
        return fields;
    }

    private static void checkDistinct(String by, String over, String partition) {
        if (partition != null && partition.equals(by)) {
            throw sameField("partition_field_name", "by_field_name", partition);
        }
        if (partition != null && partition.equals(over)) {
            throw sameField("partition_field_name", "over_field_name", partition);
        }
        if (by != null && by.equals(over)) {
            throw sameField("by_field_name", "over_field_name", by);
        }
    }

    private static RuntimeException sameField(String first, String second, String value) {
        return ConfigErrors.invalid(first + " and " + second + " cannot be the same: '" + value + "'");
    }

    // The words count, by and over cannot name by or over fields (a restriction Elasticsearch keeps from its
    // original analysis engine).
    private static void checkReservedNames(String by, String over) {
        for (String reserved : List.of("count", "by", "over")) {
            if (reserved.equals(by)) {
                throw ConfigErrors.invalid("'" + reserved + "' is not a permitted value for by_field_name");
            }
            if (reserved.equals(over)) {
                throw ConfigErrors.invalid("'" + reserved + "' is not a permitted value for over_field_name");
            }
        }
    }

    private static String excludeFrequent(String value) {
        if (value == null) {
            return null;
        }
        String normalized = value.toLowerCase(Locale.ROOT);
        if (!EXCLUDE_FREQUENT.contains(normalized)) {
            throw ConfigErrors.invalid(
                    "exclude_frequent [" + value + "] is not supported; use one of " + EXCLUDE_FREQUENT);
        }
        return normalized;
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
