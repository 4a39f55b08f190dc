package io.vigil.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A service restart with a job open, through the real detection engine: the shutdown saves the job's state with its
 * last bucket, so a job restarted at a bucket boundary gives the same later results as one never stopped.
 */
class RestartContinuityTest extends ServiceTest {

    private static final long START_MS = 1_700_006_400_000L;
    private static final long STEP_MS = 300_000L;
    private static final int STEPS = 2 * 288;
    private static final int HOSTS = 3;

    @Autowired
    JobProcessors processors;

    /** Returns NDJSON records for the 5-minute steps [from, to): one value per host, N(100, 10) with one spike. */
    private static String records(int from, int to) {
        Random random = new Random(5L);
        StringBuilder body = new StringBuilder();
        for (int step = 0; step < to; step++) {
            for (int host = 0; host < HOSTS; host++) {
                double value = 100 + 10 * random.nextGaussian() + (step == 500 && host == 1 ? 120 : 0);
                if (step >= from) {
                    body.append("{\"time\":")
                            .append(START_MS + step * STEP_MS)
                            .append(",\"host\":\"h")
                            .append(host)
                            .append("\",\"v\":")
                            .append(value)
                            .append("}\n");
                }
            }
        }
        return body.toString();
    }

    private void create(String jobId) {
        String body = "{\"analysis_config\":{\"bucket_span\":\"15m\",\"detectors\":[{\"function\":\"mean\","
                + "\"field_name\":\"v\",\"by_field_name\":\"host\"}],\"influencers\":[\"host\"]},"
                + "\"data_description\":{\"time_field\":\"time\",\"time_format\":\"epoch_ms\"}}";
        assertThat(api.send(HttpRequest.newBuilder(api.uri("/_ml/anomaly_detectors/" + jobId))
                                .header("Content-Type", "application/json")
                                .PUT(HttpRequest.BodyPublishers.ofString(body)))
                        .status())
                .isEqualTo(200);
        assertThat(api.post(path(jobId, "_open")).status()).isEqualTo(200);
    }

    private void post(String jobId, String body) {
        assertThat(api.post(path(jobId, "_data"), "application/x-ndjson", body).status())
                .isEqualTo(200);
    }

    private List<Map<String, Object>> records(String jobId) {
        return jdbc.queryForList(
                "select timestamp, by_field_value, probability, record_score from records where job_id = ? "
                        + "order by timestamp, by_field_value",
                jobId);
    }

    @Test
    void restartAtBucketBoundaryKeepsResults() {
        create("restart-never-stopped");
        post("restart-never-stopped", records(0, STEPS));
        api.post(path("restart-never-stopped", "_close"));

        create("restart-stopped");
        post("restart-stopped", records(0, STEPS / 2));
        processors.persistOpenJobs();
        processors.reopenJobsLeftOpen();
        post("restart-stopped", records(STEPS / 2, STEPS));
        api.post(path("restart-stopped", "_close"));

        List<Map<String, Object>> expected = records("restart-never-stopped");
        assertThat(expected).as("records of the job never stopped").isNotEmpty();
        assertThat(records("restart-stopped")).isEqualTo(expected);
        assertThat(buckets("restart-stopped")).isEqualTo(buckets("restart-never-stopped"));
        assertThat(dataCounts("restart-stopped").get("processed_record_count")).isEqualTo(STEPS * HOSTS);
    }
}
