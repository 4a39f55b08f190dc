package io.vigil.job.persistence;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads a job's lifecycle columns and running totals ({@code jobs} joined with {@code job_stats}, which the job
 * processor writes). A job without a {@code job_stats} row has processed nothing: its JSON columns are null.
 */
@Component
public class JobStatsReader {

    /** One job's stored state and statistics; the JSON values are text or null. */
    public record StatsRow(
            String jobId,
            String state,
            Long openTime,
            String nodeId,
            boolean deleting,
            String dataCounts,
            String modelSizeStats,
            String timingStats) {}

    private final JdbcTemplate jdbc;

    JobStatsReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Returns the rows of the given jobs sorted by job id; unknown ids are skipped. */
    public List<StatsRow> read(Collection<String> jobIds) {
        return jdbc.query(
                "select j.job_id, j.state, j.open_time, j.node_id, j.deleting,"
                        + " s.data_counts::text, s.model_size_stats::text, s.timing_stats::text"
                        + " from jobs j left join job_stats s on s.job_id = j.job_id"
                        + " where j.job_id = any (?) order by j.job_id",
                (rs, rowNum) -> new StatsRow(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getObject(3, Long.class),
                        rs.getString(4),
                        rs.getBoolean(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8)),
                (Object) jobIds.toArray(String[]::new));
    }

    /** Returns the memory the job's models used when the processor last reported it. */
    public Optional<Long> modelBytes(String jobId) {
        List<Long> bytes = jdbc.query(
                "select (model_size_stats ->> 'model_bytes')::bigint from job_stats where job_id = ?",
                (rs, rowNum) -> rs.getObject(1, Long.class),
                jobId);
        return bytes.stream().filter(value -> value != null).findFirst();
    }
}
