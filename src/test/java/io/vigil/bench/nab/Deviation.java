package io.vigil.bench.nab;

/**
 * Elastic's deviation function s(p) (ml-cpp, CTools::anomalyScore), which maps a probability to a raw score in
 * [0, 100]: 0 for p ≥ 0.05, (1/p − 20)/(10000 − 20) up to 1 at p = 1e-4, then linear in −ln p up to 50 at p = 1e-50
 * and up to 100 at the smallest normal double.
 */
final class Deviation {

    private static final double LARGEST_SIGNIFICANT = 0.05;
    private static final double SMALL = 1e-4;
    private static final double MINUSCULE = 1e-50;
    private static final double LOG_SMALL = -Math.log(SMALL);
    private static final double LOG_MINUSCULE = -Math.log(MINUSCULE);
    private static final double LOG_SMALLEST = -Math.log(Double.MIN_NORMAL);

    private Deviation() {}

    /** Returns s(p) for p in [0, 1]; p is floored at the smallest normal double. */
    static double rawScore(double probability) {
        double p = Math.max(probability, Double.MIN_NORMAL);
        if (p >= LARGEST_SIGNIFICANT) {
            return 0;
        }
        if (p >= SMALL) {
            return (1 / p - 1 / LARGEST_SIGNIFICANT) / (1 / SMALL - 1 / LARGEST_SIGNIFICANT);
        }
        double logP = -Math.log(p);
        if (p >= MINUSCULE) {
            return 1 + 49 * (logP - LOG_SMALL) / (LOG_MINUSCULE - LOG_SMALL);
        }
        return 50 + 50 * (logP - LOG_MINUSCULE) / (LOG_SMALLEST - LOG_MINUSCULE);
    }
}
