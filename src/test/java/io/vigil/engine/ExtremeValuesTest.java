package io.vigil.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.analytics.DefaultSeriesModelFactory;
import io.vigil.results.AnomalyRecord;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A value near the largest double in a job of 10-minute buckets whose values are N(100, 12): it scores as an
 * anomaly, and a spike of 10 standard deviations 300 buckets later still scores high.
 */
class ExtremeValuesTest {

    private static final long SEED = 11L;
    private static final long SPAN_MS = 600_000L;
    private static final int HISTORY = 1_000;
    private static final int AFTER = 300;

    @ParameterizedTest
    @CsvSource({
        "mean, 1, 1e308",
        "mean, 1, 1e300",
        "mean, 1, -1e308",
        "mean, 1, 1.7976931348623157e308",
        "mean, 20, 1e308",
        "mean, 20, -1e308",
        "sum, 1, 1e308",
        "sum, 20, 1.7976931348623157e308",
        "sum, 20, -1e308",
        "varp, 20, 1e308",
        "varp, 20, -1e308"
    })
    void extremeValueScoresAndLaterSpikeStillDoes(String function, int valuesPerBucket, double extreme) {
        AnalyzerDriver driver = new AnalyzerDriver(
                Jobs.job("10m", List.of(), Jobs.detector(function, "value", null, null)),
                new DefaultSeriesModelFactory(600));
        Random random = new Random(SEED);
        int bucket = 0;
        for (; bucket < HISTORY; bucket++) {
            addNormal(driver, random, bucket, valuesPerBucket);
            driver.finalizeBucket(bucket * SPAN_MS);
        }
        addNormal(driver, random, bucket, valuesPerBucket - 1);
        add(driver, bucket, extreme);
        BucketResults extremeResults = driver.finalizeBucket(bucket * SPAN_MS);
        for (bucket++; bucket <= HISTORY + AFTER; bucket++) {
            addNormal(driver, random, bucket, valuesPerBucket);
            driver.finalizeBucket(bucket * SPAN_MS);
        }
        addNormal(driver, random, bucket, valuesPerBucket - 1);
        add(driver, bucket, spike(valuesPerBucket));
        BucketResults spikeResults = driver.finalizeBucket(bucket * SPAN_MS);

        assertThat(extremeResults.records()).as("records of the extreme bucket").isNotEmpty();
        AnomalyRecord extremeRecord = extremeResults.records().get(0);
        assertThat(extremeRecord.recordScore()).as("extreme record score").isGreaterThanOrEqualTo(75.0);
        assertThat(extremeRecord.actual().get(0)).as("extreme actual").isFinite();
        assertThat(spikeResults.records()).as("records of the spike bucket").isNotEmpty();
        AnomalyRecord spikeRecord = spikeResults.records().get(0);
        assertThat(spikeRecord.probability()).as("spike probability").isLessThan(1e-9);
        assertThat(spikeRecord.recordScore()).as("spike record score").isGreaterThanOrEqualTo(50.0);
    }

    @Test
    void opposedExtremesGiveFiniteSum() {
        AnalyzerDriver driver = new AnalyzerDriver(
                Jobs.job("10m", List.of(), Jobs.detector("sum", "value", null, null)),
                new DefaultSeriesModelFactory(600));
        Random random = new Random(SEED);
        for (int bucket = 0; bucket < HISTORY; bucket++) {
            addNormal(driver, random, bucket, 3);
            driver.finalizeBucket(bucket * SPAN_MS);
        }
        for (double extreme : new double[] {1e308, 1e308, -1e308, -1e308}) {
            add(driver, HISTORY, extreme);
        }
        add(driver, HISTORY, 100.0);
        add(driver, HISTORY, 110.0);
        add(driver, HISTORY, 90.0);

        BucketResults results = driver.finalizeBucket(HISTORY * SPAN_MS);

        assertThat(results.records()).as("records of the bucket").isNotEmpty();
        assertThat(results.records().get(0).actual().get(0)).as("actual sum").isEqualTo(300.0);
    }

    /**
     * Returns one value 10·12·√n above the mean of 100, which moves the mean and the sum of n values by 10 of their
     * standard deviations (and the variance by far more).
     */
    private static double spike(int valuesPerBucket) {
        return 100 + 10 * 12 * Math.sqrt(valuesPerBucket);
    }

    private static void addNormal(AnalyzerDriver driver, Random random, int bucket, int count) {
        for (int i = 0; i < count; i++) {
            add(driver, bucket, 100 + 12 * random.nextGaussian());
        }
    }

    private static void add(AnalyzerDriver driver, int bucket, double value) {
        driver.add(bucket * SPAN_MS, Map.of("value", Double.toString(value)));
    }
}
