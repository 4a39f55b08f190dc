package io.vigil.engine;

import io.vigil.job.AnalysisConfig;
import io.vigil.job.Detector;
import io.vigil.job.Job;
import java.util.Optional;

/**
 * Finds the first job setting the engine does not run yet, so that opening such a job fails with a message naming
 * it instead of silently ignoring it. Categorization is supported: the job processor assigns each record's
 * {@code mlcategory} before the engine sees it, and the engine treats it as any other split field.
 */
final class UnsupportedSettings {

    private UnsupportedSettings() {}

    static Optional<String> firstOf(Job job) {
        AnalysisConfig config = job.analysisConfig();
        if (config == null || config.detectors() == null || config.detectors().isEmpty()) {
            return Optional.of("analysis_config.detectors is missing; a job needs at least one detector");
        }
        for (int index = 0; index < config.detectors().size(); index++) {
            Optional<String> message = ofDetector(index, config.detectors().get(index));
            if (message.isPresent()) {
                return message;
            }
        }
        if (Boolean.TRUE.equals(config.multivariateByFields())) {
            return unsupported("analysis_config.multivariate_by_fields [true]");
        }
        if (job.modelPlotConfig() != null
                && Boolean.TRUE.equals(job.modelPlotConfig().enabled())) {
            return unsupported("model_plot_config.enabled [true]: model plot");
        }
        return Optional.empty();
    }

    private static Optional<String> ofDetector(int index, Detector detector) {
        String where = "detectors[" + index + "].";
        Optional<DetectorFunction> function = DetectorFunction.of(detector.function());
        if (function.isEmpty()) {
            return unsupported(where + "function [" + detector.function() + "]");
        }
        if (function.get().needsFieldValue() && !isSet(detector.fieldName())) {
            return Optional.of(
                    where + "field_name must be set when the '" + function.get().functionName() + "' function is used");
        }
        if (isSet(detector.overFieldName()) && function.get() == DetectorFunction.LAT_LONG) {
            return unsupported(
                    where + "over_field_name [" + detector.overFieldName() + "] with the 'lat_long' function");
        }
        return Optional.empty();
    }

    private static Optional<String> unsupported(String setting) {
        return Optional.of(setting + " is not supported by this version of Vigil; remove it from the job to open it");
    }

    private static boolean isSet(String value) {
        return value != null && !value.isEmpty();
    }
}
