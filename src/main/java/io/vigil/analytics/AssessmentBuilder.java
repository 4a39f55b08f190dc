package io.vigil.analytics;

/** Combines the parts of an {@link Evaluation} into the {@link Assessment} for one detector side. */
final class AssessmentBuilder {

    /** ln 0.1 and ln 1e-4, the episode adjustment's bounds (Elastic ml-cpp, CTimeSeriesAnomalyModel). */
    private static final double LOG_EPISODE = Math.log(AnomalyEpisodes.EPISODE_PROBABILITY);

    private static final double LOG_SMALL = Math.log(1e-4);
    /**
     * Share of the episode adjustment applied, in [0, 1]; 1 is the ml-cpp rule. Chosen by the standard NAB score of
     * the 31-series subset through the engine: 0.4, 0.5, 0.7 and 1 scored 0.5 to 5 points lower than 0.6.
     */
    static final double EPISODE_WEIGHT = 0.6;
    /**
     * The minimum factor by which the episode adjustment may multiply a probability. An episode far longer than past ones,
     * such as a day unlike the days seen so far, otherwise turns a moderate probability into a tiny one.
     */
    static final double MAX_EPISODE_LOWERING = 0.1;
    /**
     * The factor that corrects a probability for having been chosen as the smaller of two views (Bonferroni), used for
     * the single- and multi-bucket views and for the long-run level view.
     */
    static final double VIEW_CORRECTION = 2;

    private AssessmentBuilder() {}

    /** Returns the assessment of a value the model does not find unusual on the requested side. */
    static Assessment usual(double typical, boolean spike, double lowerBound, double upperBound, double countWeight) {
        return new Assessment(1, 1, 1, -5, typical, lowerBound, upperBound, spike, 0, 1, false, countWeight < 1, false);
    }

    /**
     * Builds the assessment of one side: the single- and multi-bucket views combined, adjusted for the episode,
     * quieted when the bucket only continues a run, and the smaller of that and the long-run level view.
     * {@code multimodal} is true when the residual distribution has secondary modes.
     */
    static Assessment build(
            Evaluation evaluation,
            double value,
            Side side,
            AnomalyEpisodes episodes,
            AnomalyRuns runs,
            double earlyExponent,
            double countWeight,
            boolean multimodal) {
        boolean upper = evaluation.upper();
        if (side == Side.ABOVE && !upper || side == Side.BELOW && upper) {
            return usual(evaluation.typical(), upper, evaluation.lowerBound(), evaluation.upperBound(), countWeight);
        }
        double singleBucket =
                temper(upper ? evaluation.upperCalibrated() : evaluation.lowerCalibrated(), earlyExponent);
        double multiBucket = temper(multiBucketProbability(evaluation, side), earlyExponent);
        double overall = combine(singleBucket, multiBucket);
        double episode = episodes.probabilityWith(overall, evaluation.error());
        double probability = Double.isNaN(episode) ? overall : adjustForEpisode(overall, singleBucket, episode);
        double levelView = runs.level(levelProbability(evaluation, side));
        probability = Math.min(runs.residual(probability, value, evaluation.typical()), levelView);
        // The long-run level view judges the level of many recent buckets, so a record it explains reports it as the
        // multi-bucket view: a value inside its bucket's bounds then shows why it is unusual.
        double reportedMultiBucket = levelView <= probability ? Math.min(multiBucket, levelView) : multiBucket;
        return new Assessment(
                probability,
                singleBucket,
                reportedMultiBucket,
                Probabilities.multiBucketImpact(singleBucket, reportedMultiBucket),
                evaluation.typical(),
                evaluation.lowerBound(),
                evaluation.upperBound(),
                upper,
                episodes.lengthWith(overall),
                Double.isNaN(episode) ? 1 : episode,
                // NOTE: the models keep one scale per predictor, so the seasonal-variance flag is always false. A
                // daily variance shape lowered the NAB score when tried.
                false,
                countWeight < 1,
                multimodal);
    }

    /** Returns the two-sided combined probability before the episode adjustment, which drives the episodes. */
    static double twoSidedOverall(Evaluation evaluation, double earlyExponent) {
        double calibrated = evaluation.upper() ? evaluation.upperCalibrated() : evaluation.lowerCalibrated();
        double singleBucket = temper(calibrated, earlyExponent);
        double multiBucket = temper(multiBucketProbability(evaluation, Side.TWO_SIDED), earlyExponent);
        return combine(singleBucket, multiBucket);
    }

    /**
     * Combines the single- and multi-bucket probabilities as the smaller one times {@link #VIEW_CORRECTION}, at most
     * 1. Unlike their joint probability, this keeps a bucket that one view finds very unusual from being diluted by
     * the other. The joint probability (ml-cpp's rule) scored 2 points lower on the NAB subset.
     */
    static double combine(double singleBucket, double multiBucket) {
        return Math.min(1, VIEW_CORRECTION * Math.min(singleBucket, multiBucket));
    }

    /**
     * Returns the long-run level probability on the requested side, the smaller one when two-sided, times
     * {@link #VIEW_CORRECTION} and at most 1: the level view is a second look at the bucket.
     */
    static double levelProbability(Evaluation evaluation, Side side) {
        double level = switch (side) {
            case ABOVE -> evaluation.levelAbove();
            case BELOW -> evaluation.levelBelow();
            case TWO_SIDED -> Math.min(evaluation.levelAbove(), evaluation.levelBelow());
        };
        return Math.min(1, VIEW_CORRECTION * level);
    }

    /** Returns the calibrated multi-bucket probability on the requested side, the smaller one when two-sided. */
    static double multiBucketProbability(Evaluation evaluation, Side side) {
        return switch (side) {
            case ABOVE -> evaluation.multiBucketAbove();
            case BELOW -> evaluation.multiBucketBelow();
            case TWO_SIDED -> Math.min(evaluation.multiBucketAbove(), evaluation.multiBucketBelow());
        };
    }

    /**
     * Blends the combined probability with the episode probability, as Elastic's ml-cpp does (CTimeSeriesModel.cc):
     * with a = −ln 0.1, b = −ln 1e-4, λ = min(0.1/p_sb, 1), x = max((b + ln p)/(b − a), 0),
     * y = 1 − b/(b − ln p_episode) and α = ½(1 − x + xy), the result is exp((1 − α) ln p + αλ ln p_episode).
     * A very unusual bucket thus takes the geometric mean of its own probability and the episode's. Applies only
     * below the episode threshold 0.1; α is scaled by {@link #EPISODE_WEIGHT}, and the result is at least
     * {@link #MAX_EPISODE_LOWERING} times the combined probability.
     */
    static double adjustForEpisode(double overall, double singleBucket, double episode) {
        if (!(overall < AnomalyEpisodes.EPISODE_PROBABILITY)) {
            return overall;
        }
        double a = -LOG_EPISODE;
        double b = -LOG_SMALL;
        double logOverall = Math.log(Math.max(overall, Probabilities.SMALLEST));
        double logEpisode = Math.log(Math.max(episode, Probabilities.SMALLEST));
        double lambda = Math.min(AnomalyEpisodes.EPISODE_PROBABILITY / singleBucket, 1);
        double x = Math.max((b + logOverall) / (b - a), 0);
        double y = 1 - b / (b - logEpisode);
        double alpha = EPISODE_WEIGHT * 0.5 * (1 - x + x * y);
        double adjusted = Math.exp((1 - alpha) * logOverall + alpha * lambda * logEpisode);
        return Math.max(adjusted, MAX_EPISODE_LOWERING * overall);
    }

    /** Raises a probability to {@code exponent} ≤ 1, which brings it closer to 1 while the model is young. */
    private static double temper(double probability, double exponent) {
        return exponent >= 1 ? probability : Math.pow(probability, exponent);
    }
}
