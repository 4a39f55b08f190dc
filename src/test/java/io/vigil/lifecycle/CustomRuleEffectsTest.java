package io.vigil.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vigil.process.TestApi;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Custom rules acting on a running job's results and models, through the HTTP API on seeded streams. */
class CustomRuleEffectsTest extends LifecycleApiTest {

    private static final long SEED = 77L;
    private static final List<String> HOSTS = List.of("host-a", "host-b", "host-c");

    private static String countByHost(String customRules) {
        return """
                {"analysis_config": {"bucket_span": "1h", "influencers": ["host"],
                                     "detectors": [{"function": "count", "by_field_name": "host"%s}]},
                 "data_description": {"time_field": "time", "time_format": "epoch_ms"}}
                """.formatted(customRules.isEmpty() ? "" : ", \"custom_rules\": " + customRules);
    }

    /**
     * Returns hours [from, to) of about 50 events per host and hour, in time order. The listed hosts send 400 in the
     * spike hour.
     */
    private static String traffic(Random random, int from, int to, int spikeHour, List<String> spikingHosts) {
        StringBuilder body = new StringBuilder();
        for (int hour = from; hour < to; hour++) {
            TreeMap<Long, String> events = new TreeMap<>();
            for (int host = 0; host < HOSTS.size(); host++) {
                String name = HOSTS.get(host);
                int count = hour == spikeHour && spikingHosts.contains(name)
                        ? 400
                        : 50 + (int) Math.round(3.0 * random.nextGaussian());
                for (int i = 0; i < count; i++) {
                    // Hosts take turns at distinct milliseconds, so that no two events share a time.
                    events.put(T0 + hour * HOUR + (i * (HOUR / count)) / 3 * 3 + host, name);
                }
            }
            events.forEach((time, host) -> body.append(line(time, "\"host\":\"" + host + "\"")));
        }
        return body.toString();
    }

    private List<Map<String, Object>> recordsOf(String jobId, String host) {
        return results(jobId, "records", "").stream()
                .filter(record -> host.equals(record.get("by_field_value")))
                .toList();
    }

    private void createFilter(String filterId, String items) {
        TestApi.Response created = put("/_ml/filters/" + filterId, "{\"items\": " + items + "}");
        assertThat(created.status()).as("create filter: %s", created.body()).isEqualTo(200);
    }

    @Test
    void skipResultScopedOnFilterHidesOneHost() {
        createFilter("quiet-hosts", "[\"host-b\"]");
        String rules = "[{\"actions\": [\"skip_result\"], \"scope\": {\"host\": {\"filter_id\": \"quiet-hosts\"}}}]";
        openJob("rules-skip-result", countByHost(rules));
        openJob("rules-skip-result-control", countByHost(""));
        String data = traffic(new Random(SEED), 0, 24 * 8, 24 * 7 + 3, List.of("host-a", "host-b"));

        for (String jobId : List.of("rules-skip-result", "rules-skip-result-control")) {
            postData(jobId, data);
            flush(jobId, "");
        }

        long spike = T0 + (24 * 7 + 3) * HOUR;
        assertThat(recordsOf("rules-skip-result-control", "host-b"))
                .extracting(LifecycleApiTest::time)
                .contains(spike);
        assertThat(recordsOf("rules-skip-result", "host-b")).isEmpty();
        assertThat(recordsOf("rules-skip-result", "host-a"))
                .extracting(LifecycleApiTest::time)
                .contains(spike);
        assertThat(results("rules-skip-result", "influencers", ""))
                .noneMatch(influencer -> "host-b".equals(influencer.get("influencer_field_value")));
    }

    @Test
    void skippedResultsLeaveKeptScoresAlone() {
        String rules = "[{\"actions\": [\"skip_result\"], "
                + "\"conditions\": [{\"applies_to\": \"diff_from_typical\", \"operator\": \"lt\", \"value\": 200}]}]";
        openJob("rules-skip-small", countByHost(rules));
        openJob("rules-skip-small-control", countByHost(""));
        String data = traffic(new Random(SEED), 0, 24 * 8, 24 * 7 + 3, List.of("host-a"));

        for (String jobId : List.of("rules-skip-small", "rules-skip-small-control")) {
            postData(jobId, data);
            flush(jobId, "");
        }

        long spike = T0 + (24 * 7 + 3) * HOUR;
        List<Map<String, Object>> withRule = recordsOf("rules-skip-small", "host-a");
        List<Map<String, Object>> control = recordsOf("rules-skip-small-control", "host-a").stream()
                .filter(record -> time(record) == spike)
                .toList();
        assertThat(withRule)
                .as("records the rule kept")
                .extracting(LifecycleApiTest::time)
                .containsExactly(spike);
        assertThat(control).as("spike record without the rule").hasSize(1);
        assertThat(number(withRule.get(0), "record_score"))
                .as("spike record score with the rule")
                .isCloseTo(number(control.get(0), "record_score"), within(5.0));
    }

    @Test
    void filterUpdateAppliesFromNextBucket() {
        createFilter("muted-hosts", "[\"host-c\"]");
        String rules = "[{\"actions\": [\"skip_result\"], \"scope\": {\"host\": {\"filter_id\": \"muted-hosts\"}}}]";
        String jobId = "rules-filter-update";
        openJob(jobId, countByHost(rules));
        Random random = new Random(SEED);
        postData(jobId, traffic(random, 0, 24 * 7 + 4, 24 * 7 + 3, List.of("host-a")));
        flush(jobId, "");

        TestApi.Response updated = api.postJson("/_ml/filters/muted-hosts/_update", "{\"add_items\": [\"host-a\"]}");
        postData(jobId, traffic(random, 24 * 7 + 4, 24 * 8, 24 * 7 + 10, List.of("host-a")));
        flush(jobId, "");

        assertThat(updated.status()).isEqualTo(200);
        assertThat(recordsOf(jobId, "host-a"))
                .extracting(LifecycleApiTest::time)
                .contains(T0 + (24 * 7 + 3) * HOUR)
                .doesNotContain(T0 + (24 * 7 + 10) * HOUR);
    }

    @Test
    void ruleUpdateAppliesFromNextBucket() {
        String jobId = "rules-job-update";
        openJob(jobId, countByHost(""));
        Random random = new Random(SEED);
        postData(jobId, traffic(random, 0, 24 * 7 + 4, 24 * 7 + 3, List.of("host-a")));
        flush(jobId, "");

        TestApi.Response updated = api.postJson(path(jobId, "_update"), """
                {"detectors": [{"detector_index": 0, "custom_rules": [{"actions": ["skip_result"],
                  "conditions": [{"applies_to": "actual", "operator": "gt", "value": 200}]}]}]}
                """);
        postData(jobId, traffic(random, 24 * 7 + 4, 24 * 8, 24 * 7 + 10, List.of("host-a")));
        flush(jobId, "");

        assertThat(updated.status()).as("update: %s", updated.body()).isEqualTo(200);
        assertThat(recordsOf(jobId, "host-a"))
                .extracting(LifecycleApiTest::time)
                .contains(T0 + (24 * 7 + 3) * HOUR)
                .doesNotContain(T0 + (24 * 7 + 10) * HOUR);
    }

    @Test
    void skipModelUpdateKeepsOutageOutOfModel() {
        String job = """
                {"analysis_config": {"bucket_span": "1h", "detectors": [{"function": "count"%s}]},
                 "data_description": {"time_field": "time", "time_format": "epoch_ms"}}
                """;
        String rules = ", \"custom_rules\": [{\"actions\": [\"skip_model_update\"], "
                + "\"conditions\": [{\"applies_to\": \"actual\", \"operator\": \"lt\", \"value\": 10}]}]";
        openJob("rules-skip-model-update", job.formatted(rules));
        openJob("rules-skip-model-update-control", job.formatted(""));
        int outageStart = 24 * 7;
        int outageEnd = outageStart + 48;
        int dipHour = outageEnd + 6;
        String data = outage(new Random(SEED), outageStart, outageEnd, dipHour);

        for (String jobId : List.of("rules-skip-model-update", "rules-skip-model-update-control")) {
            postData(jobId, data);
            flush(jobId, "");
        }

        long dip = T0 + dipHour * HOUR;
        List<Map<String, Object>> withRule = results("rules-skip-model-update", "records", "").stream()
                .filter(record -> time(record) == dip)
                .toList();
        List<Map<String, Object>> control = results("rules-skip-model-update-control", "records", "").stream()
                .filter(record -> time(record) == dip)
                .toList();
        assertThat(withRule).as("record of the dip after the outage, rule on").hasSize(1);
        assertThat(typical(withRule.get(0))).isGreaterThan(80.0);
        assertThat(control)
                .as("record of the dip after the outage, no rule")
                .allSatisfy(record ->
                        assertThat(number(record, "record_score")).isLessThan(number(withRule.get(0), "record_score")));
    }

    /** Returns about 100 events an hour for 10 days, none in [outageStart, outageEnd), and 40 in the dip hour. */
    private static String outage(Random random, int outageStart, int outageEnd, int dipHour) {
        StringBuilder body = new StringBuilder();
        for (int hour = 0; hour < 24 * 10; hour++) {
            int events = 100 + (int) Math.round(4.0 * random.nextGaussian());
            if (hour >= outageStart && hour < outageEnd) {
                events = 0;
            } else if (hour == dipHour) {
                events = 40;
            }
            for (int i = 0; i < events; i++) {
                body.append(line(T0 + hour * HOUR + i * (HOUR / events), ""));
            }
        }
        return body.toString();
    }

    @SuppressWarnings("unchecked")
    private static double typical(Map<String, Object> record) {
        return ((List<Number>) record.get("typical")).get(0).doubleValue();
    }
}
