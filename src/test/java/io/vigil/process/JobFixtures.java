package io.vigil.process;

import io.vigil.job.AnalysisConfig;
import io.vigil.job.AnalysisLimits;
import io.vigil.job.DataDescription;
import io.vigil.job.Detector;
import io.vigil.job.Job;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Creates jobs for tests by inserting their configuration, in the API shape with defaults filled in, into the
 * {@code jobs} table.
 */
public final class JobFixtures {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    public JobFixtures(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Returns a job with a {@code metric(responsetime) by airline} detector, like Elasticsearch's post-data tests. */
    public static Job metricJob(String jobId, String bucketSpan, String timeFormat) {
        Detector detector = detector("metric", "responsetime", "airline");
        return job(jobId, bucketSpan, null, timeFormat, List.of(detector), null);
    }

    public static Detector detector(String function, String fieldName, String byFieldName) {
        return new Detector(null, function, fieldName, byFieldName, null, null, false, null, null, 0);
    }

    public static Job job(
            String jobId,
            String bucketSpan,
            String latency,
            String timeFormat,
            List<Detector> detectors,
            String backgroundPersistInterval) {
        AnalysisConfig analysis =
                new AnalysisConfig(bucketSpan, null, null, null, null, latency, null, detectors, List.of(), null, null);
        AnalysisLimits limits = new AnalysisLimits(JsonNodeFactory.instance.stringNode("1024mb"), 4L);
        DataDescription data = new DataDescription("xcontent", "time", timeFormat, null, null);
        return new Job(
                jobId,
                "anomaly_detector",
                "0.1.0",
                List.of(),
                null,
                System.currentTimeMillis(),
                null,
                null,
                null,
                analysis,
                limits,
                data,
                null,
                null,
                backgroundPersistInterval,
                10L,
                1L,
                null,
                "shared",
                false,
                null,
                null,
                null);
    }

    public Job insert(Job job) {
        jdbc.update(
                "insert into jobs (job_id, config, groups, state, create_time) values (?, ?::jsonb, ?, 'closed', ?)",
                job.jobId(),
                json.writeValueAsString(job),
                job.groups().toArray(new String[0]),
                job.createTime());
        return job;
    }
}
