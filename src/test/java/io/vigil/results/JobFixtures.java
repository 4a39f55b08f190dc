package io.vigil.results;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.results.ResultsApi.Response;
import org.springframework.jdbc.core.JdbcTemplate;

/** Creates jobs for results tests through the job API. */
public final class JobFixtures {

    private static final String CONFIG = "{\"analysis_config\":{\"bucket_span\":\"1h\",\"detectors\":[{"
            + "\"function\":\"mean\",\"field_name\":\"responsetime\",\"by_field_name\":\"airline\"}]},"
            + "\"data_description\":{\"time_field\":\"time\"}}";

    private final ResultsApi api;
    private final JdbcTemplate jdbc;

    public JobFixtures(ResultsApi api, JdbcTemplate jdbc) {
        this.api = api;
        this.jdbc = jdbc;
    }

    /** Creates a closed job with a {@code mean(responsetime) by airline} detector and a 1h bucket span. */
    public void closedJob(String jobId) {
        Response created = api.put("/_ml/anomaly_detectors/" + jobId, CONFIG);
        assertThat(created.status()).as(created.text()).isEqualTo(200);
    }

    /**
     * Creates a job and marks it opened in the jobs table. Opening it through the API would need the engine's
     * series models, which not every build configures, and the results endpoints only read the state.
     */
    public void openedJob(String jobId) {
        closedJob(jobId);
        jdbc.update("UPDATE jobs SET state = 'opened' WHERE job_id = ?", jobId);
    }

    /** Marks a job closed again, so that no later start of the service tries to reopen it. */
    public void markClosed(String jobId) {
        jdbc.update("UPDATE jobs SET state = 'closed' WHERE job_id = ?", jobId);
    }
}
