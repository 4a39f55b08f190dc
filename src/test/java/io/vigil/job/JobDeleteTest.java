package io.vigil.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.job.JobApi.Response;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobDeleteTest extends JobApiTest {

    private void open(String jobId) {
        jdbc.update("update jobs set state = 'opened', node_id = 'node-1' where job_id = ?", jobId);
    }

    private long rowsOf(String table, String jobId) {
        return jdbc.queryForObject("select count(*) from " + table + " where job_id = ?", Long.class, jobId);
    }

    @Test
    void deleteRemovesResultsFromEveryTable() {
        api.putJob("with-results", JobBodies.countJob());
        api.putJob("other", JobBodies.countJob());
        for (String jobId : List.of("with-results", "other")) {
            jdbc.update("insert into job_stats (job_id) values (?)", jobId);
            jdbc.update("insert into buckets (job_id, timestamp, bucket_span) values (?, 0, 300)", jobId);
            jdbc.update(
                    "insert into bucket_influencers (job_id, timestamp, influencer_field_name, bucket_span)"
                            + " values (?, 0, 'bucket_time', 300)",
                    jobId);
            jdbc.update(
                    "insert into records (job_id, timestamp, bucket_span, detector_index, series_key, probability)"
                            + " values (?, 0, 300, 0, '', 0.01)",
                    jobId);
            jdbc.update(
                    "insert into influencers (job_id, timestamp, bucket_span, influencer_field_name,"
                            + " influencer_field_value) values (?, 0, 300, 'host', 'a')",
                    jobId);
            jdbc.update("insert into categories (job_id, category_id) values (?, 1)", jobId);
            jdbc.update(
                    "insert into model_snapshots (job_id, snapshot_id, timestamp, min_version, state)"
                            + " values (?, '1', 0, '0.1.0', '\\x00'::bytea)",
                    jobId);
        }

        Response response = api.delete("/_ml/anomaly_detectors/with-results");

        assertThat(response.status()).isEqualTo(200);
        for (String table : List.of(
                "jobs",
                "job_stats",
                "buckets",
                "bucket_influencers",
                "records",
                "influencers",
                "categories",
                "model_snapshots")) {
            assertThat(rowsOf(table, "with-results")).as(table).isZero();
            assertThat(rowsOf(table, "other")).as(table).isEqualTo(1);
        }
    }

    @Test
    void openJobIsNotDeletedWithoutForce() {
        api.putJob("delete-opened-job", JobBodies.countJob());
        open("delete-opened-job");

        Response response = api.delete("/_ml/anomaly_detectors/delete-opened-job");

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.errorType()).isEqualTo("status_exception");
        assertThat(response.reason()).isEqualTo("Cannot delete job [delete-opened-job] because the job is opened");
        assertThat(events.deleting).containsExactly(new JobDeletingEvent("delete-opened-job", false));
        assertThat(rowsOf("jobs", "delete-opened-job")).isEqualTo(1);
    }

    @Test
    void forceDeletesAnOpenJob() {
        api.putJob("forced", JobBodies.countJob());
        open("forced");

        Response response = api.delete("/_ml/anomaly_detectors/forced?force=true");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().path("acknowledged").asBoolean()).isTrue();
        assertThat(events.deleting).containsExactly(new JobDeletingEvent("forced", true));
        assertThat(rowsOf("jobs", "forced")).isZero();
    }

    @Test
    void deleteWithoutWaitingReturnsATask() throws InterruptedException {
        api.putJob("background", JobBodies.countJob());

        Response response = api.delete("/_ml/anomaly_detectors/background?wait_for_completion=false");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().path("task").asString()).matches("vigil:\\d+");
        assertThat(response.body().has("acknowledged")).isFalse();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (rowsOf("jobs", "background") > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(rowsOf("jobs", "background")).isZero();
    }

    @Test
    void unknownJobIsNotFound() {
        Response response = api.delete("/_ml/anomaly_detectors/not-a-job");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.reason()).isEqualTo("No known job with id 'not-a-job'");
        assertThat(events.deleting).isEmpty();
    }

    @Test
    void invalidBooleanIsRejected() {
        api.putJob("flags", JobBodies.countJob());

        Response response = api.delete("/_ml/anomaly_detectors/flags?force=yes");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.reason())
                .isEqualTo("Failed to parse value [yes] of parameter [force] as only [true] or [false] are allowed.");
        assertThat(rowsOf("jobs", "flags")).isEqualTo(1);
    }
}
