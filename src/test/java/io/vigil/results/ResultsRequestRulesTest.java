package io.vigil.results;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.results.ResultsApi.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The rules on where options come from and how they are checked, shared by every results endpoint. */
class ResultsRequestRulesTest extends ResultsApiTestBase {

    private static final String JOB = "request-rules";
    private static final String BUCKETS = resultsPath(JOB, "buckets");
    private static final String RECORDS = resultsPath(JOB, "records");

    @BeforeAll
    void loadResults() {
        jobs.closedJob(JOB);
        importOk(
                JOB,
                "{\"result_type\":\"bucket\",\"timestamp\":1000,\"anomaly_score\":10,\"bucket_span\":1}",
                "{\"result_type\":\"bucket\",\"timestamp\":2000,\"anomaly_score\":20,\"bucket_span\":1}",
                "{\"result_type\":\"bucket\",\"timestamp\":3000,\"anomaly_score\":30,\"bucket_span\":1}");
    }

    @Test
    void bodyTurnsTheQueryStringOff() {
        Response response = api.post(BUCKETS + "?desc=true", "{\"page\":{\"size\":1}}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorType()).isEqualTo("illegal_argument_exception");
        assertThat(response.errorReason())
                .isEqualTo("request [" + BUCKETS + "] contains unrecognized parameter: [desc]");
    }

    @Test
    void bodyOnGetRequestIsRead() {
        Response response = api.get(BUCKETS, "{\"desc\":true,\"page\":{\"size\":1}}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(values(response, "buckets", "timestamp")).containsExactly("3000");
    }

    @Test
    void unknownQueryParametersAreListed() {
        Response response = api.get(BUCKETS + "?sizee=1&fromm=2");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorReason())
                .isEqualTo("request [" + BUCKETS + "] contains unrecognized parameters: [sizee], [fromm]");
    }

    @Test
    void topLevelFromInBodyIsUnknownField() {
        Response response = api.post(BUCKETS, "{\"from\":1}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorType()).isEqualTo("x_content_parse_exception");
        assertThat(response.errorReason())
                .isEqualTo("[1:2] [cluster:monitor/xpack/ml/job/results/buckets/get] unknown field [from]");
    }

    @Test
    void topLevelSizeInRecordsBodyIsUnknownField() {
        Response response = api.post(RECORDS, "{\n  \"desc\": false,\n  \"size\": 1\n}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorReason())
                .isEqualTo("[3:3] [cluster:monitor/xpack/ml/job/results/records/get] unknown field [size]");
    }

    @Test
    void unknownFieldInPageNamesThePageParser() {
        Response response = api.post(BUCKETS, "{\"page\":{\"from\":0,\"length\":1}}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorReason()).isEqualTo("[1:19] [page] unknown field [length]");
    }

    @Test
    void invalidJsonBodyIsParseError() {
        Response response = api.post(BUCKETS, "{\"desc\":");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorType()).isEqualTo("x_content_parse_exception");
    }

    @Test
    void sourceParameterStandsForBody() {
        Response response = api.get(BUCKETS + "?source=%7B%22desc%22%3Atrue%7D&source_content_type=application/json");

        assertThat(response.status()).isEqualTo(200);
        assertThat(values(response, "buckets", "timestamp")).containsExactly("3000", "2000", "1000");
    }

    @Test
    void booleansAcceptOnlyTrueOrFalse() {
        Response yes = api.get(BUCKETS + "?desc=yes");
        Response bodyNumber = api.post(BUCKETS, "{\"desc\":1}");
        Response empty = api.get(BUCKETS + "?desc");

        assertThat(yes.status()).isEqualTo(400);
        assertThat(yes.errorReason())
                .isEqualTo("Failed to parse value [yes] of parameter [desc] as only [true] or [false] are allowed.");
        assertThat(bodyNumber.status()).isEqualTo(400);
        assertThat(bodyNumber.errorType()).isEqualTo("x_content_parse_exception");
        assertThat(bodyNumber.errorReason()).contains("failed to parse field [desc]");
        assertThat(empty.status()).isEqualTo(200);
        assertThat(values(empty, "buckets", "timestamp")).containsExactly("3000", "2000", "1000");
    }

    @Test
    void bodyDateOfWrongTypeNamesIt() {
        Response object = api.post(BUCKETS, "{\"start\":{\"a\":1}}");

        assertThat(object.status()).isEqualTo(400);
        assertThat(object.errorReason())
                .endsWith("failed to parse field [start]: expected a string or a number, got an object");
    }

    @Test
    void negativeFromIsRejected() {
        Response query = api.get(BUCKETS + "?from=-1");
        Response body = api.post(BUCKETS, "{\"page\":{\"from\":-1}}");

        assertThat(query.status()).isEqualTo(400);
        assertThat(query.errorReason()).isEqualTo("Parameter [from] cannot be < 0");
        assertThat(body.status()).isEqualTo(400);
        assertThat(body.errorReason()).isEqualTo("Parameter [from] cannot be < 0");
    }

    @Test
    void negativeSizeIsRejected() {
        Response response = api.get(RECORDS + "?size=-1");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorReason()).isEqualTo("Parameter [size] cannot be < 0");
    }

    @Test
    void nonNumericSizeIsRejected() {
        Response response = api.get(RECORDS + "?size=ten");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorReason()).isEqualTo("Failed to parse int parameter [size] with value [ten]");
    }

    @Test
    void pageLargerThanTenThousandIsRejected() {
        Response tooLarge = api.get(BUCKETS + "?size=10001");
        Response largest = api.get(BUCKETS + "?size=10000");
        Response deepFrom = api.get(BUCKETS + "?from=20000&size=10000");

        assertThat(tooLarge.status()).isEqualTo(400);
        assertThat(tooLarge.errorReason()).startsWith("Parameter [size] cannot be > 10000");
        assertThat(largest.status()).isEqualTo(200);
        assertThat(deepFrom.status()).isEqualTo(200);
        assertThat(deepFrom.json().get("count").asLong()).isEqualTo(3);
        assertThat(deepFrom.json().get("buckets").size()).isZero();
    }

    @Test
    void sizeZeroReturnsOnlyTheCount() {
        Response response = api.get(BUCKETS + "?size=0");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("count").asLong()).isEqualTo(3);
        assertThat(response.json().get("buckets").size()).isZero();
    }

    @Test
    void countComesBeforeTheResults() {
        Response response = api.get(BUCKETS);

        assertThat(response.text()).startsWith("{\"count\":3,\"buckets\":[");
    }

    @Test
    void unknownSortFieldIsRejected() {
        Response response = api.get(BUCKETS + "?sort=score");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorType()).isEqualTo("illegal_argument_exception");
        assertThat(response.errorReason()).startsWith("No mapping found for [score] in order to sort on");
        assertThat(response.errorReason()).contains("anomaly_score");
    }

    @Test
    void anomalyScoreFilterIsInclusive() {
        Response atLeastTwenty = api.get(BUCKETS + "?anomaly_score=20");
        Response zero = api.get(BUCKETS + "?anomaly_score=0");

        assertThat(values(atLeastTwenty, "buckets", "timestamp")).containsExactly("2000", "3000");
        assertThat(atLeastTwenty.json().get("count").asLong()).isEqualTo(2);
        assertThat(zero.json().get("count").asLong()).isEqualTo(3);
    }

    @Test
    void nonNumericScoreIsRejected() {
        Response response = api.get(BUCKETS + "?anomaly_score=high");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorReason())
                .isEqualTo("Failed to parse double parameter [anomaly_score] with value [high]");
    }

    @Test
    void bodyJobIdIsOverriddenByThePath() {
        Response response = api.post(BUCKETS, "{\"job_id\":\"another-job\"}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(values(response, "buckets", "job_id")).containsOnly(JOB);
    }

    @Test
    void wildcardJobIdIsNotFound() {
        Response response = api.get(resultsPath("request-*", "records"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.errorReason()).isEqualTo("No known job with id 'request-*'");
    }

    @Test
    void missingSingleBucketIsNotFound() {
        Response response = api.get(BUCKETS + "/1500");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.errorReason()).isEqualTo("Could not find requested buckets");
    }

    @Test
    void singleBucketIgnoresExcludeInterim() {
        Response response = api.get(BUCKETS + "/2000?exclude_interim=true&expand=true");

        assertThat(response.status()).isEqualTo(200);
        assertThat(values(response, "buckets", "timestamp")).containsExactly("2000");
    }

    @Test
    void prettyIndentsTheResponse() {
        Response response = api.get(BUCKETS + "?pretty&size=1");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text()).contains("\n");
        assertThat(response.json().get("count").asLong()).isEqualTo(3);
    }
}
