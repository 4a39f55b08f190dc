package io.vigil.results;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.results.ResultsApi.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The service on a random port and a client for it; each test class uses job ids of its own. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ResultsApiTestBase {

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    protected ResultsApi api;
    protected JobFixtures jobs;

    @BeforeAll
    protected void startClient() {
        api = new ResultsApi(port);
        jobs = new JobFixtures(api);
    }

    /** Imports documents into a job and checks that the import succeeded. */
    protected Response importOk(String jobId, String... lines) {
        Response response = api.importResults(jobId, List.of(lines));
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response;
    }

    protected static String resultsPath(String jobId, String endpoint) {
        return "/_ml/anomaly_detectors/" + jobId + "/results/" + endpoint;
    }

    /** Returns the values of one field across the results array {@code array} of a response. */
    protected static List<String> values(Response response, String array, String field) {
        List<String> values = new ArrayList<>();
        response.json()
                .get(array)
                .forEach(result -> values.add(result.path(field).asString()));
        return values;
    }
}
