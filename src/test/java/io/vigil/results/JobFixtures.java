package io.vigil.results;

import io.vigil.job.AnalysisConfig;
import io.vigil.job.DataDescription;
import io.vigil.job.Detector;
import io.vigil.job.Job;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Creates jobs for results tests by inserting rows into the {@code jobs} table, with a configuration in the API
 * shape of {@link Job}.
 */
// TODO: create jobs through PUT /_ml/anomaly_detectors/{job_id} once the job API is available on this branch.
public final class JobFixtures {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;

    public JobFixtures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates a closed job with one {@code mean(responsetime)} detector and a 1h bucket span. */
    public void closedJob(String jobId) {
        insert(jobId, "closed");
    }

    public void openedJob(String jobId) {
        insert(jobId, "opened");
    }

    private void insert(String jobId, String state) {
        Detector detector =
                new Detector("mean(responsetime)", "mean", "responsetime", null, null, null, null, null, null, 0);
        AnalysisConfig analysis =
                new AnalysisConfig("1h", null, null, null, null, null, null, List.of(detector), List.of(), null, null);
        DataDescription data = new DataDescription("xcontent", "time", "epoch_ms", null, null);
        long now = System.currentTimeMillis();
        Job job = new Job(
                jobId,
                "anomaly_detector",
                null,
                List.of(),
                null,
                now,
                null,
                null,
                null,
                analysis,
                null,
                data,
                null,
                null,
                null,
                null,
                null,
                null,
                "shared",
                false,
                null,
                false,
                null);
        jdbc.update(
                "INSERT INTO jobs (job_id, config, state, create_time) VALUES (?, ?::jsonb, ?, ?)",
                jobId,
                MAPPER.writeValueAsString(job),
                state,
                now);
    }
}
