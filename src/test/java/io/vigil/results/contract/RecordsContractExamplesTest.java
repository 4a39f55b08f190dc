package io.vigil.results.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.results.ResultsApi.Response;
import io.vigil.results.ResultsApiTestBase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The get-records examples: a final record scoring 60 and a newer interim record scoring 80. */
class RecordsContractExamplesTest extends ResultsApiTestBase {

    private static final String JOB = "jobs-get-result-records";
    private static final String RECORDS = "/_ml/anomaly_detectors/" + JOB + "/results/records";
    private static final long R1 = 1464739200000L;
    private static final long R2 = 1464825600000L;

    @BeforeAll
    void loadFixture() {
        jobs.closedJob(JOB);
        Response imported = api.importFixture(JOB, JOB + ".ndjson");
        assertThat(imported.status()).as(imported.text()).isEqualTo(200);
    }

    @Test
    void noParametersSortByRecordScoreDescending() {
        Response response = api.get(RECORDS);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("count").asLong()).isEqualTo(2);
        assertThat(timestamps(response)).containsExactly(R2, R1);
        for (JsonNode record : response.json().get("records")) {
            assertThat(record.get("job_id").asString()).isEqualTo(JOB);
            assertThat(record.get("result_type").asString()).isEqualTo("record");
        }
    }

    @Test
    void fromAndSizePageButCountAll() {
        Response response = api.get(RECORDS + "?from=1&size=1");

        assertThat(response.json().get("count").asLong()).isEqualTo(2);
        assertThat(timestamps(response)).containsExactly(R1);
    }

    @Test
    void bodyPagePagesLikeTheQueryString() {
        Response response = api.post(RECORDS, "{\"page\":{\"from\":1,\"size\":1}}");

        assertThat(response.json().get("count").asLong()).isEqualTo(2);
        assertThat(timestamps(response)).containsExactly(R1);
    }

    @Test
    void excludeInterimFalseKeepsInterimRecords() {
        Response response = api.get(RECORDS + "?exclude_interim=false");

        assertThat(response.json().get("count").asLong()).isEqualTo(2);
    }

    @Test
    void excludeInterimTrueDropsInterimRecords() {
        Response response = api.get(RECORDS + "?exclude_interim=true");

        assertThat(response.json().get("count").asLong()).isEqualTo(1);
        assertThat(timestamps(response)).containsExactly(R1);
        assertThat(response.json().get("records").get(0).get("is_interim").asBoolean())
                .isFalse();
    }

    @Test
    void startAndEndSelectTheFirstRecord() {
        Response response = api.get(RECORDS + "?start=2016-05-01T00:00:00Z&end=2016-06-01T01:00:00Z");

        assertThat(response.json().get("count").asLong()).isEqualTo(1);
        assertThat(timestamps(response)).containsExactly(R1);
    }

    @Test
    void unknownJobIsNotFound() {
        Response response = api.get("/_ml/anomaly_detectors/non-existent-job/results/records");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.errorReason()).isEqualTo("No known job with id 'non-existent-job'");
    }

    private static List<Long> timestamps(Response response) {
        List<Long> timestamps = new ArrayList<>();
        response.json()
                .get("records")
                .forEach(record -> timestamps.add(record.get("timestamp").asLong()));
        return timestamps;
    }
}
