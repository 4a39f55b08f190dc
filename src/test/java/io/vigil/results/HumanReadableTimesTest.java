package io.vigil.results;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.results.ResultsApi.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code human=true} adds a readable copy of each time right before it. */
class HumanReadableTimesTest extends ResultsApiTestBase {

    private static final String JOB = "human-readable-times";

    @BeforeAll
    void loadResults() {
        jobs.closedJob(JOB);
        importOk(
                JOB,
                "{\"result_type\":\"bucket\",\"timestamp\":\"2016-06-01T00:00:00Z\",\"bucket_span\":60,"
                        + "\"bucket_influencers\":[{\"influencer_field_name\":\"bucket_time\"}]}",
                "{\"result_type\":\"record\",\"timestamp\":\"2016-06-01T00:00:00Z\",\"bucket_span\":60}",
                "{\"result_type\":\"influencer\",\"timestamp\":\"2016-06-01T00:00:00Z\",\"bucket_span\":60,"
                        + "\"influencer_field_name\":\"host\",\"influencer_field_value\":\"a\"}");
    }

    @Test
    void bucketTimesGetStrings() {
        Response response = api.get(resultsPath(JOB, "buckets") + "?human=true");

        JsonNode bucket = response.json().get("buckets").get(0);
        assertThat(bucket.get("timestamp_string").asString()).isEqualTo("2016-06-01T00:00:00.000Z");
        assertThat(bucket.get("bucket_influencers")
                        .get(0)
                        .get("timestamp_string")
                        .asString())
                .isEqualTo("2016-06-01T00:00:00.000Z");
        assertThat(response.text()).contains("\"timestamp_string\":\"2016-06-01T00:00:00.000Z\",\"timestamp\":");
    }

    @Test
    void recordAndInfluencerTimesGetStrings() {
        Response records = api.get(resultsPath(JOB, "records") + "?human");
        Response influencers = api.post(resultsPath(JOB, "influencers") + "?human=true", "{}");

        assertThat(records.json().get("records").get(0).get("timestamp_string").asString())
                .isEqualTo("2016-06-01T00:00:00.000Z");
        assertThat(influencers
                        .json()
                        .get("influencers")
                        .get(0)
                        .get("timestamp_string")
                        .asString())
                .isEqualTo("2016-06-01T00:00:00.000Z");
    }

    @Test
    void scoredAtGetsStringWithChangedSince() {
        Response response = api.get(resultsPath(JOB, "records") + "?human=true&changed_since=0");

        JsonNode record = response.json().get("records").get(0);
        assertThat(record.get("scored_at_string").asString()).endsWith("Z");
        assertThat(record.has("scored_at")).isTrue();
    }

    @Test
    void withoutHumanThereAreNoStrings() {
        Response response = api.get(resultsPath(JOB, "buckets") + "?human=false");

        assertThat(response.text()).doesNotContain("_string");
    }
}
