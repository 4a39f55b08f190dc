package io.vigil.results.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.results.ResultsApi.Response;
import io.vigil.results.ResultsApiTestBase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The get-influencers examples: three influencers of the field foo, the middle one interim. */
class InfluencersContractExamplesTest extends ResultsApiTestBase {

    private static final String JOB = "get-influencers-test";
    private static final String INFLUENCERS = "/_ml/anomaly_detectors/" + JOB + "/results/influencers";
    private static final long I1 = 1464739200000L;
    private static final long I2 = 1464825600000L;
    private static final long I3 = 1464912000000L;

    @BeforeAll
    void loadFixture() {
        jobs.closedJob(JOB);
        Response imported = api.importFixture(JOB, JOB + ".ndjson");
        assertThat(imported.status()).as(imported.text()).isEqualTo(200);
    }

    @Test
    void noParametersSortByScoreDescending() {
        Response response = api.get(INFLUENCERS);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("count").asLong()).isEqualTo(3);
        assertThat(scores(response)).containsExactly(80.0, 60.0, 50.0);
        JsonNode first = response.json().get("influencers").get(0);
        assertThat(first.get("influencer_field_name").asString()).isEqualTo("foo");
        assertThat(first.get("influencer_field_value").asString()).isEqualTo("zoo");
        assertThat(first.get("foo").asString()).isEqualTo("zoo");
    }

    @Test
    void fromAndSizePageButCountAll() {
        Response response = api.get(INFLUENCERS + "?from=1&size=2");

        assertThat(response.json().get("count").asLong()).isEqualTo(3);
        assertThat(scores(response)).containsExactly(60.0, 50.0);
    }

    @Test
    void bodyPagePagesLikeTheQueryString() {
        Response response = api.post(INFLUENCERS, "{\"page\":{\"from\":1,\"size\":2}}");

        assertThat(response.json().get("count").asLong()).isEqualTo(3);
        assertThat(scores(response)).containsExactly(60.0, 50.0);
    }

    @Test
    void excludeInterimFalseKeepsInterimInfluencers() {
        Response response = api.get(INFLUENCERS + "?exclude_interim=false");

        assertThat(response.json().get("count").asLong()).isEqualTo(3);
    }

    @Test
    void excludeInterimTrueDropsInterimInfluencers() {
        Response response = api.get(INFLUENCERS + "?exclude_interim=true");

        assertThat(response.json().get("count").asLong()).isEqualTo(2);
        assertThat(timestamps(response)).containsExactly(I3, I1);
        for (JsonNode influencer : response.json().get("influencers")) {
            assertThat(influencer.get("is_interim").asBoolean()).isFalse();
        }
    }

    @Test
    void startAndEndSelectTheFirstInfluencer() {
        Response response = api.get(INFLUENCERS + "?start=2016-06-01T00:00:00Z&end=2016-06-01T01:00:00Z");

        assertThat(response.json().get("count").asLong()).isEqualTo(1);
        assertThat(timestamps(response)).containsExactly(I1);
    }

    @Test
    void unknownJobIsNotFound() {
        Response response = api.get("/_ml/anomaly_detectors/non-existent-job/results/influencers");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.errorReason()).isEqualTo("No known job with id 'non-existent-job'");
    }

    @Test
    void influencerScoreKeepsHigherScores() {
        Response response = api.get(INFLUENCERS + "?influencer_score=70");

        assertThat(response.json().get("count").asLong()).isEqualTo(1);
        assertThat(timestamps(response)).containsExactly(I2);
    }

    @Test
    void descFalseSortsAscending() {
        Response response = api.get(INFLUENCERS + "?desc=false");

        assertThat(scores(response)).containsExactly(50.0, 60.0, 80.0);
    }

    @Test
    void timestampSortIsDescendingByDefault() {
        Response response = api.get(INFLUENCERS + "?sort=timestamp");

        assertThat(timestamps(response)).containsExactly(I3, I2, I1);
    }

    private static List<Long> timestamps(Response response) {
        List<Long> timestamps = new ArrayList<>();
        response.json()
                .get("influencers")
                .forEach(item -> timestamps.add(item.get("timestamp").asLong()));
        return timestamps;
    }

    private static List<Double> scores(Response response) {
        List<Double> scores = new ArrayList<>();
        response.json()
                .get("influencers")
                .forEach(item -> scores.add(item.get("influencer_score").asDouble()));
        return scores;
    }
}
