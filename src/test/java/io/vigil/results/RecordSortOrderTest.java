package io.vigil.results;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.results.ResultsApi.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Records that tie on the sort field are ordered by record_score, over, partition and by values, field name and
 * function, all in the requested direction, and records missing the sort field come last either way. Each record
 * is tagged by its {@code typical} value.
 */
class RecordSortOrderTest extends ResultsApiTestBase {

    private static final String JOB = "record-sort-order";
    private static final String RECORDS = resultsPath(JOB, "records");

    @BeforeAll
    void loadRecords() {
        jobs.closedJob(JOB);
        importOk(
                JOB,
                record(1, 50, "\"by_field_value\":\"b\",\"over_field_value\":\"x\""),
                record(2, 50, "\"by_field_value\":\"a\",\"over_field_value\":\"y\""),
                record(3, 50, "\"by_field_value\":\"c\""),
                record(4, 70, "\"function\":\"mean\""),
                record(5, 50, "\"by_field_value\":\"b\",\"over_field_value\":\"y\""));
    }

    private static String record(int tag, double score, String splitFields) {
        return "{\"result_type\":\"record\",\"timestamp\":1000,\"bucket_span\":60,\"record_score\":" + score
                + ",\"typical\":[" + tag + "],\"by_field_name\":\"airline\",\"over_field_name\":\"client\","
                + splitFields + "}";
    }

    @Test
    void defaultOrderUsesSecondarySortsDescending() {
        assertThat(tags(api.get(RECORDS))).containsExactly(4, 5, 2, 1, 3);
    }

    @Test
    void descFalseTurnsEverySortAscending() {
        assertThat(tags(api.get(RECORDS + "?desc=false"))).containsExactly(1, 2, 5, 3, 4);
    }

    @Test
    void tiesOnSortFieldFallBackToScore() {
        assertThat(tags(api.get(RECORDS + "?sort=by_field_value"))).containsExactly(3, 5, 1, 2, 4);
    }

    @Test
    void missingValuesSortLastAscending() {
        assertThat(tags(api.get(RECORDS + "?sort=over_field_value&desc=false"))).containsExactly(1, 2, 5, 3, 4);
    }

    @Test
    void missingValuesSortLastDescending() {
        assertThat(tags(api.get(RECORDS + "?sort=over_field_value"))).containsExactly(5, 2, 1, 4, 3);
    }

    @Test
    void pagesFollowTheSameOrder() {
        Response first = api.get(RECORDS + "?size=2");
        Response second = api.post(RECORDS, "{\"page\":{\"from\":2,\"size\":3}}");

        assertThat(tags(first)).containsExactly(4, 5);
        assertThat(tags(second)).containsExactly(2, 1, 3);
        assertThat(second.json().get("count").asLong()).isEqualTo(5);
    }

    private static List<Integer> tags(Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        List<Integer> tags = new ArrayList<>();
        response.json()
                .get("records")
                .forEach(record -> tags.add(record.get("typical").get(0).asInt()));
        return tags;
    }
}
