package io.vigil.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.process.TestApi.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;

/** {@code GET .../model_snapshots}: shape, sorting, paging, single snapshots and retention. */
@Import(EventCountingAnalyzerFactory.Beans.class)
class ModelSnapshotsApiTest extends ServiceTest {

    private static final long DAY = 86_400_000L;

    private String jobWithTwoSnapshots(String jobId) {
        jobs.insert(JobFixtures.metricJob(jobId, "1h", "epoch"));
        api.post(path(jobId, "_open"));
        api.post(
                path(jobId, "_data"),
                "application/x-ndjson",
                "{\"airline\":\"A\",\"responsetime\":1,\"time\":1403481600}");
        api.post(path(jobId, "_close"));
        api.post(path(jobId, "_open"));
        api.post(path(jobId, "_close"));
        return jobId;
    }

    private void insertSnapshot(String jobId, String snapshotId, long timestamp, boolean retain) {
        jdbc.update(
                "insert into model_snapshots (job_id, snapshot_id, timestamp, min_version, retain, state) "
                        + "values (?, ?, ?, '0.1.0', ?, ?)",
                jobId,
                snapshotId,
                timestamp,
                retain,
                new byte[0]);
    }

    @Test
    void listsSnapshotsInElasticShape() {
        String jobId = jobWithTwoSnapshots("snapshots-shape");

        Response response = api.get(path(jobId, "model_snapshots"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.<Integer>get("count")).isEqualTo(2);
        Map<String, Object> first = response.get("model_snapshots.0");
        assertThat(List.copyOf(first.keySet()))
                .containsExactly(
                        "job_id",
                        "min_version",
                        "timestamp",
                        "description",
                        "snapshot_id",
                        "snapshot_doc_count",
                        "model_size_stats",
                        "latest_record_time_stamp",
                        "latest_result_time_stamp",
                        "retain");
        assertThat(first.get("job_id")).isEqualTo(jobId);
        assertThat(first.get("latest_record_time_stamp")).isEqualTo(1403481600000L);
        assertThat(first.get("latest_result_time_stamp")).isEqualTo(1403481600000L);
        assertThat(first.get("retain")).isEqualTo(false);
        assertThat(response.<String>get("model_snapshots.0.model_size_stats.result_type"))
                .isEqualTo("model_size_stats");
        Map<String, Object> modelSizeStats = response.get("model_snapshots.0.model_size_stats");
        assertThat(List.copyOf(modelSizeStats.keySet()))
                .containsSubsequence("job_id", "result_type", "model_bytes", "memory_status", "log_time", "timestamp");
        String current = jdbc.queryForObject(
                "select config ->> 'model_snapshot_id' from jobs where job_id = ?", String.class, jobId);
        assertThat(response.<String>get("model_snapshots.1.snapshot_id")).isEqualTo(current);
    }

    @Test
    void sortsAndPages() {
        String jobId = jobWithTwoSnapshots("snapshots-paging");

        Response desc = api.get(path(jobId, "model_snapshots?desc=true&size=1"));
        Response second = api.postJson(path(jobId, "model_snapshots"), "{\"page\":{\"from\":1,\"size\":1}}");
        Response negative = api.get(path(jobId, "model_snapshots?from=-1"));
        Response badSort = api.get(path(jobId, "model_snapshots?sort=score"));

        List<Map<String, Object>> all = api.get(path(jobId, "model_snapshots")).get("model_snapshots");
        assertThat(desc.<Integer>get("count")).isEqualTo(2);
        assertThat(desc.<List<?>>get("model_snapshots")).hasSize(1);
        assertThat(desc.<String>get("model_snapshots.0.snapshot_id"))
                .isEqualTo(all.get(1).get("snapshot_id"));
        assertThat(second.<String>get("model_snapshots.0.snapshot_id"))
                .isEqualTo(all.get(1).get("snapshot_id"));
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.reason()).isEqualTo("Parameter [from] cannot be < 0");
        assertThat(badSort.status()).isEqualTo(400);
    }

    @Test
    void getsOneSnapshotOrNotFound() {
        String jobId = jobWithTwoSnapshots("snapshots-single");
        String snapshotId = api.get(path(jobId, "model_snapshots")).get("model_snapshots.0.snapshot_id");

        Response one = api.get(path(jobId, "model_snapshots/" + snapshotId));
        Response missing = api.get(path(jobId, "model_snapshots/42"));
        Response missingJob = api.get(path("snapshots-no-job", "model_snapshots"));

        assertThat(one.<Integer>get("count")).isEqualTo(1);
        assertThat(one.<String>get("model_snapshots.0.snapshot_id")).isEqualTo(snapshotId);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.reason()).isEqualTo("No model snapshot with id [42] exists for job [" + jobId + "]");
        assertThat(missingJob.status()).isEqualTo(404);
    }

    @Test
    void retentionKeepsDailyAndRetainedSnapshots() {
        String jobId = "snapshots-retention";
        jobs.insert(JobFixtures.metricJob(jobId, "1h", "epoch"));
        api.post(path(jobId, "_open"));
        api.post(path(jobId, "_close"));
        String firstSnapshot =
                jdbc.queryForObject("select snapshot_id from model_snapshots where job_id = ?", String.class, jobId);
        long now = System.currentTimeMillis();
        insertSnapshot(jobId, "100", now - 20 * DAY, false);
        insertSnapshot(jobId, "101", now - 20 * DAY + 1, true);
        long fiveDaysAgoNoon = (now - 5 * DAY) / DAY * DAY + DAY / 2;
        insertSnapshot(jobId, "102", fiveDaysAgoNoon, false);
        insertSnapshot(jobId, "103", fiveDaysAgoNoon + 1000, false);

        api.post(path(jobId, "_open"));
        api.post(path(jobId, "_close"));

        List<String> kept = jdbc.queryForList(
                "select snapshot_id from model_snapshots where job_id = ? order by timestamp", String.class, jobId);
        assertThat(kept).hasSize(4);
        assertThat(kept.subList(0, 3)).containsExactly("101", "103", firstSnapshot);
    }
}
