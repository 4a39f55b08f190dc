package io.vigil.results.persistence;

import io.vigil.results.domain.JobLookup;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Looks jobs up in the {@code jobs} table. */
// TODO: delegate to the job service once it exposes job existence and state, instead of reading its table.
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
