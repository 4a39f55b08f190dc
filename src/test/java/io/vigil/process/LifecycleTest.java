package io.vigil.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.process.TestApi.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/** Opening and closing jobs: responses, stored state and job expressions. */
@Import(EventCountingAnalyzerFactory.Beans.class)
class LifecycleTest extends ServiceTest {

    @Autowired
    NodeId nodeId;

    private void createJob(String jobId, String... groups) {
        io.vigil.job.Job job = JobFixtures.metricJob(jobId, "1h", "epoch");
        jobs.create(new io.vigil.job.Job(
                job.jobId(),
                job.jobType(),
                job.jobVersion(),
                List.of(groups),
                job.description(),
                job.createTime(),
                null,
                null,
                null,
                job.analysisConfig(),
                job.analysisLimits(),
                job.dataDescription(),
                null,
                null,
                null,
                10L,
                1L,
                null,
                "shared",
                false,
                null,
                null,
                null));
    }

    private Map<String, Object> jobRow(String jobId) {
        return jdbc.queryForMap(
                "select state, open_time, finished_time, node_id, config ->> 'finished_time' as config_finished, "
                        + "config ->> 'model_snapshot_id' as snapshot_id from jobs where job_id = ?",
                jobId);
    }

    @Test
    void openReturnsNodeAndMarksJobOpened() {
        createJob("lifecycle-open");

        Response response = api.postJson(path("lifecycle-open", "_open"), "{\"timeout\":\"10m\"}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.<Boolean>get("opened")).isTrue();
        assertThat(response.<String>get("node")).isEqualTo(nodeId.id()).isNotBlank();
        Map<String, Object> row = jobRow("lifecycle-open");
        assertThat(row.get("state")).isEqualTo("opened");
        assertThat(row.get("open_time")).isNotNull();
        assertThat(row.get("node_id")).isEqualTo(nodeId.id());
        assertThat(api.post(path("lifecycle-open", "_open")).<Boolean>get("opened"))
                .isTrue();
    }

    @Test
    void closeSetsFinishedTimeAndReopenClearsIt() {
        createJob("lifecycle-close");
        api.post(path("lifecycle-close", "_open"));

        Response close = api.post(path("lifecycle-close", "_close"));
        Map<String, Object> closed = jobRow("lifecycle-close");
        Response closeAgain = api.post(path("lifecycle-close", "_close?force=true"));
        api.post(path("lifecycle-close", "_open"));
        Map<String, Object> reopened = jobRow("lifecycle-close");

        assertThat(close.<Boolean>get("closed")).isTrue();
        assertThat(closed.get("state")).isEqualTo("closed");
        assertThat(closed.get("finished_time")).isNotNull();
        assertThat(closed.get("config_finished")).isNotNull();
        assertThat(closed.get("node_id")).isNull();
        assertThat(closed.get("snapshot_id")).isNotNull();
        assertThat(closeAgain.status()).isEqualTo(200);
        assertThat(reopened.get("finished_time")).isNull();
        assertThat(reopened.get("config_finished")).isNull();
        assertThat(reopened.get("state")).isEqualTo("opened");
    }

    @Test
    void closeByWildcardAndGroup() {
        createJob("lifecycle-wild-a", "lifecycle-group");
        createJob("lifecycle-wild-b");
        createJob("lifecycle-other");
        api.post(path("lifecycle-wild-a", "_open"));
        api.post(path("lifecycle-wild-b", "_open"));
        api.post(path("lifecycle-other", "_open"));

        Response wildcard = api.post(path("lifecycle-wild-*", "_close"));
        String otherState =
                jdbc.queryForObject("select state from jobs where job_id = 'lifecycle-other'", String.class);
        api.post(path("lifecycle-wild-a", "_open"));
        Response group = api.post(path("lifecycle-group", "_close"));

        assertThat(wildcard.<Boolean>get("closed")).isTrue();
        assertThat(jobRow("lifecycle-wild-b").get("state")).isEqualTo("closed");
        assertThat(otherState).isEqualTo("opened");
        assertThat(group.status()).isEqualTo(200);
        assertThat(jobRow("lifecycle-wild-a").get("state")).isEqualTo("closed");
        api.post(path("lifecycle-other", "_close"));
    }

    @Test
    void unmatchedWildcardDependsOnAllowNoMatch() {
        Response allowed = api.post(path("lifecycle-none-*", "_close"));
        Response rejected = api.post(path("lifecycle-none-*", "_close?allow_no_match=false"));
        Response rejectedInBody = api.postJson(path("lifecycle-none-*", "_close"), "{\"allow_no_match\":false}");
        Response unknownId = api.post(path("lifecycle-none", "_close"));

        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.<Boolean>get("closed")).isTrue();
        assertThat(rejected.status()).isEqualTo(404);
        assertThat(rejected.reason()).isEqualTo("No known job with id 'lifecycle-none-*'");
        assertThat(rejectedInBody.status()).isEqualTo(404);
        assertThat(unknownId.status()).isEqualTo(404);
    }

    @Test
    void unknownOptionIsRejected() {
        createJob("lifecycle-unknown-option");

        Response response = api.post(path("lifecycle-unknown-option", "_open?wait=true"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.reason()).contains("unrecognized parameter: [wait]");
    }
}
