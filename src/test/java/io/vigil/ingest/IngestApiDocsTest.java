package io.vigil.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.process.EventCountingAnalyzerFactory;
import io.vigil.process.ServiceTest;
import io.vigil.process.TestApi.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;

@Import(EventCountingAnalyzerFactory.Beans.class)
class IngestApiDocsTest extends ServiceTest {

    @Test
    void openApiListsIngestEndpoints() {
        Response docs = api.get("/v3/api-docs");

        Map<String, Object> paths = docs.get("paths");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(paths)
                .containsKeys(
                        "/_ml/anomaly_detectors/{job_id}/_open",
                        "/_ml/anomaly_detectors/{job_id}/_close",
                        "/_ml/anomaly_detectors/{job_id}/_data",
                        "/_ml/anomaly_detectors/{job_id}/_flush",
                        "/_ml/anomaly_detectors/{job_id}/model_snapshots");
        Map<String, Object> dataContent =
                docs.get("paths./_ml/anomaly_detectors/{job_id}/_data.post.requestBody.content");
        assertThat(dataContent).containsKeys("application/x-ndjson", "application/json", "text/csv");
    }
}
