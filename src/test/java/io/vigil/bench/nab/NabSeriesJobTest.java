package io.vigil.bench.nab;

import static io.vigil.bench.nab.NabFixtures.series;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class NabSeriesJobTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void jobIdIsValidForEverySeriesName() {
        assertThat(NabSeriesJob.jobIdOf("realKnownCause/nyc_taxi.csv")).isEqualTo("nab-realknowncause-nyc-taxi");
        assertThat(NabSeriesJob.jobIdOf("realAdExchange/exchange-2_cpc_results.csv"))
                .isEqualTo("nab-realadexchange-exchange-2-cpc-results");
        String longName = "realKnownCause/" + "x".repeat(55) + "_y.csv";
        assertThat(NabSeriesJob.jobIdOf(longName)).hasSize(64).matches("[a-z0-9][a-z0-9_-]*[a-z0-9]");
        assertThat(NabSeriesJob.jobIdOf("a/" + "b".repeat(57) + "-cc.csv"))
                .hasSize(63)
                .endsWith("b");
    }

    @Test
    void jobConfigUsesMeanOfValueAndSpan() {
        JsonNode config = json.readTree(NabSeriesJob.jobConfig(json, "realKnownCause/nyc_taxi.csv", 1800));

        assertThat(config.at("/analysis_config/bucket_span").asString()).isEqualTo("1800s");
        assertThat(config.at("/analysis_config/detectors").size()).isEqualTo(1);
        assertThat(config.at("/analysis_config/detectors/0/function").asString())
                .isEqualTo("mean");
        assertThat(config.at("/analysis_config/detectors/0/field_name").asString())
                .isEqualTo("value");
        assertThat(config.at("/data_description/time_field").asString()).isEqualTo("timestamp");
        assertThat(config.at("/data_description/time_format").asString()).isEqualTo("yyyy-MM-dd HH:mm:ss");
    }

    @Test
    void rowsAreSplitIntoNdjsonChunks() {
        NabSeries series = series("a/one.csv", 5);

        List<byte[]> chunks = NabSeriesJob.ndjsonChunks(json, series, 2);

        assertThat(chunks).hasSize(3);
        assertThat(new String(chunks.get(0), StandardCharsets.UTF_8))
                .isEqualTo("{\"timestamp\":\"2014-01-01 00:00:00\",\"value\":0.0}\n"
                        + "{\"timestamp\":\"2014-01-01 00:05:00\",\"value\":1.0}\n");
        assertThat(new String(chunks.get(2), StandardCharsets.UTF_8))
                .isEqualTo("{\"timestamp\":\"2014-01-01 00:20:00\",\"value\":4.0}\n");
    }
}
