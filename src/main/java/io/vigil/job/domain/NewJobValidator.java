package io.vigil.job.domain;

import io.vigil.job.AnalysisConfig;
import io.vigil.job.DataDescription;
import io.vigil.job.Detector;
import io.vigil.job.Job;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Validates the body of {@code PUT _ml/anomaly_detectors/{job_id}} and returns the job to store, with every default
 * applied. Checks run in Elasticsearch's order, so the first error a client sees is the one Elasticsearch reports.
 */
@Component
public class NewJobValidator {

    /** A validated job and the deprecation warnings its creation produces. */
    public record Result(Job job, List<String> warnings) {}

    private final ModelMemoryLimits memoryLimits;
    private final String version;

    NewJobValidator(ModelMemoryLimits memoryLimits, @Value("${vigil.version:unknown}") String version) {
        this.memoryLimits = memoryLimits;
        this.version = version;
    }

    public Result validate(String urlJobId, Job request, long createTime) {
        AnalysisConfig analysis =
                request.analysisConfig() == null ? null : AnalysisConfigValidator.validate(request.analysisConfig());
        DataDescription data =
                request.dataDescription() == null ? null : DataDescriptionValidator.validate(request.dataDescription());
        if (request.jobId() != null && !request.jobId().equals(urlJobId)) {
            throw ConfigErrors.illegalArgument("Inconsistent job_id; '" + request.jobId()
                    + "' specified in the body differs from '" + urlJobId + "' specified as a URL argument");
        }
        checkInputFields(urlJobId, request, analysis, data);
        checkDetectorsUnique(analysis.detectors());
        checkCreationOnlyFields(request);

        var limits = AnalysisLimitsValidator.validate(request.analysisLimits(), null, memoryLimits.maxMb());
        long retentionDays = request.modelSnapshotRetentionDays() != null
                ? request.modelSnapshotRetentionDays()
                : JobDefaults.MODEL_SNAPSHOT_RETENTION_DAYS;
        Long dailyRetention = JobSettingsValidator.defaultDailyRetention(
                request.dailyModelSnapshotRetentionAfterDays(), retentionDays);
        Job job = new Job(
                urlJobId,
                JobDefaults.JOB_TYPE,
                version,
                request.groups() == null || request.groups().isEmpty() ? null : List.copyOf(request.groups()),
                request.description(),
                createTime,
                null,
                null,
                request.customSettings(),
                withDefaultAnalyzer(analysis),
                limits,
                data,
                JobSettingsValidator.modelPlotConfig(request.modelPlotConfig()),
                request.renormalizationWindowDays(),
                request.backgroundPersistInterval(),
                retentionDays,
                dailyRetention,
                request.resultsRetentionDays(),
                JobSettingsValidator.resultsIndexName(request.resultsIndexName()),
                Boolean.TRUE.equals(request.allowLazyOpen()),
                null,
                null,
                null);
        return new Result(job, BucketSpanWarnings.of(analysis.bucketSpan()));
    }

    private static void checkInputFields(String jobId, Job request, AnalysisConfig analysis, DataDescription data) {
        if (analysis == null) {
            throw ConfigErrors.illegalArgument("An analysis_config must be set");
        }
        if (data == null) {
            throw ConfigErrors.illegalArgument("A data_description must be set");
        }
        if (analysisFields(analysis).contains(data.timeField())) {
            throw ConfigErrors.illegalArgument("data_description.time_field may not be used in the analysis_config");
        }
        JobSettingsValidator.checkBackgroundPersistInterval(request.backgroundPersistInterval());
        JobSettingsValidator.checkRetentionDays(request.renormalizationWindowDays(), request.resultsRetentionDays());
        JobIds.checkJobId(jobId);
        JobSettingsValidator.checkSnapshotRetention(
                request.modelSnapshotRetentionDays(), request.dailyModelSnapshotRetentionAfterDays());
        JobSettingsValidator.checkGroups(jobId, request.groups());
    }

    /** Returns the fields the analysis reads from input records: every detector field, influencer and named field. */
    static Set<String> analysisFields(AnalysisConfig analysis) {
        Set<String> fields = new HashSet<>(analysis.influencers());
        for (Detector detector : analysis.detectors()) {
            fields.add(detector.fieldName());
            fields.add(detector.byFieldName());
            fields.add(detector.overFieldName());
            fields.add(detector.partitionFieldName());
        }
        fields.add(analysis.categorizationFieldName());
        fields.add(analysis.summaryCountFieldName());
        fields.remove(null);
        return fields;
    }

    // Two detectors are duplicates when they differ only in detector_index.
    private static void checkDetectorsUnique(List<Detector> detectors) {
        Set<Detector> seen = new HashSet<>();
        for (Detector detector : detectors) {
            Detector withoutIndex = new Detector(
                    detector.detectorDescription(),
                    detector.function(),
                    detector.fieldName(),
                    detector.byFieldName(),
                    detector.overFieldName(),
                    detector.partitionFieldName(),
                    detector.useNull(),
                    detector.excludeFrequent(),
                    detector.customRules(),
                    0);
            if (!seen.add(withoutIndex)) {
                throw ConfigErrors.illegalArgument(
                        "Duplicate detectors are not allowed: [" + detector.detectorDescription() + "]");
            }
        }
    }

    private static void checkCreationOnlyFields(Job request) {
        if (request.jobType() != null && !request.jobType().equals(JobDefaults.JOB_TYPE)) {
            throw ConfigErrors.illegalArgument("job_type [" + request.jobType() + "] is not supported; the only "
                    + "job type is " + JobDefaults.JOB_TYPE);
        }
        if (request.datafeedConfig() != null) {
            throw ConfigErrors.illegalArgument("datafeed_config is not supported because Vigil has no datafeeds; "
                    + "remove it and send records with POST _ml/anomaly_detectors/<job_id>/_data");
        }
        List<String> generated = new ArrayList<>();
        addIfSet(generated, "model_snapshot_id", request.modelSnapshotId());
        addIfSet(generated, "finished_time", request.finishedTime());
        addIfSet(generated, "create_time", request.createTime());
        addIfSet(generated, "job_version", request.jobVersion());
        addIfSet(generated, "blocked", request.blocked());
        addIfSet(generated, "deleting", request.deleting());
        if (!generated.isEmpty()) {
            throw ConfigErrors.illegalArgument("The job is configured with fields [" + String.join(",", generated)
                    + "] that are illegal to set at job creation");
        }
    }

    private static void addIfSet(List<String> names, String name, Object value) {
        if (value != null) {
            names.add(name);
        }
    }

    /**
     * Gives a categorizing job without an analyzer the standard one, moving its categorization filters into the
     * analyzer's char filters as Elasticsearch does for new jobs.
     */
    private static AnalysisConfig withDefaultAnalyzer(AnalysisConfig a) {
        if (a.categorizationFieldName() == null || a.categorizationAnalyzer() != null) {
            return a;
        }
        return new AnalysisConfig(
                a.bucketSpan(),
                a.categorizationFieldName(),
                null,
                CategorizationAnalyzers.standard(a.categorizationFilters()),
                a.perPartitionCategorization(),
                a.latency(),
                a.summaryCountFieldName(),
                a.detectors(),
                a.influencers(),
                a.modelPruneWindow(),
                a.multivariateByFields());
    }
}
