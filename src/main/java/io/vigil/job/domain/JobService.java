package io.vigil.job.domain;

import io.vigil.common.VigilException;
import io.vigil.job.AnalysisConfig;
import io.vigil.job.DetectionRule;
import io.vigil.job.Detector;
import io.vigil.job.Job;
import io.vigil.job.JobState;
import io.vigil.job.JobUpdatedEvent;
import io.vigil.job.persistence.JobConfigCodec;
import io.vigil.job.persistence.JobEntity;
import io.vigil.job.persistence.JobRepository;
import io.vigil.job.persistence.JobStatsReader;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/** Creates, updates and deletes jobs; {@link io.vigil.job.JobRegistry} reads them. */
@Service
public class JobService {

    private static final Logger log = LoggerFactory.getLogger(JobService.class);

    private final JobRepository jobs;
    private final JobConfigCodec codec;
    private final NewJobValidator validator;
    private final ModelMemoryLimits memoryLimits;
    private final FilterService filters;
    private final JobStatsReader stats;
    private final ApplicationEventPublisher events;

    JobService(
            JobRepository jobs,
            JobConfigCodec codec,
            NewJobValidator validator,
            ModelMemoryLimits memoryLimits,
            FilterService filters,
            JobStatsReader stats,
            ApplicationEventPublisher events) {
        this.jobs = jobs;
        this.codec = codec;
        this.validator = validator;
        this.memoryLimits = memoryLimits;
        this.filters = filters;
        this.stats = stats;
        this.events = events;
    }

    /** Validates and stores a new job; the result carries deprecation warnings for the response. */
    public NewJobValidator.Result create(String jobId, Job request) {
        NewJobValidator.Result result = validator.validate(jobId, request, System.currentTimeMillis());
        Job job = result.job();
        if (jobs.existsById(jobId)) {
            throw alreadyUsed(jobId);
        }
        checkNoGroupClash(jobId, job.groups());
        filters.checkExist(referencedFilters(job.analysisConfig()));
        try {
            jobs.saveAndFlush(new JobEntity(jobId, codec.toJson(job), groups(job), job.createTime()));
        } catch (DataIntegrityViolationException e) {
            throw alreadyUsed(jobId);
        }
        log.info(
                "[{}] Created job with {} detectors",
                jobId,
                job.analysisConfig().detectors().size());
        return result;
    }

    /** Applies an update and publishes {@link JobUpdatedEvent} once it is stored. */
    public Job update(String jobId, JobUpdate update) {
        if (JobIds.ALL.equals(jobId)) {
            throw ConfigErrors.invalid("Cannot update more than 1 job at a time");
        }
        JobEntity entity = jobs.findById(jobId).orElseThrow(() -> VigilException.jobNotFound(jobId));
        if (update.jobId() != null && !update.jobId().equals(jobId)) {
            throw ConfigErrors.illegalArgument("Inconsistent job_id; '" + update.jobId()
                    + "' specified in the body differs from '" + jobId + "' specified as a URL argument");
        }
        if (update.groups() != null) {
            for (String group : update.groups()) {
                if (!group.equals(jobId) && jobs.existsById(group)) {
                    throw JobIds.jobAndGroupNameClash(group);
                }
            }
        }
        Job updated = JobUpdater.apply(
                codec.fromEntity(entity),
                update,
                JobState.fromValue(entity.getState()),
                stats.modelBytes(jobId).orElse(null),
                memoryLimits.maxMb());
        filters.checkExist(referencedFilters(updated.analysisConfig()));

        entity.setConfig(codec.toJson(updated));
        entity.setGroups(groups(updated));
        try {
            jobs.saveAndFlush(entity);
        } catch (ObjectOptimisticLockingFailureException e) {
            throw VigilException.statusError(
                    HttpStatus.CONFLICT,
                    "Job [" + jobId + "] was changed by another request while this update ran; send the update again");
        }
        Job stored = codec.fromEntity(jobs.findById(jobId).orElseThrow(() -> VigilException.jobNotFound(jobId)));
        events.publishEvent(new JobUpdatedEvent(stored));
        log.info("[{}] Updated job", jobId);
        return stored;
    }

    private void checkNoGroupClash(String jobId, List<String> groups) {
        if (jobs.existsGroup(jobId)) {
            throw JobIds.jobAndGroupNameClash(jobId);
        }
        for (String group : groups == null ? List.<String>of() : groups) {
            if (jobs.existsById(group)) {
                throw JobIds.jobAndGroupNameClash(group);
            }
        }
    }

    private static VigilException alreadyUsed(String jobId) {
        return VigilException.alreadyExists(
                "The job cannot be created with the Id '" + jobId + "'. The Id is already used.");
    }

    private static String[] groups(Job job) {
        return job.groups() == null ? new String[0] : job.groups().toArray(String[]::new);
    }

    static Set<String> referencedFilters(AnalysisConfig config) {
        Set<String> ids = new TreeSet<>();
        for (Detector detector : config.detectors()) {
            for (DetectionRule rule :
                    detector.customRules() == null ? List.<DetectionRule>of() : detector.customRules()) {
                if (rule.scope() != null) {
                    rule.scope().values().forEach(ref -> ids.add(ref.filterId()));
                }
            }
        }
        return ids;
    }
}
