package io.vigil.engine;

import io.vigil.job.Detector;
import io.vigil.scoring.NormalizerKey;

/**
 * The part every detector analysis shares: the detector's identity, the key of its record normalizer and its custom
 * rules, which an update of the job replaces while the analysis runs.
 */
abstract class AnalysisIdentity implements AnalysedDetector {

    final int detectorIndex;
    final Detector detector;
    final DetectorFunction function;
    private final NormalizerKey recordKey;
    private DetectorRules rules = DetectorRules.NONE;

    AnalysisIdentity(int detectorIndex, Detector detector, DetectorFunction function, NormalizerKey recordKey) {
        this.detectorIndex = detectorIndex;
        this.detector = detector;
        this.function = function;
        this.recordKey = recordKey;
    }

    /** Returns the record key of a detector whose records are split by its by field (or over field for a population). */
    static NormalizerKey recordKey(Detector detector, DetectorFunction function, String splitFieldName) {
        return NormalizerKey.record(
                detector.partitionFieldName(), splitFieldName, function.functionName(), detector.fieldName());
    }

    @Override
    public int detectorIndex() {
        return detectorIndex;
    }

    @Override
    public Detector detector() {
        return detector;
    }

    @Override
    public DetectorFunction function() {
        return function;
    }

    @Override
    public NormalizerKey recordKey() {
        return recordKey;
    }

    /** Returns the detector's custom rules. */
    public DetectorRules rules() {
        return rules;
    }

    /** Replaces the detector's custom rules. They apply from the next bucket assessed. */
    public void useRules(DetectorRules rules) {
        this.rules = rules;
    }
}
