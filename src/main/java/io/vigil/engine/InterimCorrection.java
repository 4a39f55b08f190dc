package io.vigil.engine;

/**
 * The correction of a partial bucket's count or sum, so that an interim result treats missing data as missing rather
 * than as a drop (after Elastic ml-cpp's {@code CInterimBucketCorrector}).
 */
final class InterimCorrection {

    private InterimCorrection() {}

    /**
     * Returns how much to add to a partial value before assessing it: the gap to {@code typical}, but at most the
     * share {@code 1 - completeness} of typical that is still to come, and never away from typical.
     *
     * @param completeness the estimated fraction of the bucket's data already received, in [0, 1]
     */
    static double correction(double value, double typical, double completeness) {
        double missing = (1.0 - Math.min(Math.max(completeness, 0.0), 1.0)) * typical;
        double lower = Math.min(0.0, missing);
        double upper = Math.max(0.0, missing);
        return Math.min(Math.max(typical - value, lower), upper);
    }
}
