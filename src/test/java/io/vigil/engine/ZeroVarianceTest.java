package io.vigil.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.analytics.DefaultSeriesModelFactory;
import io.vigil.results.AnomalyRecord;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Variance detectors on 15-minute buckets of 12 values of N(50, 3), 4 values every 5 minutes, where one bucket's
 * values are all 50.0: its variance of 0 is impossible for continuous values.
 */
class ZeroVarianceTest {

    private static final long SEED = 7L;
    private static final long STEP_MS = 300_000L;
    private static final long SPAN_MS = 900_000L;
    private static final int HISTORY = 390;

    @ParameterizedTest
    @CsvSource({"low_varp, true", "varp, true", "high_varp, false"})
    void constantBucketScoresOnLowSide(String function, boolean anomalous) {
        AnalyzerDriver driver = new AnalyzerDriver(
                Jobs.job("15m", List.of(), Jobs.detector(function, "value", null, null)),
                new DefaultSeriesModelFactory(900));
        Random random = new Random(SEED);
        double maxHistoryScore = 0.0;
        for (int bucket = 0; bucket < HISTORY; bucket++) {
            addBucket(driver, bucket, random, false);
            BucketResults results = driver.finalizeBucket(bucket * SPAN_MS);
            if (bucket >= 100) {
                maxHistoryScore = Math.max(maxHistoryScore, results.bucket().anomalyScore());
            }
        }
        addBucket(driver, HISTORY, random, true);

        BucketResults results = driver.finalizeBucket(HISTORY * SPAN_MS);

        assertThat(maxHistoryScore).as("largest bucket score of normal buckets").isLessThan(50.0);
        if (!anomalous) {
            assertThat(results.bucket().anomalyScore()).as("bucket score").isEqualTo(0.0);
            return;
        }
        assertThat(results.bucket().anomalyScore()).as("bucket score").isGreaterThanOrEqualTo(75.0);
        assertThat(results.records()).as("records").isNotEmpty();
        AnomalyRecord record = results.records().get(0);
        assertThat(record.actual().get(0)).as("actual variance").isEqualTo(0.0);
        assertThat(record.probability()).as("probability").isLessThan(1e-100);
        assertThat(record.recordScore()).as("record score").isGreaterThanOrEqualTo(75.0);
    }

    private static void addBucket(AnalyzerDriver driver, int bucket, Random random, boolean constant) {
        long start = bucket * SPAN_MS;
        for (int step = 0; step < 3; step++) {
            for (int i = 0; i < 4; i++) {
                double value = constant ? 50.0 : 50 + 3 * random.nextGaussian();
                driver.add(start, start + step * STEP_MS, Map.of("value", Double.toString(value)));
            }
        }
    }
}
