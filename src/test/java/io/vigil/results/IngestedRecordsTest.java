package io.vigil.results;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.results.ResultsApi.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records as ingestion writes them, with the whole record as the document and no rendered fields, read through
 * the records endpoint and replaced by an import of the same identity.
 */
class IngestedRecordsTest extends ResultsApiTestBase {

    private static final String JOB = "ingested-records";
    private static final String REPLACED_JOB = "ingested-records-replaced";

    @Autowired
    JsonMapper json;

    @BeforeAll
    void writeLikeIngestion() {
        writeLikeIngestion(JOB);
        writeLikeIngestion(REPLACED_JOB);
    }

    private void writeLikeIngestion(String jobId) {
        jobs.closedJob(jobId);
        AnomalyRecord record = new AnomalyRecord(
                jobId,
                0.002,
                null,
                70,
                72,
                3600,
                0,
                false,
                3_600_000L,
                "airline",
                "AAL",
                null,
                null,
                null,
                "mean",
                "mean",
                List.of(100.0),
                List.of(900.0),
                "responsetime",
                null,
                null,
                null,
                List.of(new Influence("airline", List.of("AAL"))),
                null,
                null,
                null,
                Map.of("airline", List.of("AAL")));
        jdbc.update(
                "INSERT INTO records (job_id, timestamp, bucket_span, detector_index, series_key, probability, "
                        + "record_score, initial_record_score, is_interim, function, field_name, by_field_name, "
                        + "by_field_value, scored_at, document) VALUES (?, ?, 3600, 0, ?, 0.002, 70, 72, false, 'mean', "
                        + "'responsetime', 'airline', 'AAL', 1, ?::jsonb)",
                jobId,
                record.timestamp(),
                "\u001f\u001fAAL",
                json.writeValueAsString(record));
    }

    @Test
    void ingestedRecordReadsFromDocument() {
        Response response = api.get(resultsPath(JOB, "records") + "?sort=timestamp&desc=false");

        JsonNode record = response.json().get("records").get(0);
        assertThat(record.get("initial_record_score").asDouble()).isEqualTo(72.0);
        assertThat(record.get("typical").toString()).isEqualTo("[100.0]");
        assertThat(record.get("influencers")
                        .get(0)
                        .get("influencer_field_values")
                        .toString())
                .isEqualTo("[\"AAL\"]");
        assertThat(record.get("airline").toString()).isEqualTo("[\"AAL\"]");
        assertThat(record.has("result_type")).isTrue();
    }

    @Test
    void importReplacesIngestedRecord() {
        importOk(
                REPLACED_JOB,
                "{\"result_type\":\"record\",\"timestamp\":7200000,\"bucket_span\":3600,\"record_score\":5,"
                        + "\"by_field_name\":\"airline\",\"by_field_value\":\"JZA\"}",
                "{\"result_type\":\"record\",\"timestamp\":3600000,\"bucket_span\":3600,\"record_score\":12,"
                        + "\"by_field_name\":\"airline\",\"by_field_value\":\"AAL\"}");

        Response response = api.get(resultsPath(REPLACED_JOB, "records") + "?sort=timestamp&desc=false");

        assertThat(response.json().get("count").asLong()).isEqualTo(2);
        assertThat(values(response, "records", "record_score")).containsExactly("12.0", "5.0");
    }
}
