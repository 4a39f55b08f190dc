package io.vigil.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.job.JobApi.Response;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CustomRulesTest extends JobApiTest {

    @BeforeEach
    void createFilter() {
        api.put("/_ml/filters/safe_countries", "{\"items\":[\"uk\",\"fr\"]}");
    }

    private Response createWithRule(String function, String rule) {
        return api.putJob(
                "rules",
                JobBodies.withDetectors(
                        "{" + function + ",\"by_field_name\":\"country\",\"custom_rules\":[" + rule + "]}"));
    }

    @Test
    void rulesRoundTripWithDefaults() {
        api.putJob(
                "jobs-crud-rules",
                "{\"analysis_config\":{\"detectors\":[{\"function\":\"count\","
                        + "\"by_field_name\":\"country\",\"custom_rules\":[{\"actions\":[\"skip_result\",\"skip_model_update\"],"
                        + "\"scope\":{\"country\":{\"filter_id\":\"safe_countries\"}},\"conditions\":[{\"applies_to\":\"actual\","
                        + "\"operator\":\"lt\",\"value\":33.3},{\"applies_to\":\"typical\",\"operator\":\"lte\",\"value\":42.0}]}]}]},"
                        + "\"data_description\":{}}");

        JsonNode rules = api.get("/_ml/anomaly_detectors/jobs-crud-rules")
                .body()
                .at("/jobs/0/analysis_config/detectors/0/custom_rules");

        assertThat(rules.toString())
                .isEqualTo("[{\"actions\":[\"skip_result\",\"skip_model_update\"],"
                        + "\"scope\":{\"country\":{\"filter_id\":\"safe_countries\",\"filter_type\":\"include\"}},"
                        + "\"conditions\":[{\"applies_to\":\"actual\",\"operator\":\"lt\",\"value\":33.3},"
                        + "{\"applies_to\":\"typical\",\"operator\":\"lte\",\"value\":42.0}]}]");
    }

    @Test
    void actionsDefaultToSkipResult() {
        Response response = createWithRule(
                "\"function\":\"count\"",
                "{\"conditions\":[{\"applies_to\":\"diff_from_typical\",\"operator\":\"gte\",\"value\":5}]}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()
                        .at("/analysis_config/detectors/0/custom_rules/0/actions")
                        .toString())
                .isEqualTo("[\"skip_result\"]");
    }

    @Test
    void invalidRulesAreRejected() {
        String count = "\"function\":\"count\"";
        Map<String, String> cases = Map.ofEntries(
                Map.entry("{}", "Invalid detector rule: at least scope or a condition is required"),
                Map.entry(
                        "{\"actions\":[\"skip_everything\"],\"scope\":{\"country\":{\"filter_id\":\"safe_countries\"}}}",
                        "Invalid detector rule: actions [skip_everything] is not supported; use one of "
                                + "[skip_result, skip_model_update]"),
                Map.entry(
                        "{\"scope\":{\"city\":{\"filter_id\":\"safe_countries\"}}}",
                        "Invalid detector rule: scope field 'city' is invalid; select from [country]"),
                Map.entry(
                        "{\"scope\":{\"country\":{\"filter_id\":\"safe_countries\",\"filter_type\":\"only\"}}}",
                        "Invalid detector rule: filter_type [only] is not supported; use one of [include, exclude]"),
                Map.entry(
                        "{\"conditions\":[{\"applies_to\":\"actuals\",\"operator\":\"gt\",\"value\":1}]}",
                        "Invalid detector rule: applies_to [actuals] is not supported; use one of "
                                + "[actual, typical, diff_from_typical, time]"),
                Map.entry(
                        "{\"conditions\":[{\"applies_to\":\"actual\",\"operator\":\"eq\",\"value\":1}]}",
                        "Invalid detector rule: operator [eq] is not supported; use one of [gt, gte, lt, lte]"),
                Map.entry(
                        "{\"conditions\":[{\"applies_to\":\"actual\",\"operator\":\"gt\",\"value\":\"NaN\"}]}",
                        "Invalid detector rule: condition value [NaN] is not a finite number; use a number such as 10"),
                Map.entry(
                        "{\"conditions\":[{\"applies_to\":\"typical\",\"operator\":\"lt\",\"value\":1e999}]}",
                        "Invalid detector rule: condition value [Infinity] is not a finite number; use a number such "
                                + "as 10"),
                Map.entry(
                        "{\"conditions\":[{\"applies_to\":\"actual\",\"operator\":\"gt\"}]}",
                        "Invalid detector rule: a condition is missing value; each condition needs applies_to, "
                                + "operator and value, for example {\"applies_to\": \"actual\", \"operator\": \"gt\", "
                                + "\"value\": 10}"));

        cases.forEach((rule, message) -> {
            Response response = createWithRule(count, rule);
            assertThat(response.status()).as(rule).isEqualTo(400);
            assertThat(response.reason()).as(rule).isEqualTo(message);
        });
    }

    @Test
    void valueConditionsAreRejectedForSomeFunctions() {
        String condition = "{\"conditions\":[{\"applies_to\":\"actual\",\"operator\":\"gt\",\"value\":1}]}";
        Map<String, String> functions = Map.of(
                "rare", "\"function\":\"rare\"",
                "freq_rare", "\"function\":\"freq_rare\",\"over_field_name\":\"client\"",
                "metric", "\"function\":\"metric\",\"field_name\":\"bytes\"",
                "lat_long", "\"function\":\"lat_long\",\"field_name\":\"location\"");

        functions.forEach((name, function) -> {
            Response response = createWithRule(function, condition);
            assertThat(response.status()).as(name).isEqualTo(400);
            assertThat(response.reason())
                    .as(name)
                    .isEqualTo(
                            "Invalid detector rule: function " + name + " only supports conditions that apply to time");
        });
    }

    @Test
    void timeConditionsAreAllowedForRare() {
        String timeCondition = "{\"conditions\":[{\"applies_to\":\"time\",\"operator\":\"gt\",\"value\":1}]}";

        Response response = createWithRule("\"function\":\"rare\"", timeCondition);

        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void scopeNeedsDetectorFields() {
        Response response = api.putJob(
                "rules",
                JobBodies.withDetectors("{\"function\":\"count\",\"custom_rules\":"
                        + "[{\"scope\":{\"country\":{\"filter_id\":\"safe_countries\"}}}]}"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.reason())
                .isEqualTo("Invalid detector rule: scope field 'country' is invalid; detector "
                        + "has no available fields for scoping");
    }

    @Test
    void referencedFilterMustExist() {
        Response response = createWithRule(
                "\"function\":\"count\"",
                "{\"scope\":{\"country\":{\"filter_id\":\"missing_filter\",\"filter_type\":\"exclude\"}}}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.reason())
                .isEqualTo("No filter with id [missing_filter] exists; create it with PUT "
                        + "_ml/filters/missing_filter before a custom rule refers to it");
    }
}
