package io.vigil.engine;

/**
 * The effect of a detector's custom rules on one series in one bucket.
 *
 * @param skipResult the series writes no record and adds nothing to the bucket's and influencers' scores
 * @param skipModelUpdate the series' models do not learn the bucket's value, and its score does not update the
 *     normalizers
 */
record RuleActions(boolean skipResult, boolean skipModelUpdate) {

    static final RuleActions NONE = new RuleActions(false, false);

    RuleActions or(RuleActions other) {
        return new RuleActions(skipResult || other.skipResult, skipModelUpdate || other.skipModelUpdate);
    }
}
