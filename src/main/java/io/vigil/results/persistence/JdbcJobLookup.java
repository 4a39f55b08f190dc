package io.vigil.results.persistence;

import io.vigil.results.domain.JobLookup;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Looks jobs up in the {@code jobs} table. */
// TODO: delegate to io.vigil.job.JobRegistry once it exposes a job's state. It returns only the configuration
// today, and decoding that costs more per results request than this one-column query.
@Component
class JdbcJobLookup implements JobLookup {

    private final JdbcTemplate jdbc;

    JdbcJobLookup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> state(String jobId) {
        return first(jdbc.queryForList("SELECT state FROM jobs WHERE job_id = ?", String.class, jobId));
    }

    @Override
    public Optional<String> lockState(String jobId) {
        return first(jdbc.queryForList("SELECT state FROM jobs WHERE job_id = ? FOR SHARE", String.class, jobId));
    }

    private static Optional<String> first(List<String> states) {
        return states.stream().findFirst();
    }
}
