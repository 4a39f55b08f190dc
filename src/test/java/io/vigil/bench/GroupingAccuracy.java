package io.vigil.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Grouping accuracy of a log parser against ground truth, as defined by the LogHub benchmark (Zhu et al., ICSE-SEIP
 * 2019; Khan et al., ICSE 2022 for FGA).
 *
 * <p>GA: a line is correct when the predicted group that contains it has exactly the lines of its ground-truth
 * group; GA is the share of correct lines. FGA: the F1 score of the share of predicted groups and the share of
 * ground-truth groups that have an exact counterpart.
 */
public record GroupingAccuracy(double groupingAccuracy, double fgaScore) {

    /** Compares the predicted group of each line with its ground-truth group; both lists are in line order. */
    public static GroupingAccuracy of(List<String> truth, List<String> predicted) {
        if (truth.size() != predicted.size()) {
            throw new IllegalArgumentException(
                    "Ground truth has " + truth.size() + " lines but the prediction has " + predicted.size());
        }
        Map<String, List<Integer>> truthGroups = groups(truth);
        Map<String, List<Integer>> predictedGroups = groups(predicted);
        long correctLines = 0;
        long matchedGroups = 0;
        for (List<Integer> lines : predictedGroups.values()) {
            List<Integer> truthGroup = truthGroups.get(truth.get(lines.get(0)));
            if (truthGroup.equals(lines)) {
                correctLines += lines.size();
                matchedGroups++;
            }
        }
        double precision = predictedGroups.isEmpty() ? 0 : (double) matchedGroups / predictedGroups.size();
        double recall = truthGroups.isEmpty() ? 0 : (double) matchedGroups / truthGroups.size();
        double fga = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new GroupingAccuracy(truth.isEmpty() ? 0 : (double) correctLines / truth.size(), fga);
    }

    /** Returns the line indexes of each group, in ascending order. */
    private static Map<String, List<Integer>> groups(List<String> labels) {
        Map<String, List<Integer>> groups = new HashMap<>();
        for (int line = 0; line < labels.size(); line++) {
            groups.computeIfAbsent(labels.get(line), label -> new ArrayList<>()).add(line);
        }
        return groups;
    }
}
