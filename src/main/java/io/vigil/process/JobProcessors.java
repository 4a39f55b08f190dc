package io.vigil.process;

import io.vigil.common.TimeValues;
import io.vigil.common.VigilException;
import io.vigil.engine.AnalysisFields;
import io.vigil.engine.BucketAnalyzer;
import io.vigil.engine.BucketAnalyzerFactory;
import io.vigil.job.FilterUpdatedEvent;
import io.vigil.job.Job;
import io.vigil.job.JobDeletingEvent;
import io.vigil.job.JobExpressions;
import io.vigil.job.JobLifecycle;
import io.vigil.job.JobRegistry;
import io.vigil.job.JobState;
import io.vigil.job.JobUpdatedEvent;
import io.vigil.renormalization.Renormalizers;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Opens and closes jobs and keeps the processor of each job open on this service instance. When the service
 * starts, it opens again the jobs that were open when it stopped, from their latest snapshots.
 */
@Service
public class JobProcessors {

    private static final Logger log = LoggerFactory.getLogger(JobProcessors.class);

    private static final Duration SHUTDOWN_SNAPSHOT_TIMEOUT = Duration.ofSeconds(10);

    private final Map<String, JobProcessor> processors = new ConcurrentHashMap<>();
    private final JobRegistry jobs;
    private final JobLifecycle lifecycle;
    private final JobExpressions expressions;
    private final BucketAnalyzerFactory analyzers;
    private final ProcessorSnapshots snapshots;
    private final ResultsWriter writer;
    private final Renormalizers renormalizers;
    private final RuleFilters ruleFilters;
    private final NodeId nodeId;
    private final Duration defaultPersistInterval;
    private final boolean reopenOnStart;

    JobProcessors(
            JobRegistry jobs,
            JobLifecycle lifecycle,
            JobExpressions expressions,
            BucketAnalyzerFactory analyzers,
            ProcessorSnapshots snapshots,
            ResultsWriter writer,
            Renormalizers renormalizers,
            RuleFilters ruleFilters,
            NodeId nodeId,
            @Value("${vigil.snapshots.background-persist-interval:3h}") String defaultPersistInterval,
            @Value("${vigil.jobs.reopen-on-start:true}") boolean reopenOnStart) {
        this.jobs = jobs;
        this.lifecycle = lifecycle;
        this.expressions = expressions;
        this.analyzers = analyzers;
        this.snapshots = snapshots;
        this.writer = writer;
        this.renormalizers = renormalizers;
        this.ruleFilters = ruleFilters;
        this.nodeId = nodeId;
        this.defaultPersistInterval =
                TimeValues.parse(defaultPersistInterval, "vigil.snapshots.background-persist-interval");
        this.reopenOnStart = reopenOnStart;
    }

    /** Returns the processor of an open job: 404 when the job does not exist, 409 when it is not open. */
    public JobProcessor processorFor(String jobId) {
        JobProcessor processor = processors.get(jobId);
        if (processor != null) {
            return processor;
        }
        if (!jobs.exists(jobId)) {
            throw VigilException.jobNotFound(jobId);
        }
        throw VigilException.jobNotOpen(jobId);
    }

    /** Opens a job on this instance, restoring its latest snapshot; opening an open job changes nothing. */
    public synchronized String open(String jobId) {
        Job job = jobs.getJob(jobId);
        if (processors.containsKey(jobId)) {
            return nodeId.id();
        }
        analyzers.unsupported(job).ifPresent(reason -> {
            throw VigilException.badRequest("Cannot open job [" + jobId + "]: " + reason);
        });
        int analysedFields = analysedFieldCount(job);
        BucketAnalyzer analyzer = analyzers.create(job);
        analyzer.updateFilters(ruleFilters.itemsFor(job));
        ProcessorState state = snapshots.restore(job, analyzer, analysedFields);
        RenormalizationTrigger renormalization =
                new RenormalizationTrigger(request -> renormalizers.request(jobId, request));
        JobAnalysis analysis = new JobAnalysis(jobId, analyzer, state, writer, analysedFields, renormalization);
        JobProcessor processor = new JobProcessor(jobId, analysis, snapshots, renormalizers, defaultPersistInterval);
        processor.start();
        processors.put(jobId, processor);
        lifecycle.markOpened(jobId, nodeId.id(), System.currentTimeMillis());
        log.info(
                "[{}] Opened job with {} processed records",
                jobId,
                state.totals().processedRecordCount());
        return nodeId.id();
    }

    /** Closes the jobs an expression names; closing a closed job is not an error. */
    public void close(String expression, boolean allowNoMatch, boolean force, Duration timeout) {
        List<String> jobIds = expressions.expandIds(expression, allowNoMatch);
        for (String jobId : jobIds) {
            JobProcessor processor = processors.get(jobId);
            if (processor != null) {
                closeProcessor(jobId, processor, force, timeout);
            }
            lifecycle.markClosed(jobId, System.currentTimeMillis());
        }
    }

    private void closeProcessor(String jobId, JobProcessor processor, boolean force, Duration timeout) {
        try {
            processor.close(force, timeout);
            processor.awaitRenormalization(timeout);
            log.info("[{}] Closed job", jobId);
        } catch (VigilException e) {
            throw e;
        } catch (RuntimeException e) {
            lifecycle.markFailed(jobId);
            log.error("[{}] Failed to close the job; it is marked failed and reopens from its last snapshot", jobId, e);
            throw e;
        } finally {
            // A timed-out close leaves the processor running; any other outcome has stopped it.
            if (!processor.isRunning()) {
                processors.remove(jobId, processor);
            }
        }
    }

    boolean reopenOnStart() {
        return reopenOnStart;
    }

    void reopenJobsLeftOpen() {
        for (String jobId : jobs.jobIdsInState(JobState.OPENED)) {
            try {
                open(jobId);
            } catch (RuntimeException e) {
                log.error("[{}] Failed to reopen the job that was open when the service stopped", jobId, e);
                lifecycle.markFailed(jobId);
            }
        }
    }

    @EventListener
    void onJobUpdated(JobUpdatedEvent event) {
        JobProcessor processor = processors.get(event.job().jobId());
        if (processor != null) {
            processor.update(event.job());
            processor.updateFilters(ruleFilters.itemsFor(event.job()));
        }
    }

    @EventListener
    void onFilterUpdated(FilterUpdatedEvent event) {
        for (JobProcessor processor : processors.values()) {
            if (RuleFilters.referencedBy(processor.job())
                    .contains(event.filter().filterId())) {
                processor.updateFilters(ruleFilters.itemsFor(processor.job()));
                log.info(
                        "[{}] Custom rules use the updated items of filter [{}] from the next bucket",
                        processor.jobId(),
                        event.filter().filterId());
            }
        }
    }

    @EventListener
    void onJobDeleting(JobDeletingEvent event) {
        if (!event.force()) {
            return;
        }
        JobProcessor processor = processors.remove(event.jobId());
        if (processor != null) {
            processor.stopWithoutPersisting();
            log.info("[{}] Stopped the processor of a job that is being deleted", event.jobId());
        }
    }

    /**
     * Saves a snapshot of each open job and stops its processor; the jobs stay open and reopen on the next start.
     * The wait is bounded because an embedded database may be stopping at the same time. A job whose snapshot is
     * not saved in time reopens from its previous snapshot.
     */
    @PreDestroy
    void persistOpenJobs() {
        Map<String, CompletableFuture<Void>> saves = new LinkedHashMap<>();
        for (JobProcessor processor : processors.values()) {
            saves.put(processor.jobId(), processor.persistAndStopAsync());
        }
        processors.clear();
        long deadline = System.nanoTime() + SHUTDOWN_SNAPSHOT_TIMEOUT.toNanos();
        saves.forEach((jobId, save) -> {
            try {
                save.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException | TimeoutException e) {
                log.warn("[{}] No snapshot saved at shutdown; the job reopens from its previous snapshot", jobId, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** Drops a processor without saving or closing, as a crash would; only tests call it. */
    void abandon(String jobId) {
        JobProcessor processor = processors.remove(jobId);
        if (processor != null) {
            processor.stopWithoutPersisting();
        }
    }

    static int analysedFieldCount(Job job) {
        return (int) AnalysisFields.of(job.analysisConfig()).names().stream()
                .filter(name -> !name.equals(io.vigil.job.AnalysisConfig.ML_CATEGORY))
                .count();
    }
}
