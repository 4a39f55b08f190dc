package io.vigil.renormalization;

import io.vigil.scoring.Severity;

/**
 * Decides whether a rescored result is worth writing back. The rule is Elasticsearch's {@code Normalizer.isBigUpdate}
 * (x-pack ml, job/process/normalizer): the severity band changes, the score moves by 1.5 or more, or one score is
 * less than 0.33 times the other. The ratio part applies here only to moves of at least 0.1, so that near-zero scores
 * drifting between, say, 0.01 and 0.04 are not rewritten; every write this rule allows the incumbent's allows too.
 */
final class ScoreChange {

    static final double MIN_ABSOLUTE_CHANGE = 1.5;
    static final double MAX_RATIO = 0.33;
    static final double MIN_CHANGE_FOR_RATIO = 0.1;

    private ScoreChange() {}

    /** Returns true when replacing {@code stored} by {@code rescored} changes the score materially. */
    static boolean isMaterial(double stored, double rescored) {
        if (Severity.of(stored) != Severity.of(rescored)) {
            return true;
        }
        double change = Math.abs(stored - rescored);
        if (change >= MIN_ABSOLUTE_CHANGE) {
            return true;
        }
        double smaller = Math.min(stored, rescored);
        double larger = Math.max(stored, rescored);
        return change >= MIN_CHANGE_FOR_RATIO && smaller < MAX_RATIO * larger;
    }
}
