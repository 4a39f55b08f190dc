package io.vigil.engine;

import io.vigil.analytics.SeriesModelFactory;
import io.vigil.job.Detector;
import java.util.List;

/** Chooses and creates the {@link DistributionAnalysis} of the detectors that are not analysed per series. */
final class DistributionAnalyses {

    private DistributionAnalyses() {}

    /** Returns true when {@code detector} is a population, rare or location detector. */
    static boolean applies(Detector detector, DetectorFunction function) {
        return isSet(detector.overFieldName()) || function.rare() || function == DetectorFunction.LAT_LONG;
    }

    static DistributionAnalysis create(
            int index,
            Detector detector,
            DetectorFunction function,
            AnalysisFields fields,
            List<String> influencerFields,
            SeriesModelFactory seriesModels,
            long bucketSpanSeconds) {
        int[] influencerIndexes = new int[influencerFields.size()];
        for (int i = 0; i < influencerIndexes.length; i++) {
            String field = influencerFields.get(i);
            boolean own = field.equals(detector.byFieldName())
                    || field.equals(detector.overFieldName())
                    || field.equals(detector.partitionFieldName());
            influencerIndexes[i] = own ? -1 : fields.indexOf(field);
        }
        if (isSet(detector.overFieldName())) {
            FeatureModels models = new FeatureModels(seriesModels, bucketSpanSeconds, true);
            return new PopulationAnalysis(
                    index, detector, function, fields, influencerFields, influencerIndexes, models, bucketSpanSeconds);
        }
        if (function.rare()) {
            return new RareAnalysis(index, detector, function, fields, influencerIndexes, bucketSpanSeconds);
        }
        return new GeoAnalysis(index, detector, function, fields, influencerIndexes, bucketSpanSeconds);
    }

    private static boolean isSet(String value) {
        return value != null && !value.isEmpty();
    }
}
