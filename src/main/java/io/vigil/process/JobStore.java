package io.vigil.process;

import io.vigil.common.VigilException;
import io.vigil.job.Job;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads job configurations and writes the lifecycle columns of the {@code jobs} table: state, open and finished
 * times, the node that runs the job and the current model snapshot id.
 */
@Component
class JobStore {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    JobStore(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Returns the stored job, or throws 404 when no job has {@code jobId}. */
    Job load(String jobId) {
        return find(jobId).orElseThrow(() -> VigilException.jobNotFound(jobId));
    }

    Optional<Job> find(String jobId) {
        List<String> configs = jdbc.queryForList("select config::text from jobs where job_id = ?", String.class, jobId);
        return configs.stream().findFirst().map(config -> json.readValue(config, Job.class));
    }

    boolean exists(String jobId) {
        return !jdbc.queryForList("select 1 from jobs where job_id = ?", Integer.class, jobId)
                .isEmpty();
    }

    List<String> openJobIds() {
        return jdbc.queryForList("select job_id from jobs where state = 'opened' order by job_id", String.class);
    }

    void markOpened(String jobId, String nodeId, long nowMs) {
        jdbc.update("""
                update jobs set state = 'opened', open_time = ?, finished_time = null, node_id = ?,
                    config = config - 'finished_time', version = version + 1
                where job_id = ?
                """, nowMs, nodeId, jobId);
    }

    void markClosed(String jobId, long nowMs) {
        jdbc.update("""
                update jobs set state = 'closed', open_time = null, finished_time = ?, node_id = null,
                    config = jsonb_set(config, '{finished_time}', to_jsonb(?::bigint)), version = version + 1
                where job_id = ?
                """, nowMs, nowMs, jobId);
    }

    void markFailed(String jobId) {
        jdbc.update("update jobs set state = 'failed', version = version + 1 where job_id = ?", jobId);
    }

    void setModelSnapshotId(String jobId, String snapshotId) {
        jdbc.update(
                "update jobs set config = jsonb_set(config, '{model_snapshot_id}', to_jsonb(?::text)) where job_id = ?",
                snapshotId,
                jobId);
    }
}
