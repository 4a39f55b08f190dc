package io.vigil.job;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Writes the lifecycle columns of a job: state, open and finished times, the node that runs it and its current
 * model snapshot. The job processor calls it as it opens, closes and snapshots jobs; the job API only reads these
 * columns. The state changes bump {@code version}, so a concurrent {@code _update} of the same job fails its
 * optimistic lock instead of writing back a stale {@code finished_time}.
 */
@Service
public class JobLifecycle {

    private final JdbcTemplate jdbc;

    JobLifecycle(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void markOpened(String jobId, String nodeId, long nowMs) {
        jdbc.update("""
                update jobs set state = 'opened', open_time = ?, finished_time = null, node_id = ?,
                    config = config - 'finished_time', version = version + 1
                where job_id = ?
                """, nowMs, nodeId, jobId);
    }

    public void markClosed(String jobId, long nowMs) {
        jdbc.update("""
                update jobs set state = 'closed', open_time = null, finished_time = ?, node_id = null,
                    config = jsonb_set(config, '{finished_time}', to_jsonb(?::bigint)), version = version + 1
                where job_id = ?
                """, nowMs, nowMs, jobId);
    }

    public void markFailed(String jobId) {
        jdbc.update("update jobs set state = 'failed', version = version + 1 where job_id = ?", jobId);
    }

    /** Makes {@code snapshotId} the snapshot the job restores on its next open. */
    public void setModelSnapshotId(String jobId, String snapshotId) {
        jdbc.update(
                "update jobs set config = jsonb_set(config, '{model_snapshot_id}', to_jsonb(?::text)) where job_id = ?",
                snapshotId,
                jobId);
    }
}
