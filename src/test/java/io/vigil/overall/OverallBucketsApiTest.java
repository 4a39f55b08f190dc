package io.vigil.overall;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.results.ResultsApi;
import io.vigil.results.ResultsApi.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The overall-buckets examples of Elasticsearch's REST tests, run against the HTTP API with the job buckets loaded
 * through {@code _import}, plus expressions, spans that are not multiples of the job spans, and gaps.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OverallBucketsApiTest {

    private static final String PREFIX = "jobs-get-result-overall-buckets-";
    private static final String GROUP = "jobs-get-result-overall-buckets-group";
    private static final String HOUR_00 = "1464739200000";
    private static final String HOUR_01 = "1464742800000";
    private static final String HOUR_02 = "1464746400000";

    @LocalServerPort
    int port;

    ResultsApi api;

    @BeforeAll
    void loadFixtures() {
        api = new ResultsApi(port);
        createJob(PREFIX + "60", "60m", GROUP);
        createJob(PREFIX + "30", "30m", GROUP);
        createJob(PREFIX + "17", "17m", GROUP);
        for (String suffix : new String[] {"60", "30", "17"}) {
            Response imported = api.importFixture(PREFIX + suffix, PREFIX + suffix + ".ndjson");
            assertThat(imported.status()).as(imported.text()).isEqualTo(200);
        }
        createJob("overall-gap", "1h", "overall-gap-group");
        importBucket("overall-gap", "2016-06-01T00:00:00Z", 3600, 10);
        importBucket("overall-gap", "2016-06-01T03:00:00Z", 3600, 20);
    }

    @Test
    void missingJobIsNotFound() {
        Response response = overall("missing-job", "");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.errorType()).isEqualTo("resource_not_found_exception");
        assertThat(response.errorReason()).isEqualTo("No known job with id 'missing-job'");
    }

    @Test
    void wildcardMatchingNothingIsEmptyByDefault() {
        Response response = overall("none-matching-*", "");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("count").asLong()).isZero();
        assertThat(response.json().get("overall_buckets")).isEmpty();
    }

    @Test
    void wildcardMatchingNothingIsNotFoundWithoutAllowNoMatch() {
        Response response = overall("none-matching-*", "allow_no_match=false");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.errorType()).isEqualTo("resource_not_found_exception");
    }

    @Test
    void topNMustBePositive() {
        Response zero = overall(PREFIX + "*", "top_n=0");
        Response negative = overall(PREFIX + "*", "top_n=-1");

        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.errorType()).isEqualTo("illegal_argument_exception");
        assertThat(zero.errorReason()).isEqualTo("[topN] parameter must be positive, found [0]");
        assertThat(negative.errorReason()).isEqualTo("[topN] parameter must be positive, found [-1]");
    }

    @Test
    void defaultTopOneIsTheMaximumPerHour() {
        Response response = overall(PREFIX + "*", "");

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.json().get("count").asLong()).isEqualTo(3);
        JsonNode first = bucket(response, 0);
        assertThat(first.get("timestamp").asString()).isEqualTo(HOUR_00);
        assertThat(first.get("bucket_span").asLong()).isEqualTo(3600);
        assertThat(first.get("overall_score").asDouble()).isEqualTo(30.0);
        assertThat(jobs(first)).containsExactly("60:30.0");
        assertThat(first.get("is_interim").asBoolean()).isFalse();
        assertThat(first.get("result_type").asString()).isEqualTo("overall_bucket");
        JsonNode second = bucket(response, 1);
        assertThat(second.get("timestamp").asString()).isEqualTo(HOUR_01);
        assertThat(second.get("overall_score").asDouble()).isEqualTo(0.0);
        assertThat(jobs(second)).containsExactly("17:0.0", "30:0.0", "60:0.0");
        assertThat(second.get("is_interim").asBoolean()).isFalse();
        JsonNode third = bucket(response, 2);
        assertThat(third.get("timestamp").asString()).isEqualTo(HOUR_02);
        assertThat(third.get("overall_score").asDouble()).isEqualTo(60.0);
        assertThat(jobs(third)).containsExactly("17:60.0", "30:40.0", "60:20.0");
        assertThat(third.get("is_interim").asBoolean()).isTrue();
    }

    @Test
    void groupWithTopTwoAveragesTheTwoHighest() {
        Response response = overall(GROUP, "top_n=2");

        assertThat(scores(response)).containsExactly(30.0, 0.0, 50.0);
        assertThat(bucket(response, 2).get("is_interim").asBoolean()).isTrue();
    }

    @Test
    void topThreeAveragesAllThree() {
        assertThat(scores(overall(PREFIX + "*", "top_n=3"))).containsExactly(30.0, 0.0, 40.0);
    }

    @Test
    void topNAboveTheJobCountAveragesTheJobsPresent() {
        assertThat(scores(overall(PREFIX + "*", "top_n=333"))).containsExactly(30.0, 0.0, 40.0);
    }

    @Test
    void overallScoreFilterIsInclusive() {
        Response response = overall(PREFIX + "*", "top_n=2&overall_score=50");

        assertThat(response.json().get("count").asLong()).isEqualTo(1);
        assertThat(bucket(response, 0).get("timestamp").asString()).isEqualTo(HOUR_02);
        assertThat(bucket(response, 0).get("overall_score").asDouble()).isEqualTo(50.0);
    }

    @Test
    void bodyGivesTheSameAnswerAsTheQueryString() {
        Response response = api.post(path(PREFIX + "*"), "{\"top_n\": 2, \"overall_score\": 50}");

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(scores(response)).containsExactly(50.0);
    }

    @Test
    void commaListOfJobIds() {
        Response response = overall(PREFIX + "60," + PREFIX + "30", "top_n=2");

        assertThat(scores(response)).containsExactly(30.0, 0.0, 30.0);
        assertThat(jobs(bucket(response, 2))).containsExactly("30:40.0", "60:20.0");
    }

    @Test
    void excludeInterimDropsInterimJobBucketsOnly() {
        Response response = overall(PREFIX + "*", "exclude_interim=true");

        assertThat(scores(response)).containsExactly(30.0, 0.0, 40.0);
        assertThat(jobs(bucket(response, 2))).containsExactly("17:1.0", "30:40.0", "60:20.0");
        assertThat(bucket(response, 2).get("is_interim").asBoolean()).isFalse();
    }

    @Test
    void spanThatIsNotAMultipleOfTheJobSpans() {
        // Hourly top-2 means 30, 0 and 50 fall into 90-minute windows by their start: 00:00 and 01:00 -> 00:00,
        // 02:00 -> 01:30.
        Response response = overall(PREFIX + "*", "top_n=2&bucket_span=90m");

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(values(response, "timestamp")).containsExactly(HOUR_00, "1464744600000");
        assertThat(scores(response)).containsExactly(30.0, 50.0);
        assertThat(bucket(response, 0).get("bucket_span").asLong()).isEqualTo(5400);
        assertThat(jobs(bucket(response, 0))).containsExactly("17:0.0", "30:0.0", "60:30.0");
        assertThat(jobs(bucket(response, 1))).containsExactly("17:60.0", "30:40.0", "60:20.0");
        assertThat(bucket(response, 1).get("is_interim").asBoolean()).isTrue();
    }

    @Test
    void spanBelowTheLongestJobSpanIsRejected() {
        Response response = overall(PREFIX + "*", "bucket_span=30m");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorType()).isEqualTo("status_exception");
        assertThat(response.errorReason())
                .isEqualTo("Param [bucket_span] must be greater or equal to the max bucket_span [60m]");
    }

    @Test
    void startRoundsUpAndEndRoundsDown() {
        Response response = overall(PREFIX + "*", "start=2016-06-01T00:00:01Z&end=2016-06-01T02:59:59Z");

        assertThat(values(response, "timestamp")).containsExactly(HOUR_01);
    }

    @Test
    void datesAcceptEpochMillisAndDateMath() {
        Response epoch = overall(PREFIX + "*", "start=" + HOUR_01 + "&end=" + HOUR_02);
        Response math = overall(PREFIX + "*", "start=2016-06-01T00:00:00Z%7C%7C%2B1h&end=now");

        assertThat(values(epoch, "timestamp")).containsExactly(HOUR_01);
        assertThat(values(math, "timestamp")).containsExactly(HOUR_01, HOUR_02);
    }

    @Test
    void invalidDateIsAParseError() {
        Response response = overall(PREFIX + "*", "start=invalid");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorType()).isEqualTo("parse_exception");
        assertThat(response.errorReason())
                .isEqualTo(
                        "Query param [start] with value [invalid] cannot be parsed as a date or converted to a number (epoch).");
    }

    @Test
    void intervalWithoutBucketsHasNoOverallBucket() {
        Response response = overall("overall-gap", "");

        assertThat(values(response, "timestamp")).containsExactly(HOUR_00, "1464750000000");
        assertThat(scores(response)).containsExactly(10.0, 20.0);
    }

    @Test
    void unknownQueryParameterIsRejected() {
        Response response = overall(PREFIX + "*", "allow_no_jobs=true");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorReason()).contains("unrecognized parameter: [allow_no_jobs]");
    }

    private void createJob(String jobId, String bucketSpan, String group) {
        String body = """
                {"groups": ["%s"], "analysis_config": {"bucket_span": "%s",
                 "detectors": [{"function": "count"}]}, "data_description": {}}
                """.formatted(group, bucketSpan);
        Response response = api.put("/_ml/anomaly_detectors/" + jobId, body);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
    }

    private void importBucket(String jobId, String timestamp, long bucketSpan, double anomalyScore) {
        String bucket =
                """
                {"job_id": "%s", "result_type": "bucket", "timestamp": "%s", "bucket_span": %d, "anomaly_score": %s}
                """.formatted(jobId, timestamp, bucketSpan, anomalyScore).strip();
        Response response = api.importResults(jobId, List.of(bucket));
        assertThat(response.status()).as(response.text()).isEqualTo(200);
    }

    private Response overall(String expression, String query) {
        return api.get(path(expression) + (query.isEmpty() ? "" : "?" + query));
    }

    private static String path(String expression) {
        return "/_ml/anomaly_detectors/" + expression + "/results/overall_buckets";
    }

    private static JsonNode bucket(Response response, int index) {
        return response.json().get("overall_buckets").get(index);
    }

    private static List<Double> scores(Response response) {
        List<Double> scores = new ArrayList<>();
        response.json()
                .get("overall_buckets")
                .forEach(bucket -> scores.add(bucket.get("overall_score").asDouble()));
        return scores;
    }

    private static List<String> values(Response response, String field) {
        List<String> values = new ArrayList<>();
        response.json()
                .get("overall_buckets")
                .forEach(bucket -> values.add(bucket.get(field).asString()));
        return values;
    }

    /** Returns the jobs of an overall bucket as "suffix:max_anomaly_score", in response order. */
    private static List<String> jobs(JsonNode bucket) {
        List<String> jobs = new ArrayList<>();
        bucket.get("jobs")
                .forEach(job -> jobs.add(job.get("job_id").asString().replace(PREFIX, "") + ":"
                        + job.get("max_anomaly_score").asDouble()));
        return jobs;
    }
}
