package io.vigil.job.domain;

import io.vigil.job.DetectionRule;
import io.vigil.job.DetectionRule.FilterRef;
import io.vigil.job.DetectionRule.RuleCondition;
import io.vigil.job.DetectorFunction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;

/**
 * Validates a detector's custom rules and fills in their defaults: actions default to {@code skip_result} and a
 * scope's {@code filter_type} to {@code include}. Messages quoted from Elasticsearch start with "Invalid detector
 * rule:".
 */
final class CustomRuleValidator {

    static final List<String> ACTIONS = List.of("skip_result", "skip_model_update");
    static final List<String> FILTER_TYPES = List.of("include", "exclude");
    static final List<String> APPLIES_TO = List.of("actual", "typical", "diff_from_typical", "time");
    static final List<String> OPERATORS = List.of("gt", "gte", "lt", "lte");

    private CustomRuleValidator() {}

    /**
     * Returns the rule with defaults applied.
     *
     * @param scopeFields the detector's by, over and partition fields, the only fields a scope may name
     */
    static DetectionRule validate(DetectionRule rule, DetectorFunction function, SortedSet<String> scopeFields) {
        List<String> actions = actions(rule.actions());
        Map<String, FilterRef> scope = scope(rule.scope());
        List<RuleCondition> conditions = conditions(rule.conditions());
        if (scope.isEmpty() && conditions.isEmpty()) {
            throw ConfigErrors.invalid("Invalid detector rule: at least scope or a condition is required");
        }
        boolean conditionOnValues =
                conditions.stream().anyMatch(c -> !c.appliesTo().equals("time"));
        if (conditionOnValues && function.rejectsValueConditions()) {
            throw ConfigErrors.invalid(
                    "Invalid detector rule: function " + function + " only supports conditions that apply to time");
        }
        for (String field : scope.keySet()) {
            checkScopeField(field, scopeFields);
        }
        return new DetectionRule(actions, scope.isEmpty() ? null : scope, conditions.isEmpty() ? null : conditions);
    }

    private static List<String> actions(List<String> requested) {
        if (requested == null) {
            return List.of("skip_result");
        }
        if (requested.isEmpty()) {
            throw ConfigErrors.invalid("Invalid detector rule: actions must contain at least one of " + ACTIONS);
        }
        List<String> normalized = requested.stream()
                .map(action -> oneOf("actions", action, ACTIONS))
                .toList();
        // Elasticsearch keeps actions as a set in declaration order.
        return ACTIONS.stream().filter(normalized::contains).toList();
    }

    private static Map<String, FilterRef> scope(Map<String, FilterRef> requested) {
        Map<String, FilterRef> scope = new LinkedHashMap<>();
        if (requested == null) {
            return scope;
        }
        requested.forEach((field, ref) -> {
            if (ref == null || ref.filterId() == null || ref.filterId().isEmpty()) {
                throw ConfigErrors.invalid("Invalid detector rule: scope field '" + field
                        + "' needs a filter_id naming the filter whose items it matches");
            }
            String type = ref.filterType() == null ? "include" : oneOf("filter_type", ref.filterType(), FILTER_TYPES);
            scope.put(field, new FilterRef(ref.filterId(), type));
        });
        return scope;
    }

    private static List<RuleCondition> conditions(List<RuleCondition> requested) {
        List<RuleCondition> conditions = new ArrayList<>();
        if (requested == null) {
            return conditions;
        }
        for (RuleCondition condition : requested) {
            List<String> missing = missingFields(condition);
            if (!missing.isEmpty()) {
                throw ConfigErrors.invalid("Invalid detector rule: a condition is missing " + String.join(", ", missing)
                        + "; each condition needs applies_to, operator and value, for example {\"applies_to\": "
                        + "\"actual\", \"operator\": \"gt\", \"value\": 10}");
            }
            if (!Double.isFinite(condition.value())) {
                // JSON has no NaN or infinity, so such a value would be written back as a string.
                throw ConfigErrors.invalid("Invalid detector rule: condition value [" + condition.value()
                        + "] is not a finite number; use a number such as 10");
            }
            conditions.add(new RuleCondition(
                    oneOf("applies_to", condition.appliesTo(), APPLIES_TO),
                    oneOf("operator", condition.operator(), OPERATORS),
                    condition.value()));
        }
        return conditions;
    }

    private static List<String> missingFields(RuleCondition condition) {
        if (condition == null) {
            return List.of("applies_to", "operator", "value");
        }
        List<String> missing = new ArrayList<>();
        if (condition.appliesTo() == null) {
            missing.add("applies_to");
        }
        if (condition.operator() == null) {
            missing.add("operator");
        }
        if (condition.value() == null) {
            missing.add("value");
        }
        return missing;
    }

    private static void checkScopeField(String field, SortedSet<String> scopeFields) {
        if (scopeFields.contains(field)) {
            return;
        }
        if (scopeFields.isEmpty()) {
            throw ConfigErrors.invalid("Invalid detector rule: scope field '" + field
                    + "' is invalid; detector has no available fields for scoping");
        }
        throw ConfigErrors.invalid(
                "Invalid detector rule: scope field '" + field + "' is invalid; select from " + scopeFields);
    }

    private static String oneOf(String name, String value, List<String> allowed) {
        String normalized = value == null ? null : value.toLowerCase(Locale.ROOT);
        if (!allowed.contains(normalized)) {
            throw ConfigErrors.invalid(
                    "Invalid detector rule: " + name + " [" + value + "] is not supported; use one of " + allowed);
        }
        return normalized;
    }
}
