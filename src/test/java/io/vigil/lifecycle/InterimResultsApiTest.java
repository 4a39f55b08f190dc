package io.vigil.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Interim results of the detection engine through {@code _flush?calc_interim=true} and the results endpoints. */
class InterimResultsApiTest extends LifecycleApiTest {

    private static final long SEED = 5L;
    private static final int HISTORY_HOURS = 24 * 8;
    private static final String JOB = """
            {"analysis_config": {"bucket_span": "1h", "detectors": [{"function": "count", "by_field_name": "host"}],
                                 "influencers": ["host"]},
             "data_description": {"time_field": "time", "time_format": "epoch_ms"}}
            """;

    /** Returns {@code events} events of host web-1 spread over the first {@code minutes} minutes of {@code hour}. */
    private static String events(int hour, int events, int minutes) {
        return events(hour, events, 0, minutes);
    }

    /** Returns {@code events} events of host web-1 spread over minutes [from, to) of {@code hour}. */
    private static String events(int hour, int events, int fromMinute, int toMinute) {
        StringBuilder body = new StringBuilder();
        long spacing = (toMinute - fromMinute) * 60_000L / events;
        for (int i = 0; i < events; i++) {
            body.append(line(T0 + hour * HOUR + fromMinute * 60_000L + i * spacing, "\"host\":\"web-1\""));
        }
        return body.toString();
    }

    /** Opens a job and gives it {@link #HISTORY_HOURS} hours of about 100 events an hour. */
    private void withHistory(String jobId) {
        openJob(jobId, JOB);
        Random random = new Random(SEED);
        StringBuilder history = new StringBuilder();
        for (int hour = 0; hour < HISTORY_HOURS; hour++) {
            history.append(events(hour, 100 + (int) Math.round(4.0 * random.nextGaussian()), 60));
        }
        postData(jobId, history);
    }

    private static List<Boolean> interimFlags(List<Map<String, Object>> results) {
        return results.stream()
                .map(result -> (Boolean) result.get("is_interim"))
                .toList();
    }

    @Test
    void interimBucketIsReplacedByFinal() {
        String jobId = "interim-replaced";
        withHistory(jobId);
        long open = T0 + HISTORY_HOURS * HOUR;

        postData(jobId, events(HISTORY_HOURS, 300, 20));
        flush(jobId, "?calc_interim=true");
        List<Map<String, Object>> interimBuckets = results(jobId, "buckets", "&start=" + open);
        List<Map<String, Object>> interimRecords = results(jobId, "records", "&start=" + open);
        postData(jobId, events(HISTORY_HOURS, 100, 20, 40));
        flush(jobId, "?calc_interim=true");
        List<Map<String, Object>> secondInterim = results(jobId, "buckets", "&start=" + open);
        postData(jobId, events(HISTORY_HOURS + 1, 100, 60));
        flush(jobId, "");
        List<Map<String, Object>> finalBuckets = results(jobId, "buckets", "&start=" + open + "&end=" + (open + HOUR));
        List<Map<String, Object>> finalRecords = results(jobId, "records", "&start=" + open + "&end=" + (open + HOUR));

        assertThat(interimFlags(interimBuckets)).containsExactly(true);
        assertThat(number(interimBuckets.get(0), "event_count")).isEqualTo(300.0);
        assertThat(interimRecords).isNotEmpty();
        assertThat(interimFlags(interimRecords)).containsOnly(true);
        assertThat(number(secondInterim.get(0), "event_count")).isEqualTo(400.0);
        assertThat(interimFlags(secondInterim)).containsExactly(true);
        assertThat(interimFlags(finalBuckets)).containsExactly(false);
        assertThat(number(finalBuckets.get(0), "event_count")).isEqualTo(400.0);
        assertThat(interimFlags(finalRecords)).containsOnly(false);
        for (String table : List.of("buckets", "bucket_influencers", "records", "influencers")) {
            assertThat(jdbc.queryForObject(
                            "select count(*) from " + table + " where job_id = ? and is_interim", Integer.class, jobId))
                    .as("interim rows left in %s", table)
                    .isZero();
        }
    }

    @Test
    void partialCountIsNotADrop() {
        String jobId = "interim-partial";
        withHistory(jobId);
        long open = T0 + HISTORY_HOURS * HOUR;

        postData(jobId, events(HISTORY_HOURS, 25, 15));
        flush(jobId, "?calc_interim=true");

        List<Map<String, Object>> buckets = results(jobId, "buckets", "&start=" + open);
        assertThat(interimFlags(buckets)).containsExactly(true);
        assertThat(number(buckets.get(0), "anomaly_score")).isLessThan(1.0);
        assertThat(results(jobId, "records", "&start=" + open + "&record_score=1"))
                .isEmpty();
    }

    @Test
    void excludeInterimDropsInterimResults() {
        String jobId = "interim-excluded";
        withHistory(jobId);
        long open = T0 + HISTORY_HOURS * HOUR;

        postData(jobId, events(HISTORY_HOURS, 300, 20));
        flush(jobId, "?calc_interim=true");

        for (String kind : List.of("buckets", "records", "influencers")) {
            assertThat(interimFlags(results(jobId, kind, "&start=" + open)))
                    .as("%s with interim", kind)
                    .contains(true);
            assertThat(interimFlags(results(jobId, kind, "&start=" + open + "&exclude_interim=true")))
                    .as("%s without interim", kind)
                    .isEmpty();
        }
        assertThat(interimFlags(overallBuckets(jobId, "?start=" + open))).containsExactly(true);
        assertThat(overallBuckets(jobId, "?start=" + open + "&exclude_interim=true"))
                .isEmpty();
    }

    private List<Map<String, Object>> overallBuckets(String jobId, String query) {
        var response = api.get(path(jobId, "results/overall_buckets" + query));
        assertThat(response.status()).as("overall buckets: %s", response.body()).isEqualTo(200);
        return response.get("overall_buckets");
    }

    @Test
    void emptyOpenBucketGetsNoInterimResult() {
        String jobId = "interim-empty";
        withHistory(jobId);

        flush(jobId, "?calc_interim=true&advance_time=" + (T0 + HISTORY_HOURS * HOUR));

        assertThat(results(jobId, "buckets", "&start=" + (T0 + HISTORY_HOURS * HOUR)))
                .isEmpty();
        assertThat(jdbc.queryForObject(
                        "select count(*) from buckets where job_id = ? and is_interim", Integer.class, jobId))
                .isZero();
    }
}
