package io.vigil.engine;

import io.vigil.job.DetectionRule;
import io.vigil.job.Detector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The custom rules of one detector. The actions of every rule that matches a series in a bucket apply together. */
final class DetectorRules {

    static final DetectorRules NONE = new DetectorRules(null, List.of());

    private final Detector detector;
    private final List<CustomRule> rules;

    private DetectorRules(Detector detector, List<CustomRule> rules) {
        this.detector = detector;
        this.rules = rules;
    }

    /** Compiles the rules of {@code detector}, resolving scope filters from {@code filterItems} (filter id to items). */
    static DetectorRules of(Detector detector, Map<String, Set<String>> filterItems) {
        if (detector.customRules() == null || detector.customRules().isEmpty()) {
            return NONE;
        }
        List<CustomRule> rules = new ArrayList<>();
        for (DetectionRule rule : detector.customRules()) {
            rules.add(CustomRule.of(rule, filterItems));
        }
        return new DetectorRules(detector, List.copyOf(rules));
    }

    boolean isEmpty() {
        return rules.isEmpty();
    }

    RuleActions actionsFor(Leaf leaf, long bucketStartMs) {
        RuleActions actions = RuleActions.NONE;
        for (CustomRule rule : rules) {
            actions = actions.or(rule.actionsFor(detector, leaf, bucketStartMs));
        }
        return actions;
    }
}
