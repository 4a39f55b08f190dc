package io.vigil.results;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.results.ResultsApi.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code changed_since} returns only results written after a time, each with its {@code scored_at}; responses
 * without it carry no {@code scored_at}.
 */
class ChangedSinceTest extends ResultsApiTestBase {

    private static final String JOB = "changed-since";

    private long firstWrite;
    private long between;

    @BeforeAll
    void writeTwice() throws InterruptedException {
        jobs.closedJob(JOB);
        importOk(
                JOB,
                bucket(1000, 10),
                bucket(2000, 20),
                record(1000, "a", 10),
                record(2000, "b", 20),
                influencer(1000, 10),
                influencer(2000, 20));
        firstWrite = jdbc.queryForObject("SELECT max(scored_at) FROM buckets WHERE job_id = ?", Long.class, JOB);
        Thread.sleep(5);
        between = System.currentTimeMillis();
        Thread.sleep(5);
        importOk(JOB, bucket(2000, 25), record(2000, "b", 25), influencer(2000, 25));
    }

    private static String bucket(long timestamp, double score) {
        return "{\"result_type\":\"bucket\",\"timestamp\":" + timestamp + ",\"anomaly_score\":" + score
                + ",\"bucket_span\":1,\"bucket_influencers\":[{\"influencer_field_name\":\"bucket_time\","
                + "\"anomaly_score\":" + score + "}]}";
    }

    private static String record(long timestamp, String byValue, double score) {
        return "{\"result_type\":\"record\",\"timestamp\":" + timestamp + ",\"bucket_span\":1,\"record_score\":" + score
                + ",\"by_field_name\":\"host\",\"by_field_value\":\"" + byValue + "\"}";
    }

    private static String influencer(long timestamp, double score) {
        return "{\"result_type\":\"influencer\",\"timestamp\":" + timestamp + ",\"bucket_span\":1,"
                + "\"influencer_field_name\":\"host\",\"influencer_field_value\":\"a\",\"influencer_score\":"
                + score + "}";
    }

    @Test
    void bucketsChangedSinceAreOnlyRewrittenOnes() {
        Response response = api.get(resultsPath(JOB, "buckets") + "?changed_since=" + between);

        assertThat(response.json().get("count").asLong()).isEqualTo(1);
        JsonNode bucket = response.json().get("buckets").get(0);
        assertThat(bucket.get("timestamp").asLong()).isEqualTo(2000);
        assertThat(bucket.get("anomaly_score").asDouble()).isEqualTo(25.0);
        assertThat(bucket.get("scored_at").asLong()).isGreaterThan(between);
        assertThat(bucket.get("bucket_influencers").get(0).get("scored_at").asLong())
                .isGreaterThan(between);
    }

    @Test
    void recordsChangedSinceAreOnlyRewrittenOnes() {
        Response response = api.post(resultsPath(JOB, "records"), "{\"changed_since\":\"" + between + "\"}");

        assertThat(response.json().get("count").asLong()).isEqualTo(1);
        assertThat(values(response, "records", "by_field_value")).containsExactly("b");
        assertThat(response.json().get("records").get(0).get("scored_at").asLong())
                .isGreaterThan(between);
    }

    @Test
    void influencersChangedSinceAreOnlyRewrittenOnes() {
        Response response = api.get(resultsPath(JOB, "influencers") + "?changed_since=" + between);

        assertThat(response.json().get("count").asLong()).isEqualTo(1);
        assertThat(values(response, "influencers", "timestamp")).containsExactly("2000");
    }

    @Test
    void changedSinceIsExclusive() {
        Response response = api.get(resultsPath(JOB, "buckets") + "?changed_since=" + firstWrite);

        assertThat(values(response, "buckets", "timestamp")).containsExactly("2000");
    }

    @Test
    void changedSinceAcceptsDateMath() {
        Response response = api.get(resultsPath(JOB, "records") + "?changed_since=now-1h");

        assertThat(response.json().get("count").asLong()).isEqualTo(2);
        assertThat(values(response, "records", "scored_at")).doesNotContain("");
    }

    @Test
    void withoutChangedSinceThereIsNoScoredAt() {
        for (String endpoint : new String[] {"buckets?expand=true", "records", "influencers"}) {
            Response response = api.get(resultsPath(JOB, endpoint));

            assertThat(response.text()).as(endpoint).doesNotContain("scored_at");
        }
    }

    @Test
    void singleBucketHonoursChangedSince() {
        Response unchanged = api.get(resultsPath(JOB, "buckets") + "/1000?changed_since=" + between);
        Response changed = api.get(resultsPath(JOB, "buckets") + "/2000?changed_since=" + between);

        assertThat(unchanged.status()).isEqualTo(404);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("buckets").get(0).has("scored_at")).isTrue();
    }
}
