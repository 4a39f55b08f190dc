package io.vigil.process;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Base of the tests that drive the service over real HTTP on a random port, with real PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ServiceTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected JsonMapper json;

    protected TestApi api;
    protected JobFixtures jobs;

    @BeforeEach
    void createClient() {
        api = new TestApi(json, port);
        jobs = new JobFixtures(jdbc, json, api);
    }

    protected static String path(String jobId, String action) {
        return "/_ml/anomaly_detectors/" + jobId + "/" + action;
    }

    protected List<Map<String, Object>> buckets(String jobId) {
        return jdbc.queryForList(
                "select timestamp, event_count, is_interim, anomaly_score from buckets where job_id = ? "
                        + "order by timestamp",
                jobId);
    }

    @SuppressWarnings("unchecked")
    protected Map<String, Object> dataCounts(String jobId) {
        String document =
                jdbc.queryForObject("select data_counts::text from job_stats where job_id = ?", String.class, jobId);
        return json.readValue(document, Map.class);
    }
}
