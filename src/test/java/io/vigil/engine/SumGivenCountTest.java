package io.vigil.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vigil.analytics.DefaultSeriesModelFactory;
import io.vigil.results.AnomalyRecord;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Sum detectors on 10-minute buckets with a Poisson(20) number of values of N(100, 12) each, so the count moves the
 * sum by about 22% while the values move it by about 5%.
 */
class SumGivenCountTest {

    private static final long SEED = 5L;
    private static final long SPAN_MS = 600_000L;
    private static final int HISTORY = 1_000;

    /** A bucket of the usual number of values at {@code factor} times their size, for each sum function. */
    @ParameterizedTest
    @CsvSource({
        "sum, 0.17, true",
        "sum, 1.3, true",
        "non_null_sum, 0.17, true",
        "non_null_sum, 0.7, true",
        "low_sum, 0.17, true",
        "low_sum, 1.3, false",
        "high_sum, 1.3, true",
        "high_sum, 0.17, false"
    })
    void valuesOffTheirSizeAreFound(String function, double factor, boolean anomalous) {
        AnalyzerDriver driver = history(function);
        Random random = new Random(SEED + 1);
        long last = HISTORY * SPAN_MS;
        for (int i = 0; i < 20; i++) {
            driver.add(last, Map.of("value", Double.toString(factor * (100 + 12 * random.nextGaussian()))));
        }

        BucketResults results = driver.finalizeBucket(last);

        if (!anomalous) {
            assertThat(results.records())
                    .as("records of %s at %s", function, factor)
                    .isEmpty();
            return;
        }
        assertThat(results.records())
                .as("records of %s at %s", function, factor)
                .isNotEmpty();
        AnomalyRecord record = results.records().get(0);
        assertThat(record.recordScore()).as("record score").isGreaterThanOrEqualTo(75.0);
        assertThat(record.probability()).as("probability").isLessThan(1e-12);
        assertThat(record.typical().get(0)).as("typical sum of 20 values").isCloseTo(2_000.0, within(150.0));
        assertThat(record.anomalyScoreExplanation().lowerConfidenceBound())
                .as("lower bound")
                .isGreaterThan(1_750.0);
        assertThat(record.anomalyScoreExplanation().upperConfidenceBound())
                .as("upper bound")
                .isLessThan(2_250.0);
    }

    @Test
    void fewerValuesOfUsualSizeLowerTheSum() {
        AnalyzerDriver driver = history("low_sum");
        long last = HISTORY * SPAN_MS;
        for (int i = 0; i < 2; i++) {
            driver.add(last, Map.of("value", "100"));
        }

        BucketResults results = driver.finalizeBucket(last);

        assertThat(results.records()).isNotEmpty();
        assertThat(results.records().get(0).probability()).isLessThan(2e-3);
        assertThat(results.records().get(0).typical().get(0)).isCloseTo(2_000.0, within(200.0));
    }

    @Test
    void normalSumsStayBelowTwentyFive() {
        AnalyzerDriver driver = history("sum");

        double maxRecord = driver.results.stream()
                .flatMap(results -> results.records().stream())
                .mapToDouble(AnomalyRecord::recordScore)
                .max()
                .orElse(0.0);

        assertThat(maxRecord).as("seed %s", SEED).isLessThan(25.0);
    }

    private static AnalyzerDriver history(String function) {
        AnalyzerDriver driver = new AnalyzerDriver(
                Jobs.job("10m", List.of(), Jobs.detector(function, "value", null, null)),
                new DefaultSeriesModelFactory(600));
        Random random = new Random(SEED);
        for (int bucket = 0; bucket < HISTORY; bucket++) {
            int count = PoissonDraws.draw(random, 20);
            for (int i = 0; i < count; i++) {
                driver.add(bucket * SPAN_MS, Map.of("value", Double.toString(100 + 12 * random.nextGaussian())));
            }
            driver.finalizeBucket(bucket * SPAN_MS);
        }
        return driver;
    }
}
