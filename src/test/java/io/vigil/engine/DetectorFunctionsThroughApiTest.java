package io.vigil.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.process.ServiceTest;
import io.vigil.process.TestApi;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Population, rare and location jobs created, fed and read through the HTTP API with the service's own models: their
 * records reach PostgreSQL and come back from the records endpoint with causes, rarity and geo_results.
 */
class DetectorFunctionsThroughApiTest extends ServiceTest {

    private static final long H0 = 1_600_000_000_000L / 3_600_000 * 3_600_000;
    private static final long HOUR = 3_600_000L;
    private static final int HOURS = 24 * 7;

    private void createAndOpen(String jobId, String analysisConfig) {
        String body = "{\"analysis_config\":" + analysisConfig
                + ",\"data_description\":{\"time_field\":\"time\",\"time_format\":\"epoch_ms\"}}";
        TestApi.Response created = api.send(HttpRequest.newBuilder(api.uri("/_ml/anomaly_detectors/" + jobId))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(created.status()).as("create %s: %s", jobId, created.body()).isEqualTo(200);
        TestApi.Response opened = api.post(path(jobId, "_open"));
        assertThat(opened.status()).as("open %s: %s", jobId, opened.body()).isEqualTo(200);
    }

    private void post(String jobId, StringBuilder body) {
        assertThat(api.post(path(jobId, "_data"), "application/x-ndjson", body.toString())
                        .status())
                .isEqualTo(200);
    }

    private static void line(StringBuilder body, long time, String... fieldsAndValues) {
        body.append("{\"time\":").append(time);
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            body.append(",\"")
                    .append(fieldsAndValues[i])
                    .append("\":\"")
                    .append(fieldsAndValues[i + 1])
                    .append('"');
        }
        body.append("}\n");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> topRecords(String jobId) {
        TestApi.Response response = api.postJson(path(jobId, "results/records"), "{\"sort\":\"record_score\"}");
        assertThat(response.status())
                .as("records of %s: %s", jobId, response.body())
                .isEqualTo(200);
        return (List<Map<String, Object>>) response.body().get("records");
    }

    @Test
    @SuppressWarnings("unchecked")
    void populationRecordHasCauses() {
        String jobId = "population-api";
        createAndOpen(jobId, """
                {"bucket_span":"1h","influencers":["user"],"detectors":[
                  {"function":"count","by_field_name":"action","over_field_name":"user"}]}""");
        StringBuilder body = new StringBuilder();
        for (int hour = 0; hour <= HOURS + 1; hour++) {
            for (int user = 0; user < 20; user++) {
                int count = hour == HOURS && user == 4 ? 400 : 3 + (hour + user) % 3;
                for (int i = 0; i < count; i++) {
                    String action = i % 2 == 0 ? "read" : "write";
                    long time = H0 + hour * HOUR + user * 100_000L + i * 200L;
                    line(body, time, "user", "user-" + user, "action", action);
                }
            }
        }
        post(jobId, body);
        api.post(path(jobId, "_close"));

        Map<String, Object> record = topRecords(jobId).get(0);
        assertThat(record.get("timestamp")).isEqualTo(H0 + HOURS * HOUR);
        assertThat(record.get("over_field_name")).isEqualTo("user");
        assertThat(record.get("over_field_value")).isEqualTo("user-4");
        assertThat(record).doesNotContainKeys("actual", "typical", "by_field_value");
        assertThat(record.get("user")).isEqualTo(List.of("user-4"));
        List<Map<String, Object>> causes = (List<Map<String, Object>>) record.get("causes");
        assertThat(causes).isNotEmpty();
        assertThat(causes.get(0).get("by_field_name")).isEqualTo("action");
        assertThat(causes.get(0).get("over_field_value")).isEqualTo("user-4");
        assertThat(causes.get(0).get("function")).isEqualTo("count");
        assertThat((List<Double>) causes.get(0).get("actual")).first().isEqualTo(200.0);
        assertThat((Double) record.get("record_score")).isGreaterThan(50.0);
        Map<String, Object> stats = api.get(path(jobId, "_stats")).get("jobs.0.model_size_stats");
        assertThat(stats.get("total_over_field_count")).isEqualTo(20);
        assertThat(stats.get("total_by_field_count")).isEqualTo(2);
    }

    @Test
    @SuppressWarnings("unchecked")
    void newLogCategoryBecomesRareRecord() {
        String jobId = "rare-category-api";
        createAndOpen(jobId, """
                {"bucket_span":"1h","categorization_field_name":"message","detectors":[
                  {"function":"rare","by_field_name":"mlcategory"}]}""");
        StringBuilder body = new StringBuilder();
        for (int hour = 0; hour <= HOURS + 1; hour++) {
            for (int i = 0; i < 10; i++) {
                long time = H0 + hour * HOUR + i * 60_000L;
                line(body, time, "message", "user alice" + i + " logged in from 10.0.0." + i);
                line(body, time + 1000, "message", "disk usage at " + (50 + i) + " percent on volume data");
            }
            if (hour == HOURS) {
                line(body, H0 + hour * HOUR + 30 * 60_000L, "message", "kernel panic not syncing fatal exception");
            }
        }
        post(jobId, body);
        api.post(path(jobId, "_close"));

        List<Map<String, Object>> records = topRecords(jobId);
        assertThat(records).isNotEmpty();
        Map<String, Object> record = records.stream()
                .filter(candidate -> candidate.get("timestamp").equals(H0 + HOURS * HOUR))
                .findFirst()
                .orElseThrow();
        assertThat(record.get("function")).isEqualTo("rare");
        assertThat(record.get("by_field_name")).isEqualTo("mlcategory");
        Map<String, Object> explanation = (Map<String, Object>) record.get("anomaly_score_explanation");
        assertThat(explanation.get("by_field_first_occurrence")).isEqualTo(true);
        String category = (String) record.get("by_field_value");
        Map<String, Object> definition =
                api.get(path(jobId, "results/categories/" + category)).get("categories.0");
        assertThat((List<String>) definition.get("examples"))
                .containsExactly("kernel panic not syncing fatal exception");
    }

    @Test
    @SuppressWarnings("unchecked")
    void locationRecordHasGeoResults() {
        String jobId = "lat-long-api";
        createAndOpen(jobId, """
                {"bucket_span":"1h","detectors":[
                  {"function":"lat_long","field_name":"location","by_field_name":"card"}]}""");
        StringBuilder body = new StringBuilder();
        for (int hour = 0; hour <= HOURS + 1; hour++) {
            String location = hour == HOURS ? "-33.87,151.21" : "40.7" + hour % 10 + ",-74.0" + hour % 7;
            line(body, H0 + hour * HOUR, "card", "card-1", "location", location);
        }
        post(jobId, body);
        api.post(path(jobId, "_close"));

        Map<String, Object> record = topRecords(jobId).get(0);
        assertThat(record.get("timestamp")).isEqualTo(H0 + HOURS * HOUR);
        Map<String, Object> geo = (Map<String, Object>) record.get("geo_results");
        assertThat(geo.get("actual_point")).isEqualTo("-33.87,151.21");
        assertThat((String) geo.get("typical_point")).startsWith("40.7");
        assertThat(record.get("actual")).isEqualTo(List.of(-33.87, 151.21));
    }
}
