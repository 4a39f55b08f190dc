package io.vigil.results;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.results.ResultsApi.Response;

/** Creates jobs for results tests through the job API. */
public final class JobFixtures {

    private static final String CONFIG = "{\"analysis_config\":{\"bucket_span\":\"1h\",\"detectors\":[{"
            + "\"function\":\"mean\",\"field_name\":\"responsetime\",\"by_field_name\":\"airline\"}]},"
            + "\"data_description\":{\"time_field\":\"time\"}}";

    private final ResultsApi api;

    public JobFixtures(ResultsApi api) {
        this.api = api;
    }

    /** Creates a closed job with a {@code mean(responsetime) by airline} detector and a 1h bucket span. */
    public void closedJob(String jobId) {
        Response created = api.put("/_ml/anomaly_detectors/" + jobId, CONFIG);
        assertThat(created.status()).as(created.text()).isEqualTo(200);
    }

    /** Creates a job and opens it with {@code _open}. */
    public void openedJob(String jobId) {
        closedJob(jobId);
        Response opened = api.postNoBody("/_ml/anomaly_detectors/" + jobId + "/_open");
        assertThat(opened.status()).as(opened.text()).isEqualTo(200);
    }

    /** Closes a job with {@code _close}, so that no later start of the service reopens it. */
    public void markClosed(String jobId) {
        Response closed = api.postNoBody("/_ml/anomaly_detectors/" + jobId + "/_close");
        assertThat(closed.status()).as(closed.text()).isEqualTo(200);
    }
}
