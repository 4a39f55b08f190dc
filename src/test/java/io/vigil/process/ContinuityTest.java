package io.vigil.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.job.DetectionRule;
import io.vigil.job.Detector;
import io.vigil.job.Job;
import io.vigil.job.JobDeletingEvent;
import io.vigil.job.JobUpdatedEvent;
import io.vigil.process.TestApi.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;

/** Snapshot continuity, the analyzer plug and job events, with an analyzer whose results depend on its state. */
@Import(StatefulFakeAnalyzer.Factory.class)
class ContinuityTest extends ServiceTest {

    static final long H0 = 1403481600000L;
    static final long HOUR = 3_600_000L;

    @Autowired
    ApplicationEventPublisher events;

    static Job countingJob(String jobId) {
        return JobFixtures.job(
                jobId, "1h", null, "epoch_ms", List.of(JobFixtures.detector("sum", "value", null)), null);
    }

    /** Returns records for hours [fromHour, toHour): hour h has h % 4 + 1 records with values depending on h. */
    static String records(int fromHour, int toHour) {
        StringBuilder body = new StringBuilder();
        for (int hour = fromHour; hour < toHour; hour++) {
            for (int i = 0; i <= hour % 4; i++) {
                long time = H0 + hour * HOUR + i * 60_000L;
                body.append("{\"time\":")
                        .append(time)
                        .append(",\"value\":")
                        .append(hour * 3 + i)
                        .append("}\n");
            }
        }
        return body.toString();
    }

    private Response post(String jobId, String body) {
        return api.post(path(jobId, "_data"), "application/x-ndjson", body);
    }

    private List<Map<String, Object>> scores(String jobId) {
        return jdbc.queryForList(
                "select timestamp, event_count, anomaly_score from buckets where job_id = ? order by timestamp", jobId);
    }

    @Test
    void closeAndReopenGivesSameResults() {
        jobs.create(countingJob("continuity-never-closed"));
        jobs.create(countingJob("continuity-reopened"));
        api.post(path("continuity-never-closed", "_open"));
        api.post(path("continuity-reopened", "_open"));

        post("continuity-never-closed", records(0, 10));
        api.post(path("continuity-never-closed", "_close"));
        post("continuity-reopened", records(0, 5));
        api.post(path("continuity-reopened", "_close"));
        api.post(path("continuity-reopened", "_open"));
        post("continuity-reopened", records(5, 10));
        api.post(path("continuity-reopened", "_close"));

        List<Map<String, Object>> expected = scores("continuity-never-closed");
        assertThat(expected).hasSize(10);
        assertThat(expected.stream()
                        .map(row -> row.get("anomaly_score"))
                        .distinct()
                        .count())
                .isGreaterThan(5);
        assertThat(scores("continuity-reopened")).isEqualTo(expected);
        Map<String, Object> expectedCounts = dataCounts("continuity-never-closed");
        Map<String, Object> counts = dataCounts("continuity-reopened");
        assertThat(counts.get("processed_record_count")).isEqualTo(expectedCounts.get("processed_record_count"));
        assertThat(counts.get("bucket_count")).isEqualTo(expectedCounts.get("bucket_count"));
        assertThat(counts.get("input_bytes")).isEqualTo(expectedCounts.get("input_bytes"));
        assertThat(jdbc.queryForObject(
                        "select count(*) from model_snapshots where job_id = 'continuity-reopened'", Integer.class))
                .isEqualTo(2);
    }

    @Test
    void unsupportedFunctionFailsOpen() {
        Job job = JobFixtures.job(
                "continuity-rare", "1h", null, "epoch_ms", List.of(JobFixtures.detector("rare", null, "host")), null);
        jobs.create(job);

        Response response = api.post(path("continuity-rare", "_open"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.reason())
                .isEqualTo("Cannot open job [continuity-rare]: function [rare] is not supported; use count or "
                        + "metric functions");
        assertThat(jdbc.queryForObject("select state from jobs where job_id = 'continuity-rare'", String.class))
                .isEqualTo("closed");
    }

    @Test
    void updateAppliesFromNextBucket() {
        String jobId = "continuity-update";
        Job job = jobs.create(countingJob(jobId));
        api.post(path(jobId, "_open"));
        post(jobId, "{\"time\":" + H0 + ",\"value\":1}\n");

        events.publishEvent(new JobUpdatedEvent(withRule(job)));
        post(jobId, "{\"time\":" + (H0 + HOUR) + ",\"value\":1}\n{\"time\":" + (H0 + 2 * HOUR) + ",\"value\":1}\n");
        api.post(path(jobId, "_close"));

        List<Map<String, Object>> buckets = scores(jobId);
        assertThat(buckets).hasSize(3);
        assertThat((Double) buckets.get(0).get("anomaly_score")).isLessThan(50);
        assertThat((Double) buckets.get(1).get("anomaly_score")).isGreaterThanOrEqualTo(50);
        assertThat((Double) buckets.get(2).get("anomaly_score")).isGreaterThanOrEqualTo(50);
    }

    @Test
    void forcedDeleteStopsProcessor() {
        String jobId = "continuity-delete";
        jobs.create(countingJob(jobId));
        api.post(path(jobId, "_open"));

        events.publishEvent(new JobDeletingEvent(jobId, true));
        Response post = post(jobId, "{\"time\":" + H0 + ",\"value\":1}\n");

        assertThat(post.status()).isEqualTo(409);
        assertThat(jdbc.queryForObject("select count(*) from model_snapshots where job_id = ?", Integer.class, jobId))
                .isZero();
    }

    private static Job withRule(Job job) {
        Detector detector = job.analysisConfig().detectors().get(0);
        DetectionRule rule = new DetectionRule(
                List.of("skip_result"), null, List.of(new DetectionRule.RuleCondition("actual", "lt", 0.0)));
        Detector updated = new Detector(
                detector.detectorDescription(),
                detector.function(),
                detector.fieldName(),
                detector.byFieldName(),
                detector.overFieldName(),
                detector.partitionFieldName(),
                detector.useNull(),
                detector.excludeFrequent(),
                List.of(rule),
                detector.detectorIndex());
        var analysis = job.analysisConfig();
        var updatedAnalysis = new io.vigil.job.AnalysisConfig(
                analysis.bucketSpan(),
                analysis.categorizationFieldName(),
                analysis.categorizationFilters(),
                analysis.categorizationAnalyzer(),
                analysis.perPartitionCategorization(),
                analysis.latency(),
                analysis.summaryCountFieldName(),
                List.of(updated),
                analysis.influencers(),
                analysis.modelPruneWindow(),
                analysis.multivariateByFields());
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
                updatedAnalysis,
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
                job.deleting(),
                job.datafeedConfig());
    }
}
