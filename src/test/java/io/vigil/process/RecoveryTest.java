package io.vigil.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.job.Job;
import io.vigil.job.JobUpdatedEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;

/** Crash recovery: a processor lost without a close restarts from its latest snapshot. */
@Import(StatefulFakeAnalyzer.Factory.class)
class RecoveryTest extends ServiceTest {

    @Autowired
    JobProcessors processors;

    @Autowired
    ApplicationEventPublisher events;

    private static Job job(String jobId, String persistInterval) {
        return JobFixtures.job(
                jobId, "1h", null, "epoch_ms", List.of(JobFixtures.detector("sum", "value", null)), persistInterval);
    }

    private void post(String jobId, String body) {
        assertThat(api.post(path(jobId, "_data"), "application/x-ndjson", body).status())
                .isEqualTo(200);
    }

    private List<Map<String, Object>> results(String jobId) {
        return jdbc.queryForList(
                "select timestamp, event_count, anomaly_score from buckets where job_id = ? order by timestamp", jobId);
    }

    @Test
    void crashLosesOnlyWorkAfterSnapshot() {
        String reference = "recovery-reference";
        String crashed = "recovery-crashed";
        jobs.create(job(reference, null));
        // Inserted directly: the API rejects a background_persist_interval below its minimum, and the test needs a
        // snapshot after every request to crash between two of them.
        Job crashedJob = jobs.insert(job(crashed, "1ms"));
        api.post(path(reference, "_open"));
        api.post(path(crashed, "_open"));
        post(reference, ContinuityTest.records(0, 8));
        api.post(path(reference, "_close"));

        post(crashed, ContinuityTest.records(0, 4));
        events.publishEvent(new JobUpdatedEvent(withPersistInterval(crashedJob, "3h")));
        post(crashed, ContinuityTest.records(4, 8));
        int resultsBeforeCrash = results(crashed).size();
        processors.abandon(crashed);
        processors.reopenJobsLeftOpen();
        List<Map<String, Object>> restored = results(crashed);
        Map<String, Object> restoredCounts = dataCounts(crashed);
        post(crashed, ContinuityTest.records(4, 8));
        api.post(path(crashed, "_close"));

        assertThat(resultsBeforeCrash).isEqualTo(7);
        assertThat(restored).hasSize(3);
        assertThat(restoredCounts.get("processed_record_count")).isEqualTo(1 + 2 + 3 + 4);
        assertThat(results(crashed)).isEqualTo(results(reference));
        assertThat(dataCounts(crashed).get("processed_record_count"))
                .isEqualTo(dataCounts(reference).get("processed_record_count"));
    }

    @Test
    void restartReopensJobsLeftOpen() {
        String jobId = "recovery-restart";
        jobs.create(job(jobId, null));
        api.post(path(jobId, "_open"));
        post(jobId, ContinuityTest.records(0, 3));

        processors.abandon(jobId);
        String stateAfterCrash = jdbc.queryForObject("select state from jobs where job_id = ?", String.class, jobId);
        processors.reopenJobsLeftOpen();

        assertThat(stateAfterCrash).isEqualTo("opened");
        assertThat(processors.processorFor(jobId)).isNotNull();
        assertThat(results(jobId)).isEmpty();
        assertThat(dataCounts(jobId).get("processed_record_count")).isEqualTo(0);
        post(jobId, ContinuityTest.records(0, 3));
        api.post(path(jobId, "_close"));
        assertThat(results(jobId)).extracting(row -> row.get("event_count")).containsExactly(1L, 2L, 3L);
    }

    private static Job withPersistInterval(Job job, String interval) {
        return new Job(
                job.jobId(),
                job.jobType(),
                job.jobVersion(),
                job.groups(),
                job.description(),
                job.createTime(),
                job.finishedTime(),
                job.modelSnapshotId(),
                job.customSettings(),
                job.analysisConfig(),
                job.analysisLimits(),
                job.dataDescription(),
                job.modelPlotConfig(),
                job.renormalizationWindowDays(),
                interval,
                job.modelSnapshotRetentionDays(),
                job.dailyModelSnapshotRetentionAfterDays(),
                job.resultsRetentionDays(),
                job.resultsIndexName(),
                job.allowLazyOpen(),
                job.blocked(),
                job.deleting(),
                job.datafeedConfig());
    }
}
