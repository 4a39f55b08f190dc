package io.vigil.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.job.JobApi.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class DetectorValidationTest extends JobApiTest {

    private Response create(String detectors) {
        return api.putJob("detectors", JobBodies.withDetectors(detectors));
    }

    private JsonNode createdDetector(String detector) {
        Response response = create(detector);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        api.delete("/_ml/anomaly_detectors/detectors");
        return response.body().at("/analysis_config/detectors/0");
    }

    @Test
    void aliasesAreExpanded() {
        Map<String, String> aliases = Map.of(
                "{\"function\":\"nzc\",\"by_field_name\":\"airline\"}", "non_zero_count",
                "{\"function\":\"high_nzc\"}", "high_non_zero_count",
                "{\"function\":\"low_nzc\"}", "low_non_zero_count",
                "{\"function\":\"dc\",\"field_name\":\"ip\"}", "distinct_count",
                "{\"function\":\"high_dc\",\"field_name\":\"ip\"}", "high_distinct_count",
                "{\"function\":\"low_dc\",\"field_name\":\"ip\"}", "low_distinct_count",
                "{\"function\":\"avg\",\"field_name\":\"bytes\"}", "mean",
                "{\"function\":\"high_avg\",\"field_name\":\"bytes\"}", "high_mean",
                "{\"function\":\"low_avg\",\"field_name\":\"bytes\"}", "low_mean");

        aliases.forEach((detector, fullName) -> assertThat(
                        createdDetector(detector).path("function").asString())
                .as(detector)
                .isEqualTo(fullName));
    }

    @Test
    void descriptionIsGeneratedInElasticsearchFormat() {
        String full = "{\"function\":\"mean\",\"field_name\":\"bytes\",\"by_field_name\":\"host\","
                + "\"partition_field_name\":\"region\"}";
        String population = "{\"function\":\"count\",\"over_field_name\":\"client.ip\",\"use_null\":true,"
                + "\"exclude_frequent\":\"OVER\"}";

        assertThat(createdDetector(full).path("detector_description").asString())
                .isEqualTo("mean(bytes) by host partitionfield=region");
        JsonNode detector = createdDetector(population);
        assertThat(detector.path("detector_description").asString())
                .isEqualTo("count over \"client.ip\" usenull=true excludefrequent=over");
        assertThat(detector.path("exclude_frequent").asString()).isEqualTo("over");
        assertThat(detector.path("use_null").asBoolean()).isTrue();
    }

    @Test
    void givenDescriptionIsKept() {
        JsonNode detector = createdDetector("{\"function\":\"count\",\"detector_description\":\"events\"}");

        assertThat(detector.path("detector_description").asString()).isEqualTo("events");
        assertThat(detector.has("use_null")).isFalse();
    }

    @Test
    void detectorIndexIsReassigned() {
        Response response = create("{\"function\":\"count\",\"detector_index\":7},"
                + "{\"function\":\"max\",\"field_name\":\"bytes\",\"detector_index\":3}");

        assertThat(response.body()
                        .at("/analysis_config/detectors/0/detector_index")
                        .asInt())
                .isZero();
        assertThat(response.body()
                        .at("/analysis_config/detectors/1/detector_index")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void invalidDetectorsAreRejectedWithElasticsearchMessages() {
        Map<String, String> cases = Map.ofEntries(
                Map.entry("{\"function\":\"bogus\"}", "Unknown function 'bogus'"),
                Map.entry(
                        "{\"function\":\"mean\"}",
                        "Unless a count or temporal function is used one of "
                                + "field_name, by_field_name or over_field_name must be set; detector [0] uses "
                                + "function 'mean', so set its field_name to the field it reads"),
                Map.entry(
                        "{\"function\":\"mean\",\"by_field_name\":\"a\"}",
                        "field_name must be set when the 'mean' function is used"),
                Map.entry(
                        "{\"function\":\"count\",\"field_name\":\"bytes\"}",
                        "field_name cannot be used with function 'count'"),
                Map.entry(
                        "{\"function\":\"time_of_day\",\"field_name\":\"bytes\"}",
                        "field_name cannot be used with function 'time_of_day'"),
                Map.entry(
                        "{\"function\":\"rare\"}",
                        "Unless a count or temporal function is used one of "
                                + "field_name, by_field_name or over_field_name must be set; detector [0] uses "
                                + "function 'rare', so set its by_field_name to the field whose values it judges"),
                Map.entry(
                        "{\"function\":\"rare\",\"over_field_name\":\"a\"}",
                        "by_field_name must be set when the 'rare' function is used"),
                Map.entry(
                        "{\"function\":\"freq_rare\",\"by_field_name\":\"a\"}",
                        "over_field_name must be set when the 'freq_rare' function is used"),
                Map.entry(
                        "{\"function\":\"non_zero_count\",\"over_field_name\":\"a\"}",
                        "over_field_name cannot be used with function 'non_zero_count'"),
                Map.entry(
                        "{\"function\":\"count\",\"by_field_name\":\"a\",\"partition_field_name\":\"a\"}",
                        "partition_field_name and by_field_name cannot be the same: 'a'"),
                Map.entry(
                        "{\"function\":\"count\",\"by_field_name\":\"a\",\"over_field_name\":\"a\"}",
                        "by_field_name and over_field_name cannot be the same: 'a'"),
                Map.entry(
                        "{\"function\":\"count\",\"by_field_name\":\"count\"}",
                        "'count' is not a permitted value for by_field_name"),
                Map.entry(
                        "{\"function\":\"count\",\"over_field_name\":\"by\"}",
                        "'by' is not a permitted value for over_field_name"),
                Map.entry(
                        "{\"function\":\"count\",\"by_field_name\":\"over\"}",
                        "'over' is not a permitted value for by_field_name"),
                Map.entry(
                        "{\"function\":\"count\",\"by_field_name\":\"a\\\"b\"}",
                        "Invalid field name 'a\"b'. Field "
                                + "names including over, by and partition fields cannot contain any of these characters: \",\\"),
                Map.entry(
                        "{\"function\":\"count\",\"by_field_name\":\"a\\\\b\"}",
                        "Invalid field name 'a\\b'. Field "
                                + "names including over, by and partition fields cannot contain any of these characters: \",\\"),
                Map.entry(
                        "{\"function\":\"count\",\"exclude_frequent\":\"some\"}",
                        "exclude_frequent [some] is not supported; use one of [all, none, by, over]"),
                Map.entry(
                        "{\"by_field_name\":\"a\"}",
                        "function is missing in detector [0]; set it to a detector "
                                + "function such as count, mean or rare"));

        cases.forEach((detector, message) -> {
            Response response = create(detector);
            assertThat(response.status()).as(detector).isEqualTo(400);
            assertThat(response.reason()).as(detector).isEqualTo(message);
        });
    }

    @Test
    void unknownFunctionIsAnIllegalArgument() {
        Response response = create("{\"function\":\"bogus\"}");

        assertThat(response.errorType()).isEqualTo("illegal_argument_exception");
    }

    @Test
    void missingDetectorsAreRejected() {
        Response none = api.putJob("detectors", "{\"analysis_config\":{\"detectors\":[]},\"data_description\":{}}");
        Response absent = api.putJob("detectors", "{\"analysis_config\":{},\"data_description\":{}}");

        assertThat(none.status()).isEqualTo(400);
        assertThat(none.reason()).isEqualTo("No detectors configured");
        assertThat(absent.reason()).isEqualTo("No detectors configured");
    }

    @Test
    void duplicateDetectorsAreRejected() {
        Response plain = create("{\"function\":\"max\",\"field_name\":\"responsetime\"},"
                + "{\"function\":\"max\",\"field_name\":\"responsetime\"}");
        Response withIndexes = create("{\"function\":\"max\",\"field_name\":\"responsetime\",\"detector_index\":0},"
                + "{\"function\":\"max\",\"field_name\":\"responsetime\",\"detector_index\":1}");

        assertThat(plain.status()).isEqualTo(400);
        assertThat(plain.errorType()).isEqualTo("illegal_argument_exception");
        assertThat(plain.reason()).isEqualTo("Duplicate detectors are not allowed: [max(responsetime)]");
        assertThat(withIndexes.reason()).isEqualTo("Duplicate detectors are not allowed: [max(responsetime)]");
    }

    @Test
    void everyFunctionIsAccepted() {
        Map<String, String> detectors = Map.ofEntries(
                Map.entry("count", "{\"function\":\"count\"}"),
                Map.entry("high_count", "{\"function\":\"high_count\"}"),
                Map.entry("low_count", "{\"function\":\"low_count\"}"),
                Map.entry("rare", "{\"function\":\"rare\",\"by_field_name\":\"a\"}"),
                Map.entry(
                        "freq_rare", "{\"function\":\"freq_rare\",\"by_field_name\":\"a\",\"over_field_name\":\"b\"}"),
                Map.entry("info_content", "{\"function\":\"info_content\",\"field_name\":\"q\"}"),
                Map.entry("metric", "{\"function\":\"metric\",\"field_name\":\"v\"}"),
                Map.entry("median", "{\"function\":\"low_median\",\"field_name\":\"v\"}"),
                Map.entry("min", "{\"function\":\"min\",\"field_name\":\"v\"}"),
                Map.entry("sum", "{\"function\":\"high_sum\",\"field_name\":\"v\"}"),
                Map.entry("non_null_sum", "{\"function\":\"non_null_sum\",\"field_name\":\"v\"}"),
                Map.entry("varp", "{\"function\":\"varp\",\"field_name\":\"v\"}"),
                Map.entry("time_of_week", "{\"function\":\"time_of_week\",\"by_field_name\":\"a\"}"),
                Map.entry("lat_long", "{\"function\":\"lat_long\",\"field_name\":\"location\"}"));

        detectors.forEach((name, detector) -> {
            Response response = api.putJob(name.replace('_', '-'), JobBodies.withDetectors(detector));
            assertThat(response.status()).as(name + ": " + response.reason()).isEqualTo(200);
        });
    }
}
