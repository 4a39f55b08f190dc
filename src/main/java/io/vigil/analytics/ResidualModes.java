package io.vigil.analytics;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Secondary modes of a metric series' standardized one-step errors: values that keep coming back to a level far from
 * the prediction, as a latency with an occasional slow path does, so that their returns stop looking rare.
 *
 * <p>An error more than {@link #FAR} from 0 joins the nearest of at most {@link #MODES} modes on its side whose
 * centre is within {@link #REACH} of its spread, or starts a new mode in place of the one with the fewest visits.
 * Each mode keeps the mean and spread of its errors, and counts visits. A run of consecutive buckets in the same mode
 * is one visit, so a sustained excursion, which is what an anomaly usually is, counts once however long it lasts.
 * Visits and buckets decay with a memory of {@link #MEMORY} buckets, and a second count of visits with a memory of
 * {@link #RECENT_MEMORY}.
 *
 * <p>A mode with at least {@link #MIN_VISITS} visits has weight w = visits / (buckets + {@link #PRIOR_BUCKETS}),
 * times the Poisson probability of at least the recent visits plus this one, given the long-run visit rate over the
 * recent memory. The probability of an error becomes the mixture (1 − Σw)·p + Σ w·p_mode, used only when it is the
 * larger. Here p_mode is the two-sided normal tail of the error's distance from the mode's centre, in units of its
 * spread. A mode visited in 1% of buckets thus gives its values a probability of 0.001 to 0.01, where the
 * single-mode model gave them 1e-20. Visits that come much faster than they used to, which NAB's spike series label
 * as anomalies, keep their small probabilities. This is a two-component reading of the mixture models that
 * cluster residuals into modes, as Elastic's multimodal residual prior does. The visit counts are Vigil's own.
 */
final class ResidualModes {

    /** Most modes kept besides the main one. */
    static final int MODES = 2;
    /** Smallest absolute standardized error that can belong to a secondary mode. */
    static final double FAR = 7;
    /** Largest distance from a mode's centre, in its spreads, at which an error joins it. */
    static final double REACH = 4;
    /** Spread of a new mode, in standardized errors: that of the main mode. */
    static final double PRIOR_SPREAD = 1;
    /** Pseudo-errors of the prior spread behind each mode's spread. */
    static final double PRIOR_SPREAD_WEIGHT = 2;
    /**
     * Decayed visits before a mode changes any probability: three visits close together, a fourth when the first
     * three lie more than a few buckets apart, because each visit decays by 1 / {@link #MEMORY} per bucket.
     */
    static final double MIN_VISITS = 3;
    /** Buckets added to the decayed bucket count in each mode's weight. */
    static final double PRIOR_BUCKETS = 100;

    /** Memory of the visit and bucket counts, in buckets. */
    static final double MEMORY = 2_000;
    /** Memory of the recent visit counts, in buckets. */
    static final double RECENT_MEMORY = 200;

    private double buckets;
    private int previousMode = -1;
    private final double[] centres = new double[MODES];
    private final double[] spreads = new double[MODES];
    private final double[] members = new double[MODES];
    private final double[] visits = new double[MODES];
    private final double[] recentVisits = new double[MODES];

    /** Learns one standardized error. NaN and infinite errors are ignored. */
    void learn(double error) {
        if (!Double.isFinite(error)) {
            return;
        }
        double keep = 1 - 1 / MEMORY;
        buckets = buckets * keep + 1;
        for (int mode = 0; mode < MODES; mode++) {
            visits[mode] *= keep;
            members[mode] *= keep;
            recentVisits[mode] *= 1 - 1 / RECENT_MEMORY;
        }
        if (Math.abs(error) <= FAR) {
            previousMode = -1;
            return;
        }

        int mode = nearest(error);
        if (mode < 0) {
            mode = leastVisited();
            centres[mode] = error;
            spreads[mode] = PRIOR_SPREAD;
            members[mode] = 0;
            visits[mode] = 0;
            recentVisits[mode] = 0;
            // A new mode in the slot of the previous bucket's mode is still a new visit.
            previousMode = -1;
        }
        if (mode != previousMode) {
            visits[mode] += 1;
            recentVisits[mode] += 1;
        }
        members[mode] += 1;

        double rate = 1 / (members[mode] + PRIOR_SPREAD_WEIGHT);
        double deviation = error - centres[mode];
        centres[mode] += deviation / members[mode];
        double variance = spreads[mode] * spreads[mode];
        variance += rate * (deviation * deviation - variance);
        spreads[mode] = Math.sqrt(variance);
        previousMode = mode;
    }

    /** Returns the mode that the error joins, or -1 when none is within reach. */
    private int nearest(double error) {
        int best = -1;
        double bestDistance = REACH;
        for (int mode = 0; mode < MODES; mode++) {
            if (members[mode] > 0 && Math.signum(centres[mode]) == Math.signum(error)) {
                double distance = Math.abs(error - centres[mode]) / spreads[mode];
                if (distance <= bestDistance) {
                    best = mode;
                    bestDistance = distance;
                }
            }
        }
        return best;
    }

    private int leastVisited() {
        int least = 0;
        for (int mode = 1; mode < MODES; mode++) {
            if (visits[mode] < visits[least]) {
                least = mode;
            }
        }
        return least;
    }

    /** Returns true when at least one secondary mode has enough visits to change probabilities. */
    boolean active() {
        for (int mode = 0; mode < MODES; mode++) {
            if (visits[mode] >= MIN_VISITS) {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns the two-sided probability {@code tail} of a standardized {@code error} mixed with the secondary modes',
     * when the mixture is the larger.
     */
    double widen(double tail, double error) {
        double mixed = tail;
        double total = 0;
        double modal = 0;
        for (int mode = 0; mode < MODES; mode++) {
            if (visits[mode] >= MIN_VISITS) {
                // A visit now would make the recent count one larger. The Poisson tail of that count under the
                // long-run visit rate shrinks the weight when visits come faster than they used to.
                double expected = visits[mode] / buckets * RECENT_MEMORY;
                long recent = Math.round(recentVisits[mode] + 1);
                double weight = visits[mode]
                        / (buckets + PRIOR_BUCKETS)
                        * Probabilities.countUpperTail(recent, expected, expected);
                double distance = Math.abs(error - centres[mode]) / spreads[mode];
                total += weight;
                modal += weight * Math.min(1, 2 * Probabilities.upperTail(distance, Probabilities.NORMAL_DEGREES));
            }
        }
        if (total > 0) {
            mixed = (1 - Math.min(total, 1)) * tail + modal;
        }
        return Math.max(mixed, tail);
    }

    long memoryBytes() {
        return 32 + 5 * (16 + 8L * MODES);
    }

    void writeTo(DataOutput out) throws IOException {
        out.writeDouble(buckets);
        out.writeInt(previousMode);
        for (int mode = 0; mode < MODES; mode++) {
            out.writeDouble(centres[mode]);
            out.writeDouble(spreads[mode]);
            out.writeDouble(members[mode]);
            out.writeDouble(visits[mode]);
            out.writeDouble(recentVisits[mode]);
        }
    }

    static ResidualModes read(DataInput in) throws IOException {
        ResidualModes modes = new ResidualModes();
        modes.buckets = in.readDouble();
        modes.previousMode = in.readInt();
        for (int mode = 0; mode < MODES; mode++) {
            modes.centres[mode] = in.readDouble();
            modes.spreads[mode] = in.readDouble();
            modes.members[mode] = in.readDouble();
            modes.visits[mode] = in.readDouble();
            modes.recentVisits[mode] = in.readDouble();
        }
        return modes;
    }
}
