package io.vigil.engine;

import io.vigil.job.DetectionRule;
import io.vigil.job.Detector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One custom rule of a detector, ready to match series: the actions it takes, its scope with the filter items
 * resolved, and its numeric conditions. It matches a series in a bucket when every scope entry and every condition
 * holds, as in Elasticsearch's detection rules.
 */
final class CustomRule {

    /** A scope entry: the series' value of a split field must be in the filter's items, or not in them. */
    private record ScopeEntry(String fieldName, Set<String> items, boolean include) {}

    /** A condition such as {@code actual gt 10}. */
    private record Condition(String appliesTo, String operator, double value) {

        boolean holds(double x) {
            return switch (operator) {
                case "gt" -> x > value;
                case "gte" -> x >= value;
                case "lt" -> x < value;
                case "lte" -> x <= value;
                default -> throw new IllegalStateException("unknown rule operator " + operator);
            };
        }
    }

    private final RuleActions actions;
    private final List<ScopeEntry> scope;
    private final List<Condition> conditions;

    private CustomRule(RuleActions actions, List<ScopeEntry> scope, List<Condition> conditions) {
        this.actions = actions;
        this.scope = scope;
        this.conditions = conditions;
    }

    /**
     * Compiles a stored rule. A scope naming a filter missing from {@code filterItems} matches as an empty filter:
     * an {@code include} scope then matches nothing and an {@code exclude} scope everything.
     */
    static CustomRule of(DetectionRule rule, Map<String, Set<String>> filterItems) {
        List<String> actionNames = rule.actions() == null ? List.of("skip_result") : rule.actions();
        RuleActions actions =
                new RuleActions(actionNames.contains("skip_result"), actionNames.contains("skip_model_update"));
        List<ScopeEntry> scope = new ArrayList<>();
        if (rule.scope() != null) {
            rule.scope()
                    .forEach((field, ref) -> scope.add(new ScopeEntry(
                            field,
                            filterItems.getOrDefault(ref.filterId(), Set.of()),
                            !"exclude".equals(ref.filterType()))));
        }
        List<Condition> conditions = new ArrayList<>();
        if (rule.conditions() != null) {
            for (DetectionRule.RuleCondition condition : rule.conditions()) {
                conditions.add(new Condition(condition.appliesTo(), condition.operator(), condition.value()));
            }
        }
        return new CustomRule(actions, List.copyOf(scope), List.copyOf(conditions));
    }

    /** Returns the rule's actions when it matches {@code leaf} in the bucket starting at {@code bucketStartMs}. */
    RuleActions actionsFor(Detector detector, Leaf leaf, long bucketStartMs) {
        for (ScopeEntry entry : scope) {
            String value = splitValue(detector, leaf, entry.fieldName());
            if (value == null || entry.items().contains(value) != entry.include()) {
                return RuleActions.NONE;
            }
        }
        for (Condition condition : conditions) {
            if (!condition.holds(conditionInput(condition.appliesTo(), leaf, bucketStartMs))) {
                return RuleActions.NONE;
            }
        }
        return actions;
    }

    /**
     * Returns the leaf's value of a by, over or partition field, or null for any other field. A population member's
     * by value is that of its most anomalous by value.
     */
    private static String splitValue(Detector detector, Leaf leaf, String fieldName) {
        RecordDetail detail = leaf.detail();
        if (fieldName.equals(detector.byFieldName())) {
            return detail != null && detail.population()
                    ? detail.byFieldValue()
                    : leaf.series().byValue();
        }
        if (fieldName.equals(detector.overFieldName())) {
            return detail == null ? null : detail.overFieldValue();
        }
        if (fieldName.equals(detector.partitionFieldName())) {
            return leaf.series().partitionValue();
        }
        return null;
    }

    /**
     * Returns what a condition compares: the bucket value, the model's typical value, their absolute difference, or
     * the bucket start in epoch seconds (Elasticsearch compares {@code time} conditions in seconds too).
     */
    private static double conditionInput(String appliesTo, Leaf leaf, long bucketStartMs) {
        int feature = leaf.mostAnomalousFeature();
        double actual = leaf.actual(feature);
        double typical = leaf.assessment(feature).typical() - leaf.correction(feature);
        return switch (appliesTo) {
            case "actual" -> actual;
            case "typical" -> typical;
            case "diff_from_typical" -> Math.abs(actual - typical);
            case "time" -> bucketStartMs / 1000.0;
            default -> throw new IllegalStateException("unknown rule condition target " + appliesTo);
        };
    }
}
