package io.vigil.scoring;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Maps raw scores of one level and key to 0–100 against their own history.
 *
 * <p>State: a {@link ScoreHistogram} of past raw scores (each sample the maximum of {@code countPerSample}
 * consecutive updates), the number of results it has seen, decayed to about one renormalization window, and a
 * maximum score per {@link MaxScoreScope}.
 * {@link #normalize} returns the smallest of four ceilings capped at 100 (see {@link ScoreCeilings}): noise, rank
 * among past scores, ratio to the scope's maximum, and the family-wise probability over the results of about one
 * renormalization window. A score of 75 or more therefore needs a rare score in the history, near the scope's
 * maximum, and a probability small even after accounting for the number of results in that window. Not thread-safe.
 */
final class ScoreNormalizer {

    /** A scope's maximum grows by more than this factor in a big change (ml-cpp {@code BIG_CHANGE_FACTOR}). */
    static final double BIG_CHANGE_FACTOR = 1.1;

    /** A scope without updates for this many final buckets is forgotten (ml-cpp {@code FORGET_MAX_SCORE_INTERVAL}). */
    static final int FORGET_SCOPE_AFTER_BUCKETS = 50;

    private final NormalizerSettings settings;
    private final ScoreHistogram histogram;
    private final Map<MaxScoreScope, ScopeMaximum> maxima;
    // Rank ceilings by discretized score, valid until the next update or age. Each costs two Beta quantiles (about
    // 0.1 ms), and renormalizing stored results needs the same few hundred scores many times.
    private final Map<Integer, Double> rankByScore = new HashMap<>();
    private double resultCount;
    private double sample;
    private int countSinceLastSample;

    ScoreNormalizer(NormalizerSettings settings) {
        this(settings, new ScoreHistogram(), new LinkedHashMap<>(), 0.0, 0.0, 0);
    }

    private ScoreNormalizer(
            NormalizerSettings settings,
            ScoreHistogram histogram,
            Map<MaxScoreScope, ScopeMaximum> maxima,
            double resultCount,
            double sample,
            int countSinceLastSample) {
        this.settings = settings;
        this.histogram = histogram;
        this.maxima = maxima;
        this.resultCount = resultCount;
        this.sample = sample;
        this.countSinceLastSample = countSinceLastSample;
    }

    /**
     * Adds one result's raw score (0 for results that are not anomalous) to the history of {@code scope}. Returns
     * true when this is a big change: the scope's maximum grew by more than 10%.
     */
    boolean update(MaxScoreScope scope, double rawScore) {
        rankByScore.clear();
        ScopeMaximum maximum = maxima.computeIfAbsent(scope, ignored -> new ScopeMaximum());
        double previous = maximum.score;
        maximum.score = Math.max(previous, rawScore);
        maximum.bucketsSinceUpdate = 0;
        boolean bigChange = maximum.score > BIG_CHANGE_FACTOR * previous;
        addToHistory(rawScore);
        return bigChange;
    }

    /**
     * Adds a raw score to the history without touching any scope's maximum: a result that exists but was not scored
     * in this level, such as a series with no influencer value to blame in a bucket.
     */
    void addToHistory(double rawScore) {
        rankByScore.clear();
        resultCount += 1.0;
        sample = Math.max(sample, rawScore);
        countSinceLastSample++;
        if (countSinceLastSample >= settings.countPerSample()) {
            histogram.add(ScoreHistogram.discretize(sample));
            sample = 0.0;
            countSinceLastSample = 0;
        }
    }

    /** Ages the state by one final bucket: maxima and history decay, and idle scopes are forgotten. */
    void age() {
        rankByScore.clear();
        histogram.scale(settings.historyDecayPerBucket());
        resultCount *= settings.familyDecayPerBucket();
        Iterator<ScopeMaximum> iterator = maxima.values().iterator();
        while (iterator.hasNext()) {
            ScopeMaximum maximum = iterator.next();
            maximum.score *= settings.maxScoreDecayPerBucket();
            maximum.bucketsSinceUpdate++;
            if (maximum.bucketsSinceUpdate > FORGET_SCOPE_AFTER_BUCKETS) {
                iterator.remove();
            }
        }
    }

    /**
     * Returns the 0–100 score of {@code rawScore} in {@code scope} without changing any state. {@code probability}
     * is the result's probability, which the probability ceiling uses, corrected for the number of results seen
     * when {@code familyWise} is true.
     */
    double normalize(MaxScoreScope scope, double rawScore, double probability, boolean familyWise) {
        return normalize(scope, rawScore, probability, familyWise, 1.0);
    }

    /**
     * Returns the 0–100 score as {@link #normalize(MaxScoreScope, double, double, boolean)} does, with the probability
     * ceiling computed from at most {@code ceilingProbabilityLimit}: the probability of a first occurrence below the
     * result, which the family-wise correction does not apply to.
     */
    double normalize(
            MaxScoreScope scope,
            double rawScore,
            double probability,
            boolean familyWise,
            double ceilingProbabilityLimit) {
        if (!(rawScore > 0.0) || !(histogram.total() > 0.0)) {
            return 0.0;
        }
        double noise = ScoreCeilings.noise(rawScore, histogram.quantile(0.5), histogram.fractionAtZero());
        double rank = rankByScore.computeIfAbsent(ScoreHistogram.discretize(rawScore), this::rank);
        double ceilingProbability = Math.min(
                familyWise ? ScoreCeilings.familyWise(probability, resultCount) : probability, ceilingProbabilityLimit);
        double probabilityCeiling = ScoreCeilings.probability(ceilingProbability);
        ScopeMaximum maximum = maxima.get(scope);
        double ratio = ScoreCeilings.maximum(rawScore, maximum == null ? 0.0 : maximum.score, probabilityCeiling);

        double score = Math.min(Math.min(noise, rank), Math.min(ratio, probabilityCeiling));
        return Math.min(Math.max(score, 0.0), 100.0);
    }

    private double rank(int discretizedScore) {
        double total = histogram.total();
        double below = histogram.weightBelow(discretizedScore) / total;
        double atOrBelow = histogram.weightAtOrBelow(discretizedScore) / total;
        return ScoreCeilings.rank(below, atOrBelow, total);
    }

    /** Returns an estimate of the heap this normalizer retains, in bytes. */
    long memoryBytes() {
        return 64L + ScoreHistogram.memoryBytes() + 96L * maxima.size();
    }

    ScoreNormalizer copy() {
        Map<MaxScoreScope, ScopeMaximum> maximaCopy = new LinkedHashMap<>();
        maxima.forEach((scope, maximum) -> maximaCopy.put(scope, maximum.copy()));
        return new ScoreNormalizer(settings, histogram.copy(), maximaCopy, resultCount, sample, countSinceLastSample);
    }

    void writeTo(DataOutput out) throws IOException {
        histogram.writeTo(out);
        out.writeDouble(resultCount);
        out.writeDouble(sample);
        out.writeInt(countSinceLastSample);
        out.writeInt(maxima.size());
        for (Map.Entry<MaxScoreScope, ScopeMaximum> entry : maxima.entrySet()) {
            StateStrings.write(out, entry.getKey().partitionFieldValue());
            StateStrings.write(out, entry.getKey().personFieldValue());
            out.writeDouble(entry.getValue().score);
            out.writeInt(entry.getValue().bucketsSinceUpdate);
        }
    }

    static ScoreNormalizer readFrom(DataInput in, NormalizerSettings settings) throws IOException {
        ScoreHistogram histogram = ScoreHistogram.readFrom(in);
        double resultCount = in.readDouble();
        double sample = in.readDouble();
        int countSinceLastSample = in.readInt();
        int scopes = in.readInt();
        Map<MaxScoreScope, ScopeMaximum> maxima = new LinkedHashMap<>();
        for (int i = 0; i < scopes; i++) {
            MaxScoreScope scope = new MaxScoreScope(StateStrings.read(in), StateStrings.read(in));
            ScopeMaximum maximum = new ScopeMaximum();
            maximum.score = in.readDouble();
            maximum.bucketsSinceUpdate = in.readInt();
            maxima.put(scope, maximum);
        }
        return new ScoreNormalizer(settings, histogram, maxima, resultCount, sample, countSinceLastSample);
    }

    private static final class ScopeMaximum {
        double score;
        int bucketsSinceUpdate;

        ScopeMaximum copy() {
            ScopeMaximum copy = new ScopeMaximum();
            copy.score = score;
            copy.bucketsSinceUpdate = bucketsSinceUpdate;
            return copy;
        }
    }
}
