package io.vigil.results.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.results.ResultsApi.Response;
import io.vigil.results.ResultsApiTestBase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The get-buckets examples: three buckets, the middle one interim. */
class BucketsContractExamplesTest extends ResultsApiTestBase {

    private static final String JOB = "jobs-get-result-buckets";
    private static final String BUCKETS = "/_ml/anomaly_detectors/" + JOB + "/results/buckets";
    private static final long B1 = 1464739200000L;
    private static final long B2 = 1470009600000L;
    private static final long B3 = 1470096000000L;

    @BeforeAll
    void loadFixture() {
        jobs.closedJob(JOB);
        Response imported = api.importFixture(JOB, JOB + ".ndjson");
        assertThat(imported.status()).as(imported.text()).isEqualTo(200);
    }

    @Test
    void startAndEndSelectTheFirstBucket() {
        Response response = api.get(BUCKETS + "?start=2016-05-01T00:00:00Z&end=2016-07-01T00:00:00Z");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("count").asLong()).isEqualTo(1);
        JsonNode bucket = response.json().get("buckets").get(0);
        assertThat(bucket.get("timestamp").asLong()).isEqualTo(B1);
        assertThat(bucket.get("job_id").asString()).isEqualTo(JOB);
        assertThat(bucket.get("result_type").asString()).isEqualTo("bucket");
    }

    @Test
    void noParametersReturnAllBucketsOldestFirst() {
        Response response = api.get(BUCKETS);

        assertThat(response.json().get("count").asLong()).isEqualTo(3);
        assertThat(timestamps(response)).containsExactly(B1, B2, B3);
        for (JsonNode bucket : response.json().get("buckets")) {
            assertThat(bucket.get("job_id").asString()).isEqualTo(JOB);
            assertThat(bucket.get("result_type").asString()).isEqualTo("bucket");
            assertThat(bucket.has("partition_scores")).isFalse();
        }
    }

    @Test
    void fromAndSizePageButCountAll() {
        Response response = api.get(BUCKETS + "?from=1&size=2");

        assertThat(response.json().get("count").asLong()).isEqualTo(3);
        assertThat(timestamps(response)).containsExactly(B2, B3);
    }

    @Test
    void bodyPagePagesLikeTheQueryString() {
        Response response = api.post(BUCKETS, "{\"page\":{\"from\":1,\"size\":2}}");

        assertThat(response.json().get("count").asLong()).isEqualTo(3);
        assertThat(timestamps(response)).containsExactly(B2, B3);
    }

    @Test
    void excludeInterimFalseKeepsInterimBuckets() {
        Response response = api.get(BUCKETS + "?exclude_interim=false");

        assertThat(response.json().get("count").asLong()).isEqualTo(3);
    }

    @Test
    void excludeInterimTrueDropsInterimBuckets() {
        Response response = api.get(BUCKETS + "?exclude_interim=true");

        assertThat(response.json().get("count").asLong()).isEqualTo(2);
        assertThat(timestamps(response)).containsExactly(B1, B3);
        for (JsonNode bucket : response.json().get("buckets")) {
            assertThat(bucket.get("is_interim").asBoolean()).isFalse();
        }
    }

    @Test
    void pathTimestampSelectsOneBucket() {
        Response response = api.get(BUCKETS + "/2016-06-01T00:00:00Z");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("count").asLong()).isEqualTo(1);
        assertThat(timestamps(response)).containsExactly(B1);
    }

    @Test
    void pathTimestampWithEmptyBodySelectsOneBucket() {
        Response response = api.post(BUCKETS + "/2016-06-01T00:00:00Z", "{}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(timestamps(response)).containsExactly(B1);
    }

    @Test
    void queryTimestampRejectsRangePagingAndScore() {
        List<String> queries = List.of(
                "start=2016-06-01T00:00:00Z",
                "end=2016-06-01T00:00:00Z",
                "from=not-a-number",
                "from=1",
                "size=1",
                "anomaly_score=50");

        for (String query : queries) {
            Response response = api.get(BUCKETS + "/2016-06-01T00:00:00Z?" + query);

            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.errorType()).as(query).isEqualTo("illegal_argument_exception");
        }
        assertThat(api.get(BUCKETS + "/2016-06-01T00:00:00Z?start=2016-06-01").errorReason())
                .isEqualTo("Param [start] is incompatible with [timestamp].");
        assertThat(api.get(BUCKETS + "/2016-06-01T00:00:00Z?from=1").errorReason())
                .isEqualTo("Param [from, size] is incompatible with [timestamp].");
    }

    @Test
    void bodyTimestampRejectsRangePagingAndScore() {
        List<String> bodies = List.of(
                "{\"timestamp\":\"2016-06-01T00:00:00Z\",\"start\":\"2016-06-01T00:00:00Z\"}",
                "{\"timestamp\":\"2016-06-01T00:00:00Z\",\"end\":\"2016-06-01T00:00:00Z\"}",
                "{\"timestamp\":\"2016-06-01T00:00:00Z\",\"from\":1}",
                "{\"timestamp\":\"2016-06-01T00:00:00Z\",\"page\":{\"from\":1}}",
                "{\"timestamp\":\"2016-06-01T00:00:00Z\",\"anomaly_score\":50}");

        for (String body : bodies) {
            Response response = api.post(BUCKETS, body);

            assertThat(response.status()).as(body).isEqualTo(400);
        }
        assertThat(api.post(BUCKETS, bodies.get(3)).errorReason())
                .isEqualTo("Param [from, size] is incompatible with [timestamp].");
    }

    @Test
    void unknownJobIsNotFound() {
        Response response = api.get("/_ml/anomaly_detectors/non-existent-job/results/buckets");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.errorType()).isEqualTo("resource_not_found_exception");
        assertThat(response.errorReason()).isEqualTo("No known job with id 'non-existent-job'");
    }

    @Test
    void scoreSortBreaksTiesByTimestamp() {
        Response ascending = api.get(BUCKETS + "?sort=anomaly_score");
        Response descending = api.get(BUCKETS + "?sort=anomaly_score&desc=true");

        assertThat(timestamps(ascending)).containsExactly(B2, B3, B1);
        assertThat(scores(ascending)).containsExactly(60.0, 60.0, 90.0);
        assertThat(timestamps(descending)).containsExactly(B1, B3, B2);
        assertThat(scores(descending)).containsExactly(90.0, 60.0, 60.0);
    }

    private static List<Long> timestamps(Response response) {
        List<Long> timestamps = new ArrayList<>();
        response.json()
                .get("buckets")
                .forEach(bucket -> timestamps.add(bucket.get("timestamp").asLong()));
        return timestamps;
    }

    private static List<Double> scores(Response response) {
        List<Double> scores = new ArrayList<>();
        response.json()
                .get("buckets")
                .forEach(bucket -> scores.add(bucket.get("anomaly_score").asDouble()));
        return scores;
    }
}
