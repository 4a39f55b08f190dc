package io.vigil.engine;

import io.vigil.job.Detector;
import io.vigil.scoring.NormalizerKey;

/** The identity of a detector that its leaves carry into aggregation, normalization and records. */
interface AnalysedDetector {

    /** Returns the detector's position in the job, which orders results and groups them per detector. */
    int detectorIndex();

    Detector detector();

    DetectorFunction function();

    /** Returns the key of the normalizer that scores the detector's records. */
    NormalizerKey recordKey();
}
