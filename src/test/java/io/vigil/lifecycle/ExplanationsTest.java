package io.vigil.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The {@code anomaly_score_explanation} of records of a spike and a dip, read through the records endpoint. */
class ExplanationsTest extends LifecycleApiTest {

    private static final long SEED = 9L;
    private static final int SPIKE_HOUR = 24 * 8 + 5;
    private static final int DIP_HOUR = 24 * 9 + 5;

    /** Returns ten days of one value an hour, normal around 1000 bytes, with a spike and a dip. */
    private static String bytes() {
        Random random = new Random(SEED);
        StringBuilder body = new StringBuilder();
        for (int hour = 0; hour < 24 * 10; hour++) {
            double value = 1000.0 + 20.0 * random.nextGaussian();
            if (hour == SPIKE_HOUR) {
                value = 1600.0;
            } else if (hour == DIP_HOUR) {
                value = 400.0;
            }
            body.append(line(T0 + hour * HOUR + 60_000, "\"bytes\":" + value));
        }
        return body.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> explanation(Map<String, Object> record) {
        return (Map<String, Object>) record.get("anomaly_score_explanation");
    }

    @SuppressWarnings("unchecked")
    private static double actual(Map<String, Object> record) {
        return ((List<Number>) record.get("actual")).get(0).doubleValue();
    }

    @Test
    void spikeAndDipAreExplained() {
        String jobId = "explanations";
        openJob(jobId, """
                {"analysis_config": {"bucket_span": "1h", "detectors": [{"function": "mean", "field_name": "bytes"}]},
                 "data_description": {"time_field": "time", "time_format": "epoch_ms"}}
                """);
        postData(jobId, bytes());
        flush(jobId, "");

        List<Map<String, Object>> records = results(jobId, "records", "");
        Map<String, Object> spike = recordAt(records, SPIKE_HOUR);
        Map<String, Object> dip = recordAt(records, DIP_HOUR);

        assertThat(explanation(spike).get("anomaly_type")).isEqualTo("spike");
        assertThat(explanation(dip).get("anomaly_type")).isEqualTo("dip");
        assertThat(actual(spike)).isGreaterThan(number(explanation(spike), "upper_confidence_bound"));
        assertThat(actual(dip)).isLessThan(number(explanation(dip), "lower_confidence_bound"));
        for (Map<String, Object> record : List.of(spike, dip)) {
            Map<String, Object> explanation = explanation(record);
            assertThat(number(explanation, "typical_value"))
                    .isBetween(
                            number(explanation, "lower_confidence_bound"),
                            number(explanation, "upper_confidence_bound"));
            assertThat(number(explanation, "typical_value")).isBetween(900.0, 1100.0);
            assertThat(explanation.get("single_bucket_impact")).isInstanceOf(Integer.class);
            assertThat((Integer) explanation.get("single_bucket_impact")).isBetween(1, 50);
            assertThat(explanation.get("anomaly_length")).isEqualTo(1);
        }
    }

    private static Map<String, Object> recordAt(List<Map<String, Object>> records, int hour) {
        return records.stream()
                .filter(record -> time(record) == T0 + hour * HOUR)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no record at hour " + hour + " among " + records.size()));
    }
}
