package io.vigil.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.job.JobApi.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AnalysisConfigValidationTest extends JobApiTest {

    private static final String CATEGORY_DETECTORS = "\"detectors\":[{\"function\":\"mean\",\"field_name\":"
            + "\"responsetime\",\"by_field_name\":\"airline\"},{\"function\":\"count\",\"by_field_name\":\"mlcategory\"}]";

    private Response createWithAnalysis(String analysisMembers) {
        return api.putJob("analysis", "{\"analysis_config\":{" + analysisMembers + "},\"data_description\":{}}");
    }

    @Test
    void bucketSpanMustBePositiveWholeSeconds() {
        Response zero = api.putJob("span", JobBodies.withAnalysis("\"bucket_span\":\"0s\""));
        Response fraction = api.putJob("span", JobBodies.withAnalysis("\"bucket_span\":\"1500ms\""));
        Response noUnit = api.putJob("span", JobBodies.withAnalysis("\"bucket_span\":\"60\""));
        Response fractional = api.putJob("span", JobBodies.withAnalysis("\"bucket_span\":\"1.5h\""));

        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.reason())
                .isEqualTo(
                        "bucket_span cannot be less or equal than 0. Value = 0s; use a positive time value such as 5m");
        assertThat(fraction.reason()).isEqualTo("bucket_span has to be a multiple of 1s; actual was '1500ms'");
        assertThat(noUnit.reason()).startsWith("failed to parse setting [bucket_span] with value [60] as a time value");
        assertThat(fractional.reason())
                .isEqualTo("failed to parse setting [bucket_span] with value [1.5h] as a time value: fractional time "
                        + "values are not supported; use a whole number of a smaller unit, for example [90m] for 1.5h");
    }

    @Test
    void bucketSpanKeepsItsUnit() {
        Response response = api.putJob("span", JobBodies.withAnalysis("\"bucket_span\":\"3600000ms\""));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().at("/analysis_config/bucket_span").asString())
                .isEqualTo("3600000ms");
        assertThat(response.warnings()).isEmpty();
    }

    @Test
    void bucketSpanNotDividingADayIsDeprecated() {
        Response response = api.putJob("span", JobBodies.withAnalysis("\"bucket_span\":\"17m\""));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.warnings()).hasSize(1);
        assertThat(response.warnings().get(0)).startsWith("299 Vigil-");
        assertThat(response.warnings().get(0))
                .endsWith("\"bucket_span 17m [1020s] is not an integral divisor of the "
                        + "number of seconds in 1d [86400s]. This is now deprecated.\"");
    }

    @Test
    void latencyMustNotBeNegative() {
        Response negative = api.putJob("latency", JobBodies.withAnalysis("\"latency\":\"-1s\""));
        Response valid = api.putJob("latency", JobBodies.withAnalysis("\"latency\":\"0s\""));

        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.reason()).isEqualTo("latency cannot be less than 0. Value = -1s");
        assertThat(valid.status()).isEqualTo(200);
        assertThat(valid.body().at("/analysis_config/latency").asString()).isEqualTo("0s");
    }

    @Test
    void modelPruneWindowMustCoverWholeBuckets() {
        Response notMultiple =
                api.putJob("prune", JobBodies.withAnalysis("\"bucket_span\":\"1h\",\"model_prune_window\":\"90m\""));
        Response tooShort =
                api.putJob("prune", JobBodies.withAnalysis("\"bucket_span\":\"1h\",\"model_prune_window\":\"1h\""));
        Response valid =
                api.putJob("prune", JobBodies.withAnalysis("\"bucket_span\":\"1h\",\"model_prune_window\":\"30d\""));

        assertThat(notMultiple.status()).isEqualTo(400);
        assertThat(notMultiple.reason()).isEqualTo("model_prune_window [90m] must be a multiple of bucket_span [1h]");
        assertThat(tooShort.reason())
                .isEqualTo("model_prune_window [1h] must be at least 2 times greater than bucket_span [1h]");
        assertThat(valid.body().at("/analysis_config/model_prune_window").asString())
                .isEqualTo("30d");
    }

    @Test
    void timeFieldCannotBeAnalysed() {
        Response byField = api.putJob(
                "time",
                "{\"analysis_config\":{\"bucket_span\":\"1h\",\"detectors\":[{"
                        + "\"function\":\"rare\",\"by_field_name\":\"@timestamp\"}]},\"data_description\":{\"time_field\":"
                        + "\"@timestamp\"}}");
        Response metricField =
                api.putJob("time", JobBodies.withDetectors("{\"function\":\"mean\",\"field_name\":\"time\"}"));

        assertThat(byField.status()).isEqualTo(400);
        assertThat(byField.errorType()).isEqualTo("illegal_argument_exception");
        assertThat(metricField.reason())
                .isEqualTo("data_description.time_field may not be used in the analysis_config");
    }

    @Test
    void summaryCountFieldExcludesMetric() {
        Response response = createWithAnalysis(
                "\"summary_count_field_name\":\"doc_count\",\"detectors\":[{\"function\":\"metric\",\"field_name\":\"v\"}]");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.reason())
                .isEqualTo("The 'metric' function cannot be used in jobs that will take pre-summarized input");
    }

    @Test
    void nestedFieldClashIsRejected() {
        Response response = createWithAnalysis(
                "\"detectors\":[{\"function\":\"count\",\"by_field_name\":\"a\"}],\"influencers\":[\"a.b\"]");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.reason()).isEqualTo("Fields [a] and [a.b] cannot both be used in the same analysis_config");
    }

    @Test
    void defaultCategorizationAnalyzerCarriesTheFilters() {
        Response response = createWithAnalysis(
                CATEGORY_DETECTORS
                        + ",\"categorization_field_name\":\"some_category\",\"categorization_filters\":[\"cat1.*\",\"cat2.*\"]");

        JsonNode analysis = response.body().path("analysis_config");
        assertThat(response.status()).isEqualTo(200);
        assertThat(analysis.at("/categorization_analyzer/filter").size()).isEqualTo(1);
        assertThat(analysis.at("/categorization_analyzer/filter/0/type").asString())
                .isEqualTo("stop");
        assertThat(analysis.at("/categorization_analyzer/tokenizer").asString()).isEqualTo("ml_standard");
        assertThat(analysis.at("/categorization_analyzer/char_filter").size()).isEqualTo(3);
        assertThat(analysis.at("/categorization_analyzer/char_filter/0").asString())
                .isEqualTo("first_non_blank_line");
        assertThat(analysis.at("/categorization_analyzer/char_filter/1/pattern").asString())
                .isEqualTo("cat1.*");
        assertThat(analysis.at("/categorization_analyzer/char_filter/2/pattern").asString())
                .isEqualTo("cat2.*");
        assertThat(analysis.at("/categorization_analyzer/char_filter/2/type").asString())
                .isEqualTo("pattern_replace");
        assertThat(analysis.has("categorization_filters")).isFalse();
        assertThat(analysis.at("/per_partition_categorization/enabled").asBoolean())
                .isFalse();
        assertThat(analysis.at("/per_partition_categorization/stop_on_warn").asBoolean())
                .isFalse();
    }

    @Test
    void namedAndCustomAnalyzersAreKept() {
        Response named = api.putJob(
                "named",
                "{\"analysis_config\":{" + CATEGORY_DETECTORS
                        + ",\"categorization_field_name\":\"some_category\",\"categorization_analyzer\":\"standard\"},"
                        + "\"data_description\":{}}");
        Response custom = api.putJob(
                "custom",
                "{\"analysis_config\":{" + CATEGORY_DETECTORS
                        + ",\"categorization_field_name\":\"some_category\",\"categorization_analyzer\":{\"char_filter\":"
                        + "[\"html_strip\"],\"tokenizer\":\"classic\",\"filter\":[\"stop\"]}},\"data_description\":{}}");

        assertThat(named.body().at("/analysis_config/categorization_analyzer").asString())
                .isEqualTo("standard");
        assertThat(custom.body()
                        .at("/analysis_config/categorization_analyzer/char_filter/0")
                        .asString())
                .isEqualTo("html_strip");
        assertThat(custom.body()
                        .at("/analysis_config/categorization_analyzer/tokenizer")
                        .asString())
                .isEqualTo("classic");
        assertThat(custom.body()
                        .at("/analysis_config/categorization_analyzer/filter/0")
                        .asString())
                .isEqualTo("stop");
    }

    @Test
    void categorizationRulesAreEnforced() {
        String categorizing = CATEGORY_DETECTORS + ",\"categorization_field_name\":\"message\"";
        Map<String, String> cases = Map.of(
                "\"detectors\":[{\"function\":\"count\",\"by_field_name\":\"mlcategory\"}]",
                "categorization_field_name must be set for mlcategory to be available",
                "\"detectors\":[{\"function\":\"count\"}],\"categorization_field_name\":\"message\"",
                "categorization_field_name is set but mlcategory is not used in any detector by/over/partition field",
                categorizing + ",\"categorization_filters\":[\"a\"],\"categorization_analyzer\":\"standard\"",
                "categorization_filters cannot be used with categorization_analyzer - instead specify them as "
                        + "pattern_replace char_filters in the analyzer",
                categorizing + ",\"categorization_filters\":[\"a\",\"a\"]",
                "categorization_filters contain duplicates",
                categorizing + ",\"categorization_filters\":[\"\"]",
                "categorization_filters are not allowed to contain empty strings",
                categorizing + ",\"categorization_filters\":[\"(unclosed\"]",
                "categorization_filters contains invalid regular expression '(unclosed'",
                categorizing + ",\"categorization_analyzer\":{\"char_filter\":[\"html_strip\"]}",
                "categorization_analyzer that is not a global analyzer must specify a [tokenizer] field",
                categorizing + ",\"categorization_analyzer\":{\"tokenizer\":\"classic\",\"bogus\":1}",
                "Parameter [bogus] in [categorization_analyzer] is unknown or of the wrong type [VALUE_NUMBER]",
                categorizing + ",\"categorization_analyzer\":[\"standard\"]",
                "[categorization_analyzer] should be analyzer's name or settings [START_ARRAY]");

        cases.forEach((members, message) -> {
            Response response = createWithAnalysis(members);
            assertThat(response.status()).as(members).isEqualTo(400);
            assertThat(response.reason()).as(members).isEqualTo(message);
        });
    }

    @Test
    void perPartitionCategorizationNeedsOnePartitionField() {
        String detectors =
                "\"categorization_field_name\":\"message\",\"per_partition_categorization\":{\"enabled\":true},"
                        + "\"detectors\":[{\"function\":\"count\",\"by_field_name\":\"mlcategory\",\"partition_field_name\":";
        Response valid = createWithAnalysis(detectors + "\"host\"}]");
        api.delete("/_ml/anomaly_detectors/analysis");
        Response missing = createWithAnalysis(
                "\"categorization_field_name\":\"message\",\"per_partition_categorization\":{\"enabled\":true},"
                        + "\"detectors\":[{\"function\":\"count\",\"by_field_name\":\"mlcategory\"}]");
        Response varying = createWithAnalysis(
                detectors + "\"host\"},{\"function\":\"count\",\"partition_field_name\":" + "\"region\"}]");
        Response stopWithoutEnabled = createWithAnalysis(CATEGORY_DETECTORS + ",\"categorization_field_name\":\"m\","
                + "\"per_partition_categorization\":{\"stop_on_warn\":true}");

        assertThat(valid.status()).isEqualTo(200);
        assertThat(valid.body()
                        .at("/analysis_config/per_partition_categorization/enabled")
                        .asBoolean())
                .isTrue();
        assertThat(missing.reason())
                .isEqualTo("partition_field_name must be set for detectors that reference "
                        + "mlcategory when per-partition categorization is enabled");
        assertThat(varying.reason())
                .isEqualTo("partition_field_name cannot vary between detectors when per-partition "
                        + "categorization is enabled: [host] and [region] are used");
        assertThat(stopWithoutEnabled.reason())
                .isEqualTo("stop_on_warn cannot be true in per_partition_categorization when enabled is false");
    }
}
