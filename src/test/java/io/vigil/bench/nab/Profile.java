package io.vigil.bench.nab;

/**
 * NAB cost profile: the weights of a true positive, a false negative and a false positive. The values are those of
 * NAB v1.1 {@code config/profiles.json} (Ahmad et al., "Unsupervised real-time anomaly detection for streaming
 * data", Neurocomputing 2017).
 */
public enum Profile {
    STANDARD("standard", 1.0, 1.0, 0.11),
    REWARD_LOW_FP_RATE("reward_low_FP_rate", 1.0, 1.0, 0.22),
    REWARD_LOW_FN_RATE("reward_low_FN_rate", 1.0, 2.0, 0.11);

    private final String nabName;
    private final double truePositiveWeight;
    private final double falseNegativeWeight;
    private final double falsePositiveWeight;

    Profile(String nabName, double truePositiveWeight, double falseNegativeWeight, double falsePositiveWeight) {
        this.nabName = nabName;
        this.truePositiveWeight = truePositiveWeight;
        this.falseNegativeWeight = falseNegativeWeight;
        this.falsePositiveWeight = falsePositiveWeight;
    }

    /** Returns the profile's key in NAB's configuration and result files, for example {@code reward_low_FP_rate}. */
    public String nabName() {
        return nabName;
    }

    /** Returns A_TP, the reward for detecting a window at its left edge. */
    public double truePositiveWeight() {
        return truePositiveWeight;
    }

    /** Returns A_FN, the cost of a window with no detection. */
    public double falseNegativeWeight() {
        return falseNegativeWeight;
    }

    /** Returns A_FP, the largest cost of one detection outside every window. */
    public double falsePositiveWeight() {
        return falsePositiveWeight;
    }
}
