package io.vigil.process;

import io.vigil.job.JobLifecycle;
import io.vigil.job.StatsDocuments;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Stores and loads model snapshots, applies the snapshot retention settings and reads snapshots for the API. */
@Component
class SnapshotStore {

    private static final String COLUMNS = "job_id, min_version, timestamp, description, snapshot_id, "
            + "snapshot_doc_count, model_size_stats::text, latest_record_time_stamp, latest_result_time_stamp, retain";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final JobLifecycle jobs;
    private final RowMapper<ModelSnapshot> snapshotRows;

    SnapshotStore(JdbcTemplate jdbc, TransactionTemplate transactions, JsonMapper json, JobLifecycle jobs) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
        this.jobs = jobs;
        this.snapshotRows = this::toSnapshot;
    }

    /** A snapshot together with its serialized processor state. */
    record StoredSnapshot(ModelSnapshot snapshot, byte[] state) {}

    /**
     * Saves a snapshot, makes it the job's current one and applies the retention settings, all in one transaction.
     * Returns the saved snapshot, whose id is unique within the job.
     */
    ModelSnapshot save(ModelSnapshot snapshot, byte[] state, RetentionPolicy retention) {
        return transactions.execute(status -> {
            ModelSnapshot saved = withUniqueId(snapshot);
            jdbc.update(
                    """
                    insert into model_snapshots (job_id, snapshot_id, timestamp, description,
                        latest_record_time_stamp, latest_result_time_stamp, min_version, retain,
                        snapshot_doc_count, model_size_stats, state)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)
                    """,
                    saved.jobId(),
                    saved.snapshotId(),
                    saved.timestamp(),
                    saved.description(),
                    saved.latestRecordTimeStamp(),
                    saved.latestResultTimeStamp(),
                    saved.minVersion(),
                    saved.retain(),
                    saved.snapshotDocCount(),
                    json.writeValueAsString(saved.modelSizeStats()),
                    state);
            jobs.setModelSnapshotId(saved.jobId(), saved.snapshotId());
            applyRetention(saved, retention);
            return saved;
        });
    }

    /** Returns the job's current snapshot ({@code model_snapshot_id}), else its newest one. */
    Optional<StoredSnapshot> current(String jobId, String modelSnapshotId) {
        List<StoredSnapshot> found = jdbc.query(
                "select " + COLUMNS + ", state from model_snapshots where job_id = ? "
                        + "order by (snapshot_id = ?) desc, timestamp desc limit 1",
                (row, index) -> new StoredSnapshot(toSnapshot(row, index), row.getBytes("state")),
                jobId,
                modelSnapshotId == null ? "" : modelSnapshotId);
        return found.stream().findFirst();
    }

    List<ModelSnapshot> find(String jobId, String where, List<Object> parameters, String orderBy, int from, int size) {
        Object[] arguments = new Object[parameters.size() + 3];
        arguments[0] = jobId;
        for (int i = 0; i < parameters.size(); i++) {
            arguments[i + 1] = parameters.get(i);
        }
        arguments[arguments.length - 2] = size;
        arguments[arguments.length - 1] = from;
        return jdbc.query(
                "select " + COLUMNS + " from model_snapshots where job_id = ?" + where + " order by " + orderBy
                        + " limit ? offset ?",
                snapshotRows,
                arguments);
    }

    long count(String jobId, String where, List<Object> parameters) {
        Object[] arguments = new Object[parameters.size() + 1];
        arguments[0] = jobId;
        for (int i = 0; i < parameters.size(); i++) {
            arguments[i + 1] = parameters.get(i);
        }
        Long count = jdbc.queryForObject(
                "select count(*) from model_snapshots where job_id = ?" + where, Long.class, arguments);
        return count == null ? 0 : count;
    }

    private ModelSnapshot withUniqueId(ModelSnapshot snapshot) {
        long id = snapshot.timestamp() / 1000;
        Long newest = jdbc.queryForObject(
                "select max(snapshot_id::bigint) from model_snapshots where job_id = ? and snapshot_id ~ '^[0-9]+$'",
                Long.class,
                snapshot.jobId());
        if (newest != null && newest >= id) {
            id = newest + 1;
        }
        return new ModelSnapshot(
                snapshot.jobId(),
                snapshot.minVersion(),
                snapshot.timestamp(),
                snapshot.description(),
                Long.toString(id),
                snapshot.snapshotDocCount(),
                snapshot.modelSizeStats(),
                snapshot.latestRecordTimeStamp(),
                snapshot.latestResultTimeStamp(),
                snapshot.retain());
    }

    /**
     * Deletes snapshots older than {@code model_snapshot_retention_days} before the newest one, and keeps only the
     * newest snapshot of each UTC day among those older than {@code daily_model_snapshot_retention_after_days}.
     * Snapshots with {@code retain: true} and the current snapshot are never deleted.
     */
    private void applyRetention(ModelSnapshot newest, RetentionPolicy retention) {
        long retentionCutoff =
                newest.timestamp() - Duration.ofDays(retention.retentionDays()).toMillis();
        long dailyCutoff = newest.timestamp()
                - Duration.ofDays(retention.dailyRetentionAfterDays()).toMillis();
        List<Object[]> candidates = jdbc.query(
                "select snapshot_id, timestamp from model_snapshots "
                        + "where job_id = ? and not retain and snapshot_id <> ? and timestamp < ? "
                        + "order by timestamp desc",
                (row, index) -> new Object[] {row.getString(1), row.getLong(2)},
                newest.jobId(),
                newest.snapshotId(),
                dailyCutoff);
        Set<LocalDate> daysKept = new HashSet<>();
        for (Object[] candidate : candidates) {
            String snapshotId = (String) candidate[0];
            long timestamp = (Long) candidate[1];
            LocalDate day =
                    Instant.ofEpochMilli(timestamp).atZone(ZoneOffset.UTC).toLocalDate();
            if (timestamp < retentionCutoff || !daysKept.add(day)) {
                jdbc.update(
                        "delete from model_snapshots where job_id = ? and snapshot_id = ?", newest.jobId(), snapshotId);
            }
        }
    }

    private ModelSnapshot toSnapshot(ResultSet row, int index) throws SQLException {
        Map<String, Object> stored =
                json.readValue(row.getString("model_size_stats"), new TypeReference<Map<String, Object>>() {});
        Map<String, Object> modelSizeStats = StatsDocuments.orderedModelSizeStats(row.getString("job_id"), stored);
        return new ModelSnapshot(
                row.getString("job_id"),
                row.getString("min_version"),
                row.getLong("timestamp"),
                row.getString("description"),
                row.getString("snapshot_id"),
                row.getInt("snapshot_doc_count"),
                modelSizeStats,
                nullableLong(row, "latest_record_time_stamp"),
                nullableLong(row, "latest_result_time_stamp"),
                row.getBoolean("retain"));
    }

    private static Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    /** The retention settings of a job, in days. */
    record RetentionPolicy(long retentionDays, long dailyRetentionAfterDays) {}
}
