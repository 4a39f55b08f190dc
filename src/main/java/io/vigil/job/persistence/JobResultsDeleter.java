package io.vigil.job.persistence;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes a job with everything stored for it. Every table of the schema with a {@code job_id} column contains job
 * data (results, statistics, snapshots), so the tables are looked up in the catalog instead of listed here. A results
 * table that a later migration adds is cleaned up too.
 */
@Component
public class JobResultsDeleter {

    private static final Logger log = LoggerFactory.getLogger(JobResultsDeleter.class);

    private final JdbcTemplate jdbc;

    JobResultsDeleter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Deletes the job's rows from every job data table, then the job itself, in one transaction. */
    @Transactional
    public void deleteJob(String jobId) {
        long rows = 0;
        for (String table : jobDataTables()) {
            rows += jdbc.update("delete from " + table + " where job_id = ?", jobId);
        }
        jdbc.update("delete from jobs where job_id = ?", jobId);
        log.info("[{}] Deleted the job and {} rows of its data", jobId, rows);
    }

    private List<String> jobDataTables() {
        return jdbc.queryForList(
                "select quote_ident(c.table_name) from information_schema.columns c"
                        + " join information_schema.tables t"
                        + " on t.table_schema = c.table_schema and t.table_name = c.table_name"
                        + " where c.table_schema = current_schema() and c.column_name = 'job_id'"
                        + " and t.table_type = 'BASE TABLE' and c.table_name <> 'jobs' order by 1",
                String.class);
    }
}
