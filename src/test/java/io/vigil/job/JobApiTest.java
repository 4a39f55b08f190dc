package io.vigil.job;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Base of the job API tests: a service on a random port over the test PostgreSQL, with no jobs, no filters and no
 * recorded events at the start of each test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(JobEvents.class)
abstract class JobApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JobEvents events;

    JobApi api;

    @BeforeEach
    void startEmpty() {
        jdbc.update("delete from jobs");
        jdbc.update("delete from filters");
        events.clear();
        api = new JobApi(port);
    }
}
