package io.vigil.results;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.results.ResultsApi.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code results/_import}: types, defaults, replacement by identity, atomicity and errors. */
class ResultsImportTest extends ResultsApiTestBase {

    private static final String BUCKET =
            "{\"result_type\":\"bucket\",\"timestamp\":\"2016-06-01T00:00:00Z\",\"anomaly_score\":40,"
                    + "\"bucket_span\":3600,\"bucket_influencers\":[{\"influencer_field_name\":\"bucket_time\","
                    + "\"anomaly_score\":40,\"probability\":0.01}]}";
    private static final String RECORD =
            "{\"result_type\":\"record\",\"timestamp\":1464739200000,\"bucket_span\":3600,\"record_score\":40,"
                    + "\"probability\":0.01,\"by_field_name\":\"airline\",\"by_field_value\":\"AAL\"}";
    private static final String INFLUENCER =
            "{\"result_type\":\"influencer\",\"timestamp\":1464739200000,\"bucket_span\":3600,"
                    + "\"influencer_field_name\":\"airline\",\"influencer_field_value\":\"AAL\","
                    + "\"influencer_score\":30}";
    private static final String CATEGORY = "{\"category_id\":1,\"terms\":\"login failed\"}";

    @Test
    void responseCountsStoredDocumentsPerType() {
        jobs.closedJob("import-counts");

        Response response = importOk("import-counts", BUCKET, "", RECORD, INFLUENCER, CATEGORY);

        assertThat(response.json().get("buckets").asLong()).isEqualTo(1);
        assertThat(response.json().get("bucket_influencers").asLong()).isEqualTo(1);
        assertThat(response.json().get("records").asLong()).isEqualTo(1);
        assertThat(response.json().get("influencers").asLong()).isEqualTo(1);
        assertThat(response.json().get("categories").asLong()).isEqualTo(1);
    }

    @Test
    void unknownJobIsNotFound() {
        Response response = api.importResults("import-missing-job", List.of(BUCKET));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.errorReason()).isEqualTo("No known job with id 'import-missing-job'");
    }

    @Test
    void openJobIsConflict() {
        jobs.openedJob("import-open-job");

        Response response = api.importResults("import-open-job", List.of(BUCKET));
        jobs.markClosed("import-open-job");

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.errorType()).isEqualTo("status_exception");
        assertThat(response.errorReason()).contains("[import-open-job]").contains("[opened]");
    }

    @Test
    void invalidDocumentStoresNothing() {
        jobs.closedJob("import-atomic");
        String badRecord = RECORD.replace("\"record_score\":40", "\"record_score\":\"high\"");

        Response response = api.importResults("import-atomic", List.of(BUCKET, INFLUENCER, badRecord));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorReason()).startsWith("Invalid result document on line 3: [record_score]");
        assertThat(api.get(resultsPath("import-atomic", "buckets"))
                        .json()
                        .get("count")
                        .asLong())
                .isZero();
        assertThat(api.get(resultsPath("import-atomic", "influencers"))
                        .json()
                        .get("count")
                        .asLong())
                .isZero();
    }

    @Test
    void invalidJsonNamesTheLine() {
        jobs.closedJob("import-bad-json");

        Response response = api.importResults("import-bad-json", List.of(BUCKET, "{\"result_type\":"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorType()).isEqualTo("x_content_parse_exception");
        assertThat(response.errorReason()).startsWith("Invalid result document on line 2: it is not valid JSON");
    }

    @Test
    void documentErrorsNameLineAndField() {
        jobs.closedJob("import-errors");
        List<String[]> cases = List.of(
                new String[] {"{\"result_type\":\"model_plot\",\"timestamp\":1}", "[result_type]"},
                new String[] {"{\"result_type\":\"bucket\",\"bucket_span\":60}", "[timestamp] is missing"},
                new String[] {"{\"result_type\":\"bucket\",\"timestamp\":\"June\",\"bucket_span\":60}", "[timestamp]"},
                new String[] {"{\"result_type\":\"bucket\",\"timestamp\":1}", "[bucket_span] is missing"},
                new String[] {
                    "{\"result_type\":\"record\",\"timestamp\":1,\"bucket_span\":60,\"probability\":2}",
                    "[probability] must be between 0.0 and 1.0"
                },
                new String[] {
                    "{\"result_type\":\"bucket\",\"timestamp\":1,\"bucket_span\":60,\"anomaly_score\":101}",
                    "[anomaly_score] must be between 0.0 and 100.0"
                },
                new String[] {
                    "{\"result_type\":\"influencer\",\"timestamp\":1,\"bucket_span\":60}",
                    "[influencer_field_name] is missing"
                },
                new String[] {
                    "{\"result_type\":\"bucket\",\"timestamp\":1,\"bucket_span\":60,"
                            + "\"bucket_influencers\":[{\"anomaly_score\":1}]}",
                    "[bucket_influencers[0].influencer_field_name] is missing"
                },
                new String[] {
                    "{\"result_type\":\"bucket\",\"job_id\":\"other\",\"timestamp\":1,\"bucket_span\":60}",
                    "[job_id] is [other]"
                },
                new String[] {"{\"terms\":\"no id\"}", "neither [result_type] nor [category_id]"},
                new String[] {"{\"category_id\":\"one\"}", "[category_id] must be a whole number"},
                new String[] {
                    "{\"result_type\":\"record\",\"timestamp\":1,\"bucket_span\":60,\"airline\":{}}",
                    "[airline] must be an array of strings"
                },
                new String[] {"[1,2]", "must be a JSON object"});

        for (String[] testCase : cases) {
            Response response = api.importResults("import-errors", List.of(BUCKET, testCase[0]));

            assertThat(response.status()).as(testCase[0]).isEqualTo(400);
            assertThat(response.errorReason())
                    .as(testCase[0])
                    .contains("line 2")
                    .contains(testCase[1]);
        }
    }

    @Test
    void sameIdentityReplacesStoredResults() {
        jobs.closedJob("import-replace");
        importOk(
                "import-replace",
                BUCKET.replace("}]}", "},{\"influencer_field_name\":\"airline\",\"anomaly_score\":20}]}"),
                RECORD,
                RECORD.replace("AAL", "JZA"),
                INFLUENCER);

        importOk(
                "import-replace",
                BUCKET.replace("\"anomaly_score\":40", "\"anomaly_score\":55"),
                RECORD.replace("\"record_score\":40", "\"record_score\":65"),
                INFLUENCER.replace("\"influencer_score\":30", "\"influencer_score\":35"));

        Response buckets = api.get(resultsPath("import-replace", "buckets"));
        Response records = api.get(resultsPath("import-replace", "records"));
        Response influencers = api.get(resultsPath("import-replace", "influencers"));
        JsonNode bucket = buckets.json().get("buckets").get(0);
        assertThat(buckets.json().get("count").asLong()).isEqualTo(1);
        assertThat(bucket.get("anomaly_score").asDouble()).isEqualTo(55.0);
        assertThat(bucket.get("bucket_influencers").size()).isEqualTo(1);
        assertThat(bucket.get("bucket_influencers").get(0).get("anomaly_score").asDouble())
                .isEqualTo(55.0);
        assertThat(records.json().get("count").asLong()).isEqualTo(2);
        assertThat(values(records, "records", "by_field_value")).containsExactly("AAL", "JZA");
        assertThat(values(records, "records", "record_score")).containsExactly("65.0", "40.0");
        assertThat(influencers.json().get("count").asLong()).isEqualTo(1);
        assertThat(values(influencers, "influencers", "influencer_score")).containsExactly("35.0");
    }

    @Test
    void lastDuplicateInOneRequestWins() {
        jobs.closedJob("import-duplicates");

        Response response =
                importOk("import-duplicates", RECORD, RECORD.replace("\"record_score\":40", "\"record_score\":70"));

        assertThat(response.json().get("records").asLong()).isEqualTo(1);
        Response records = api.get(resultsPath("import-duplicates", "records"));
        assertThat(values(records, "records", "record_score")).containsExactly("70.0");
    }

    @Test
    void missingFieldsGetDefaults() {
        jobs.closedJob("import-defaults");

        importOk(
                "import-defaults",
                "{\"result_type\":\"record\",\"timestamp\":1000,\"bucket_span\":60,\"record_score\":42.5}",
                "{\"result_type\":\"bucket\",\"timestamp\":1000,\"bucket_span\":60,\"anomaly_score\":42.5}");

        JsonNode record = api.get(resultsPath("import-defaults", "records"))
                .json()
                .get("records")
                .get(0);
        JsonNode bucket = api.get(resultsPath("import-defaults", "buckets"))
                .json()
                .get("buckets")
                .get(0);
        assertThat(record.get("is_interim").asBoolean()).isFalse();
        assertThat(record.get("initial_record_score").asDouble()).isEqualTo(42.5);
        assertThat(record.get("probability").asDouble()).isZero();
        assertThat(record.get("detector_index").asInt()).isZero();
        assertThat(bucket.get("initial_anomaly_score").asDouble()).isEqualTo(42.5);
        assertThat(bucket.get("event_count").asLong()).isZero();
        assertThat(bucket.get("bucket_influencers").isArray()).isTrue();
    }

    @Test
    void recordDynamicKeysAreKept() {
        jobs.closedJob("import-dynamic-keys");

        importOk(
                "import-dynamic-keys",
                "{\"result_type\":\"record\",\"timestamp\":1000,\"bucket_span\":60,\"by_field_name\":\"airline\","
                        + "\"by_field_value\":\"AAL\",\"airline\":[\"AAL\"],\"region\":\"eu-west\","
                        + "\"hosts\":[\"a\",\"b\"],\"timestamp_string\":\"1970-01-01T00:00:01.000Z\"}");

        JsonNode record = api.get(resultsPath("import-dynamic-keys", "records"))
                .json()
                .get("records")
                .get(0);
        assertThat(record.get("airline").toString()).isEqualTo("[\"AAL\"]");
        assertThat(record.get("region").toString()).isEqualTo("[\"eu-west\"]");
        assertThat(record.get("hosts").toString()).isEqualTo("[\"a\",\"b\"]");
        assertThat(record.has("timestamp_string")).isFalse();
    }

    @Test
    void bucketRecordsAreImportedAsRecords() {
        jobs.closedJob("import-nested-records");

        Response response = importOk(
                "import-nested-records",
                "{\"result_type\":\"bucket\",\"timestamp\":1000,\"bucket_span\":60,\"records\":["
                        + RECORD.replace("1464739200000", "1000")
                        + "]}");

        assertThat(response.json().get("records").asLong()).isEqualTo(1);
        Response records = api.get(resultsPath("import-nested-records", "records"));
        assertThat(values(records, "records", "timestamp")).containsExactly("1000");
    }

    @Test
    void exportedResultsImportUnchanged() {
        jobs.closedJob("import-round-trip-source");
        jobs.closedJob("import-round-trip-copy");
        importOk(
                "import-round-trip-source",
                BUCKET,
                "{\"result_type\":\"record\",\"timestamp\":1464739200000,\"bucket_span\":3600,\"record_score\":40,"
                        + "\"probability\":0.01,\"multi_bucket_impact\":-2.5,\"detector_index\":1,"
                        + "\"function\":\"mean\",\"function_description\":\"mean\",\"field_name\":\"responsetime\","
                        + "\"typical\":[100.5],\"actual\":[900.0],\"over_field_name\":\"client\","
                        + "\"over_field_value\":\"c1\",\"causes\":[{\"probability\":0.02,\"function\":\"mean\","
                        + "\"actual\":[900.0]}],\"influencers\":[{\"influencer_field_name\":\"client\","
                        + "\"influencer_field_values\":[\"c1\"]}],\"geo_results\":{\"actual_point\":\"1.5,2.5\"},"
                        + "\"anomaly_score_explanation\":{\"anomaly_type\":\"spike\",\"anomaly_length\":1,"
                        + "\"lower_confidence_bound\":10.0,\"high_variance_penalty\":false}}",
                INFLUENCER);

        for (String endpoint : List.of("buckets", "records", "influencers")) {
            Response exported = api.get(resultsPath("import-round-trip-source", endpoint + "?human=true"));
            List<String> lines = new ArrayList<>();
            exported.json()
                    .get(endpoint)
                    .forEach(result ->
                            lines.add(result.toString().replace("import-round-trip-source", "import-round-trip-copy")));
            importOk("import-round-trip-copy", lines.toArray(String[]::new));

            Response copied = api.get(resultsPath("import-round-trip-copy", endpoint));
            Response original = api.get(resultsPath("import-round-trip-source", endpoint));
            assertThat(copied.text().replace("import-round-trip-copy", "import-round-trip-source"))
                    .as(endpoint)
                    .isEqualTo(original.text());
        }
    }
}
