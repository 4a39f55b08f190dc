package io.vigil.engine;

import io.vigil.job.AnalysisConfig;
import io.vigil.job.AnalysisLimits;
import io.vigil.job.Detector;
import io.vigil.job.Job;
import java.util.List;
import tools.jackson.databind.node.JsonNodeFactory;

/** Builders of job configurations for engine tests. */
final class Jobs {

    private Jobs() {}

    static Detector detector(String function, String fieldName, String byFieldName, String partitionFieldName) {
        return new Detector(null, function, fieldName, byFieldName, null, partitionFieldName, null, null, null, null);
    }

    static Job job(String bucketSpan, List<String> influencers, Detector... detectors) {
        return job(bucketSpan, influencers, null, null, detectors);
    }

    static Job job(
            String bucketSpan,
            List<String> influencers,
            String summaryCountFieldName,
            String modelMemoryLimit,
            Detector... detectors) {
        AnalysisConfig config = new AnalysisConfig(
                bucketSpan,
                null,
                null,
                null,
                null,
                null,
                summaryCountFieldName,
                List.of(detectors),
                influencers,
                null,
                null);
        AnalysisLimits limits = modelMemoryLimit == null
                ? null
                : new AnalysisLimits(JsonNodeFactory.instance.stringNode(modelMemoryLimit), null);
        return new Job(
                "test-job",
                "anomaly_detector",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                config,
                limits,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }
}
