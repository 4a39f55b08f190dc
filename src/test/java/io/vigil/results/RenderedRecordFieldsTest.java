package io.vigil.results;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.results.ResultsApi.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Records written by the results writer are returned from their rendered fields. The output must be exactly what
 * rendering from the stored document gives.
 */
class RenderedRecordFieldsTest extends ResultsApiTestBase {

    private static final String JOB = "rendered-record-fields";
    private static final String RECORDS = resultsPath(JOB, "records");

    @BeforeAll
    void loadRecords() {
        jobs.closedJob(JOB);
        importOk(
                JOB,
                "{\"result_type\":\"record\",\"timestamp\":1000,\"bucket_span\":60,\"record_score\":91.5,"
                        + "\"probability\":1.25e-7,\"multi_bucket_impact\":4.5,\"detector_index\":2,"
                        + "\"by_field_name\":\"airline\",\"by_field_value\":\"AAL\","
                        + "\"correlated_by_field_value\":\"JZA\",\"partition_field_name\":\"region\","
                        + "\"partition_field_value\":\"eu\",\"function\":\"mean\",\"function_description\":\"mean\","
                        + "\"typical\":[101.25],\"actual\":[0.1],\"field_name\":\"responsetime\","
                        + "\"over_field_name\":\"client\",\"over_field_value\":\"c\\\"1\",\"causes\":[{"
                        + "\"probability\":0.5,\"by_field_name\":\"airline\",\"actual\":[3.0]}],"
                        + "\"influencers\":[{\"influencer_field_name\":\"host\",\"influencer_field_values\":[\"h1\","
                        + "\"h2\"]}],\"geo_results\":{\"actual_point\":\"1,2\",\"typical_point\":\"3,4\"},"
                        + "\"anomaly_score_explanation\":{\"anomaly_type\":\"dip\",\"typical_value\":7.5,"
                        + "\"by_field_first_occurrence\":true},\"extra\":\"kept\"}",
                "{\"result_type\":\"record\",\"timestamp\":2000,\"bucket_span\":60,\"record_score\":3}");
    }

    @Test
    void renderedFieldsMatchDocument() {
        for (String query : new String[] {"", "?changed_since=0", "?human=true", "?desc=false&pretty"}) {
            Response rendered = api.get(RECORDS + query);
            jdbc.update("UPDATE records SET rendered_fields = NULL WHERE job_id = ?", JOB);
            Response fromDocument = api.get(RECORDS + query);
            restoreRenderedFields();

            assertThat(rendered.status()).as(query).isEqualTo(200);
            assertThat(rendered.text()).as(query).isEqualTo(fromDocument.text());
        }
    }

    @Test
    void renderedFieldsKeepContractOrder() {
        String text = api.get(RECORDS + "?size=1&changed_since=0").text();

        assertThat(text.indexOf("\"timestamp\"")).isLessThan(text.indexOf("\"scored_at\""));
        assertThat(text.indexOf("\"scored_at\"")).isLessThan(text.indexOf("\"by_field_name\""));
        assertThat(text.indexOf("\"function\"")).isLessThan(text.indexOf("\"typical\""));
        assertThat(text.indexOf("\"anomaly_score_explanation\"")).isLessThan(text.indexOf("\"extra\""));
        assertThat(text).contains("\"over_field_value\":\"c\\\"1\"");
    }

    @Test
    void directUpdateOfDocumentClearsRenderedFields() {
        jdbc.update(
                "UPDATE records SET document = document || '{\"added\": [\"x\"]}' WHERE job_id = ? AND timestamp = 2000",
                JOB);

        String rendered = jdbc.queryForObject(
                "SELECT rendered_fields FROM records WHERE job_id = ? AND timestamp = 2000", String.class, JOB);
        Response response = api.get(RECORDS + "?sort=timestamp");
        restoreRenderedFields();

        assertThat(rendered).isNull();
        assertThat(response.json().get("records").get(0).get("added").toString())
                .isEqualTo("[\"x\"]");
    }

    @Test
    void scoreUpdateKeepsRenderedFields() {
        jdbc.update("UPDATE records SET record_score = 4 WHERE job_id = ? AND timestamp = 2000", JOB);

        String rendered = jdbc.queryForObject(
                "SELECT rendered_fields FROM records WHERE job_id = ? AND timestamp = 2000", String.class, JOB);

        assertThat(rendered).isNotNull();
    }

    /** Imports the job's records again, as they are returned, which renders their fields again. */
    private void restoreRenderedFields() {
        List<String> lines = new ArrayList<>();
        api.get(RECORDS).json().get("records").forEach(record -> lines.add(record.toString()));
        importOk(JOB, lines.toArray(String[]::new));
    }
}
