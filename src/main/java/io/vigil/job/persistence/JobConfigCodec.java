package io.vigil.job.persistence;

import io.vigil.job.Job;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Converts between {@link Job} and the JSON of {@code jobs.config}. Reading tolerates unknown fields, so that
 * settings other features add to the stored JSON never make a job unreadable.
 */
@Component
public class JobConfigCodec {

    private final ObjectMapper mapper;

    JobConfigCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String toJson(Job job) {
        return mapper.writeValueAsString(job);
    }

    /**
     * Returns the job stored in {@code entity}. The lifecycle columns win over the JSON: {@code finished_time} is
     * the processor's column, and {@code deleting} appears only while a delete runs.
     */
    public Job fromEntity(JobEntity entity) {
        Job job = mapper.readValue(entity.getConfig(), Job.class);
        return new Job(
                job.jobId(),
                job.jobType(),
                job.jobVersion(),
                job.groups(),
                job.description(),
                job.createTime(),
                entity.getFinishedTime(),
                job.modelSnapshotId(),
                job.customSettings(),
                job.analysisConfig(),
                job.analysisLimits(),
                job.dataDescription(),
                job.modelPlotConfig(),
                job.renormalizationWindowDays(),
                job.backgroundPersistInterval(),
                job.modelSnapshotRetentionDays(),
                job.dailyModelSnapshotRetentionAfterDays(),
                job.resultsRetentionDays(),
                job.resultsIndexName(),
                job.allowLazyOpen(),
                job.blocked(),
                entity.isDeleting() ? Boolean.TRUE : null,
                job.datafeedConfig());
    }
}
