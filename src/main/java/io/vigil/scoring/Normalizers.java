package io.vigil.scoring;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * All normalizers of one job, one per {@link ScoreLevel} and {@link NormalizerKey}, created on first update.
 *
 * <p>Per final bucket the owner calls {@link #age} once, then {@link #update} for every result of the bucket
 * (including those that are not anomalous, with raw score 0), then {@link #normalize} for the results it writes.
 * Interim results and renormalization of stored results only call {@link #normalize}, which changes nothing. Not
 * thread-safe: give another thread a {@link #copy}.
 *
 * <p>A stored result is renormalized with these arguments:
 *
 * <ul>
 *   <li>record: {@code RECORD}, {@code NormalizerKey.record(partition_field_name, by_field_name, function,
 *       field_name)}, scope {@code (partition_field_value, by_field_value)}, its {@code probability}; a population
 *       record uses its {@code over_field_name} in place of {@code by_field_name} and {@link MaxScoreScope#ALL};
 *   <li>influencer: {@code INFLUENCER}, {@code NormalizerKey.influencer(influencer_field_name)}, scope
 *       {@code (null, influencer_field_value)}, its {@code probability};
 *   <li>bucket influencer: {@code BUCKET_INFLUENCER}, {@code NormalizerKey.influencer(influencer_field_name)},
 *       {@link MaxScoreScope#ALL}, its {@code raw_anomaly_score}; for {@code bucket_time}, {@code BUCKET},
 *       {@link NormalizerKey#BUCKET} and {@link MaxScoreScope#ALL} instead;
 *   <li>bucket: the largest score of its bucket influencers.
 * </ul>
 */
public final class Normalizers {

    private static final int FORMAT_VERSION = 2;

    /** The format before the family decay was stored; it is derived from the bucket span when read. */
    private static final int FORMAT_VERSION_WITHOUT_FAMILY_DECAY = 1;

    private final NormalizerSettings settings;
    private final Map<LevelKey, ScoreNormalizer> normalizers;

    public Normalizers(NormalizerSettings settings) {
        this(settings, new LinkedHashMap<>());
    }

    private Normalizers(NormalizerSettings settings, Map<LevelKey, ScoreNormalizer> normalizers) {
        this.settings = settings;
        this.normalizers = normalizers;
    }

    /**
     * Returns the raw score a normalizer receives for a result of probability {@code p}: {@code s(p)}, or 0 when p is
     * above 0.035 and the result is not anomalous.
     */
    public static double rawScoreOf(double probability) {
        return probability > ScoreAggregator.MAX_ANOMALOUS_PROBABILITY ? 0.0 : DeviationFunction.score(probability);
    }

    /** Ages every normalizer by one final bucket. */
    public void age() {
        normalizers.values().forEach(ScoreNormalizer::age);
    }

    /**
     * Adds a result's raw score to the history of its normalizer and scope. Returns true on a big change: the
     * scope's maximum grew by more than 10%, so stored results of that normalizer would now score differently.
     */
    public boolean update(ScoreLevel level, NormalizerKey key, MaxScoreScope scope, double rawScore) {
        return normalizers
                .computeIfAbsent(new LevelKey(level, key), ignored -> new ScoreNormalizer(settings))
                .update(scope, rawScore);
    }

    /**
     * Adds a raw score to the history of a normalizer without touching the maximum of any scope: the rank and the
     * family-wise count of its level then include results that exist in the bucket but were not scored there.
     */
    public void addToHistory(ScoreLevel level, NormalizerKey key, double rawScore) {
        normalizers
                .computeIfAbsent(new LevelKey(level, key), ignored -> new ScoreNormalizer(settings))
                .addToHistory(rawScore);
    }

    /**
     * Returns the 0–100 score of a result from its stored value without changing any state: the raw score for levels
     * that {@link ScoreLevel#storedAsRawScore store one}, otherwise the probability. A result whose normalizer has no
     * history yet scores 0.
     */
    public double normalize(ScoreLevel level, NormalizerKey key, MaxScoreScope scope, double probabilityOrRaw) {
        return normalize(level, key, scope, probabilityOrRaw, false);
    }

    /**
     * Returns the 0–100 score of a result as {@link #normalize(ScoreLevel, NormalizerKey, MaxScoreScope, double)}
     * does. For a record of a by value's first occurrence ({@code by_field_first_occurrence} of the rare functions),
     * the probability ceiling uses the record's own probability without the family-wise correction. That probability
     * is about {@code 1 / (2N)} after N occurrences of the detector's values, so it already shrinks as the history
     * grows, and a first occurrence is the event these functions exist to report.
     */
    public double normalize(
            ScoreLevel level,
            NormalizerKey key,
            MaxScoreScope scope,
            double probabilityOrRaw,
            boolean firstOccurrence) {
        double rawScore = level.storedAsRawScore() ? probabilityOrRaw : rawScoreOf(probabilityOrRaw);
        ScoreNormalizer normalizer = normalizers.get(new LevelKey(level, key));
        if (normalizer == null) {
            return 0.0;
        }
        boolean familyWise = level != ScoreLevel.RECORD || !firstOccurrence;
        return normalizer.normalize(scope, rawScore, probabilityOf(level, rawScore), familyWise);
    }

    /**
     * Returns the 0–100 score of an aggregate result, such as the bucket, whose records include a by value's first
     * occurrence. {@code firstOccurrenceProbability} is the smallest probability of those records (1 or more when
     * there is none). The result is scored with at least the raw score of an aggregate of that probability, and its
     * probability ceiling uses that probability without the family-wise correction. So the bucket scores like its
     * first occurrence record, not like a value seen before in one of many series.
     */
    public double normalizeAggregate(
            ScoreLevel level,
            NormalizerKey key,
            MaxScoreScope scope,
            double probabilityOrRaw,
            double firstOccurrenceProbability) {
        double ownRawScore = level.storedAsRawScore() ? probabilityOrRaw : rawScoreOf(probabilityOrRaw);
        double rawScore = Math.max(ownRawScore, aggregateRawScoreOf(firstOccurrenceProbability));
        ScoreNormalizer normalizer = normalizers.get(new LevelKey(level, key));
        if (normalizer == null) {
            return 0.0;
        }
        return normalizer.normalize(
                scope, rawScore, probabilityOf(level, rawScore), true, Math.min(firstOccurrenceProbability, 1.0));
    }

    /**
     * Returns the raw score of an aggregate of one result of probability {@code p}: 0.8 · s(p), or 0 when p is above
     * 0.035 (see {@link ScoreAggregator}).
     */
    public static double aggregateRawScoreOf(double probability) {
        return ScoreAggregator.NORMAL_RANGE_SCORE_FRACTION * rawScoreOf(probability);
    }

    /**
     * Returns the probability behind a raw score of {@code level}. An aggregate's raw score is 0.8 · s(P) of its
     * probability P (see {@link ScoreAggregator}), so for every level above the record P = s⁻¹(raw / 0.8). This
     * holds for influencers too, whose stored probability is s⁻¹(raw). A bucket or influencer with one record thus
     * has the record's probability, and its probability ceiling matches the record's.
     */
    static double probabilityOf(ScoreLevel level, double rawScore) {
        if (level == ScoreLevel.RECORD) {
            return DeviationFunction.probability(rawScore);
        }
        double unscaled = rawScore / ScoreAggregator.NORMAL_RANGE_SCORE_FRACTION;
        return DeviationFunction.probability(Math.min(unscaled, DeviationFunction.MAX_RAW_SCORE));
    }

    /** Returns an independent deep copy, for example for renormalizing stored results on another thread. */
    public Normalizers copy() {
        Map<LevelKey, ScoreNormalizer> copies = new LinkedHashMap<>();
        normalizers.forEach((key, normalizer) -> copies.put(key, normalizer.copy()));
        return new Normalizers(settings, copies);
    }

    /** Returns an estimate of the heap the normalizers retain, in bytes. */
    public long memoryBytes() {
        long bytes = 64L;
        for (ScoreNormalizer normalizer : normalizers.values()) {
            bytes += 128L + normalizer.memoryBytes();
        }
        return bytes;
    }

    /** Writes the settings and every normalizer; {@link #readFrom} restores an equal set. */
    public void writeTo(DataOutput out) throws IOException {
        out.writeInt(FORMAT_VERSION);
        out.writeInt(settings.countPerSample());
        out.writeDouble(settings.maxScoreDecayPerBucket());
        out.writeDouble(settings.historyDecayPerBucket());
        out.writeDouble(settings.familyDecayPerBucket());
        out.writeInt(normalizers.size());
        for (Map.Entry<LevelKey, ScoreNormalizer> entry : normalizers.entrySet()) {
            NormalizerKey key = entry.getKey().key();
            out.writeInt(entry.getKey().level().ordinal());
            StateStrings.write(out, key.partitionFieldName());
            StateStrings.write(out, key.personFieldName());
            StateStrings.write(out, key.functionName());
            StateStrings.write(out, key.valueFieldName());
            entry.getValue().writeTo(out);
        }
    }

    /** Reads normalizers written by {@link #writeTo}. */
    public static Normalizers readFrom(DataInput in) throws IOException {
        int version = in.readInt();
        if (version != FORMAT_VERSION && version != FORMAT_VERSION_WITHOUT_FAMILY_DECAY) {
            throw new IOException("unsupported normalizer state version " + version + ", expected " + FORMAT_VERSION);
        }
        int countPerSample = in.readInt();
        double maxScoreDecay = in.readDouble();
        double historyDecay = in.readDouble();
        double familyDecay = version == FORMAT_VERSION
                ? in.readDouble()
                : NormalizerSettings.familyDecayPerBucket(NormalizerSettings.bucketSpanOf(maxScoreDecay));
        NormalizerSettings settings = new NormalizerSettings(countPerSample, maxScoreDecay, historyDecay, familyDecay);
        int count = in.readInt();
        Map<LevelKey, ScoreNormalizer> normalizers = new LinkedHashMap<>();
        ScoreLevel[] levels = ScoreLevel.values();
        for (int i = 0; i < count; i++) {
            int ordinal = in.readInt();
            if (ordinal < 0 || ordinal >= levels.length) {
                throw new IOException("invalid score level " + ordinal + " in normalizer state");
            }
            NormalizerKey key = new NormalizerKey(
                    StateStrings.read(in), StateStrings.read(in), StateStrings.read(in), StateStrings.read(in));
            normalizers.put(new LevelKey(levels[ordinal], key), ScoreNormalizer.readFrom(in, settings));
        }
        return new Normalizers(settings, normalizers);
    }

    private record LevelKey(ScoreLevel level, NormalizerKey key) {}
}
