package io.vigil.results;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.results.ResultsApi.Response;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code start} (inclusive) and {@code end} (exclusive) accept ISO 8601, epoch milliseconds and date math. */
class ResultDatesTest extends ResultsApiTestBase {

    private static final String JOB = "result-dates";
    private static final String BUCKETS = resultsPath(JOB, "buckets");

    private long twoDaysAgo;
    private long oneHourAgo;

    @BeforeAll
    void loadBuckets() {
        long hour = Duration.ofHours(1).toMillis();
        long now = System.currentTimeMillis() / hour * hour;
        twoDaysAgo = now - 48 * hour;
        oneHourAgo = now - hour;
        jobs.closedJob(JOB);
        importOk(JOB, bucket(twoDaysAgo), bucket(oneHourAgo));
    }

    private static String bucket(long timestamp) {
        return "{\"result_type\":\"bucket\",\"timestamp\":" + timestamp + ",\"bucket_span\":3600}";
    }

    @Test
    void dateMathSelectsRecentBuckets() {
        Response response = api.get(BUCKETS + "?start=now-1d");

        assertThat(response.json().get("count").asLong()).isEqualTo(1);
        assertThat(values(response, "buckets", "timestamp")).containsExactly(String.valueOf(oneHourAgo));
    }

    @Test
    void dateMathWithRoundingSelectsOldBuckets() {
        Response response = api.get(BUCKETS + "?end=now-1d/h");

        assertThat(values(response, "buckets", "timestamp")).containsExactly(String.valueOf(twoDaysAgo));
    }

    @Test
    void epochMillisStartIsInclusive() {
        Response response = api.get(BUCKETS + "?start=" + oneHourAgo);

        assertThat(values(response, "buckets", "timestamp")).containsExactly(String.valueOf(oneHourAgo));
    }

    @Test
    void epochMillisEndIsExclusive() {
        Response response = api.post(BUCKETS, "{\"end\":" + oneHourAgo + "}");

        assertThat(values(response, "buckets", "timestamp")).containsExactly(String.valueOf(twoDaysAgo));
    }

    @Test
    void dateOnlyIsMidnightUtc() {
        Response response = api.get(BUCKETS + "?start=2016-06-01&end=2016-06-02");

        assertThat(response.json().get("count").asLong()).isZero();
    }

    @Test
    void invalidDateIsParseError() {
        Response response = api.get(BUCKETS + "?start=yesterday");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorType()).isEqualTo("parse_exception");
        assertThat(response.errorReason()).contains("[yesterday]").contains("[start]");
    }
}
