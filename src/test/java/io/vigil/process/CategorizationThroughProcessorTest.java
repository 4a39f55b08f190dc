package io.vigil.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.job.AnalysisConfig;
import io.vigil.job.Job;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;

/** Message categorization inside the processor: categories are stored, counted and kept across a reopen. */
@Import(EventCountingAnalyzerFactory.Beans.class)
class CategorizationThroughProcessorTest extends ServiceTest {

    private static final long H0 = 1403481600000L;

    private void createJob(String jobId) {
        Job job = JobFixtures.job(
                jobId, "1h", null, "epoch_ms", List.of(JobFixtures.detector("count", null, "mlcategory")), null);
        AnalysisConfig analysis = job.analysisConfig();
        AnalysisConfig categorizing = new AnalysisConfig(
                analysis.bucketSpan(),
                "message",
                null,
                null,
                null,
                null,
                null,
                analysis.detectors(),
                List.of(),
                null,
                null);
        jobs.create(new Job(
                job.jobId(),
                job.jobType(),
                job.jobVersion(),
                job.groups(),
                null,
                job.createTime(),
                null,
                null,
                null,
                categorizing,
                job.analysisLimits(),
                job.dataDescription(),
                null,
                null,
                null,
                10L,
                1L,
                null,
                "shared",
                false,
                null,
                null,
                null));
    }

    private void post(String jobId, long time, String... messages) {
        StringBuilder body = new StringBuilder();
        for (String message : messages) {
            body.append("{\"time\":")
                    .append(time)
                    .append(",\"message\":\"")
                    .append(message)
                    .append("\"}\n");
        }
        assertThat(api.post(path(jobId, "_data"), "application/x-ndjson", body.toString())
                        .status())
                .isEqualTo(200);
    }

    private List<Map<String, Object>> categories(String jobId) {
        return jdbc.queryForList(
                "select category_id, num_matches, terms from categories where job_id = ? order by category_id", jobId);
    }

    @Test
    void categoriesAreStoredAndSurviveReopen() {
        String jobId = "categorization-processor";
        createJob(jobId);
        api.post(path(jobId, "_open"));

        post(jobId, H0, "Node alpha started", "Node beta started", "Disk full on volume sda", "Node gamma started");
        api.post(path(jobId, "_close"));
        List<Map<String, Object>> afterFirstRun = categories(jobId);
        api.post(path(jobId, "_open"));
        post(jobId, H0 + 3_600_000, "Node delta started", "Disk full on volume sdb");
        api.post(path(jobId, "_close"));
        List<Map<String, Object>> afterReopen = categories(jobId);

        assertThat(afterFirstRun).hasSize(2);
        assertThat(afterFirstRun.get(0).get("num_matches")).isEqualTo(3L);
        assertThat(afterFirstRun.get(1).get("num_matches")).isEqualTo(1L);
        assertThat(afterReopen).hasSize(2);
        assertThat(afterReopen.get(0).get("num_matches")).isEqualTo(4L);
        assertThat(afterReopen.get(1).get("num_matches")).isEqualTo(2L);
        String categorized = jdbc.queryForObject(
                "select model_size_stats ->> 'categorized_doc_count' from job_stats where job_id = ?",
                String.class,
                jobId);
        assertThat(categorized).isEqualTo("6");
    }
}
