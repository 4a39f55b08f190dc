package io.vigil.results;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.results.ResultsApi.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code expand=true} puts each bucket's records, least probable first, into buckets that have influencers. */
class BucketExpandTest extends ResultsApiTestBase {

    private static final String JOB = "bucket-expand";
    private static final String BUCKETS = resultsPath(JOB, "buckets");

    @BeforeAll
    void loadResults() {
        jobs.closedJob(JOB);
        importOk(
                JOB,
                "{\"result_type\":\"bucket\",\"timestamp\":60000,\"anomaly_score\":80,\"bucket_span\":60,"
                        + "\"bucket_influencers\":[{\"influencer_field_name\":\"bucket_time\",\"anomaly_score\":80,"
                        + "\"probability\":0.001}]}",
                "{\"result_type\":\"bucket\",\"timestamp\":120000,\"anomaly_score\":0,\"bucket_span\":60}",
                record(60000, 0.3, "a", false),
                record(60000, 0.01, "b", false),
                record(60000, 0.2, "c", true),
                record(120000, 0.5, "d", false));
    }

    private static String record(long timestamp, double probability, String byValue, boolean interim) {
        return "{\"result_type\":\"record\",\"timestamp\":" + timestamp + ",\"bucket_span\":60,\"probability\":"
                + probability + ",\"by_field_name\":\"host\",\"by_field_value\":\"" + byValue + "\",\"is_interim\":"
                + interim + "}";
    }

    @Test
    void expandedBucketListsRecordsByProbability() {
        Response response = api.get(BUCKETS + "?expand=true");

        JsonNode bucket = response.json().get("buckets").get(0);
        assertThat(byValues(bucket)).containsExactly("b", "c", "a");
        assertThat(bucket.get("records").get(0).get("timestamp").asLong()).isEqualTo(60000);
    }

    @Test
    void bucketWithoutInfluencersIsNotExpanded() {
        Response response = api.get(BUCKETS + "?expand=true");

        JsonNode bucket = response.json().get("buckets").get(1);
        assertThat(bucket.get("timestamp").asLong()).isEqualTo(120000);
        assertThat(bucket.has("records")).isFalse();
        assertThat(bucket.get("bucket_influencers").size()).isZero();
    }

    @Test
    void expandHonoursExcludeInterim() {
        Response response = api.post(BUCKETS, "{\"expand\":true,\"exclude_interim\":true}");

        assertThat(byValues(response.json().get("buckets").get(0))).containsExactly("b", "a");
    }

    @Test
    void recordsAppearOnlyWhenExpanded() {
        Response response = api.get(BUCKETS);

        assertThat(response.json().get("buckets").get(0).has("records")).isFalse();
    }

    @Test
    void singleBucketCanBeExpanded() {
        Response response = api.get(BUCKETS + "/60000?expand=true");

        assertThat(byValues(response.json().get("buckets").get(0))).containsExactly("b", "c", "a");
    }

    @Test
    void recordsComeBetweenScoresAndEventCount() {
        Response response = api.get(BUCKETS + "?expand=true&size=1");

        String text = response.text();
        assertThat(text.indexOf("\"initial_anomaly_score\"")).isLessThan(text.indexOf("\"records\""));
        assertThat(text.indexOf("\"records\"")).isLessThan(text.indexOf("\"event_count\""));
    }

    private static List<String> byValues(JsonNode bucket) {
        List<String> values = new ArrayList<>();
        bucket.get("records")
                .forEach(record -> values.add(record.get("by_field_value").asString()));
        return values;
    }
}
