package io.vigil.process;

import io.vigil.job.AnalysisConfig;
import io.vigil.job.AnalysisLimits;
import io.vigil.job.DataDescription;
import io.vigil.job.Detector;
import io.vigil.job.Job;
import java.net.http.HttpRequest;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Creates jobs for tests: through {@code PUT /_ml/anomaly_detectors/{job_id}} like a client, or, for a setting
 * the API rejects, by inserting the configuration in the API shape with defaults filled in into the {@code jobs}
 * table.
 */
public final class JobFixtures {

    /** The fields of a stored job that the service sets, which a {@code PUT} body may not contain. */
    private static final List<String> SERVER_FIELDS = List.of(
            "job_id",
            "job_type",
            "job_version",
            "create_time",
            "finished_time",
            "model_snapshot_id",
            "deleting",
            "blocked",
            "results_index_name");

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final TestApi api;

    public JobFixtures(JdbcTemplate jdbc, JsonMapper json, TestApi api) {
        this.jdbc = jdbc;
        this.json = json;
        this.api = api;
    }

    /** Creates the job with {@code PUT}, as a client does, and returns the job the service stored. */
    public Job create(Job job) {
        ObjectNode body = json.valueToTree(job);
        SERVER_FIELDS.forEach(body::remove);
        TestApi.Response created = api.send(HttpRequest.newBuilder(api.uri("/_ml/anomaly_detectors/" + job.jobId()))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))));
        if (created.status() != 200) {
            throw new IllegalStateException("Creating job [" + job.jobId() + "] failed: " + created.body());
        }
        return json.convertValue(created.body(), Job.class);
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

    /**
     * Inserts the job into the {@code jobs} table without validation, for a test that needs a setting the API
     * rejects, such as a {@code background_persist_interval} below its minimum.
     */
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
