package io.vigil.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vigil.analytics.SeriesKind;
import io.vigil.analytics.Side;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each function's bucket feature on a hand-computed bucket: values 3, 1, 4, 1, 5 of field x and one record without
 * x in the first hour, then an empty hour.
 */
class FunctionFeaturesTest {

    private static final long FIRST = 0L;
    private static final long SECOND = AnalyzerDriver.HOUR_MS;

    /**
     * Expected learned values per bucket, separated by spaces; "-" when the bucket is skipped. A sum's model learns the
     * sum and the mean value, which its view given the count models.
     */
    @ParameterizedTest
    @CsvSource({
        "count, 6, 0",
        "high_count, 6, 0",
        "non_zero_count, 6, -",
        "nzc, 6, -",
        "distinct_count, 4, 0",
        "mean, 2.8, -",
        "avg, 2.8, -",
        "median, 3, -",
        "min, 1, -",
        "max, 5, -",
        "sum, 14 2.8, 0",
        "non_null_sum, 14 2.8, -",
        "varp, 2.56, -",
        "metric, 1 2.8 5, -"
    })
    void featureOfHandComputedBucket(String function, String first, String second) {
        RecordingSeriesModelFactory models = new RecordingSeriesModelFactory();
        boolean counts = function.contains("count") || function.equals("nzc");
        String field = counts && !function.contains("distinct") ? null : "x";
        AnalyzerDriver driver =
                new AnalyzerDriver(Jobs.job("1h", List.of(), Jobs.detector(function, field, null, null)), models);
        for (String value : new String[] {"3", "1", "4", "1", "5"}) {
            driver.add(FIRST, Map.of("x", value));
        }
        driver.add(FIRST, Map.of("y", "no x"));

        driver.finalizeBucket(FIRST);
        driver.finalizeBucket(SECOND);

        assertLearned(models.learned(FIRST), first);
        assertLearned(models.learned(SECOND), second);
    }

    private static void assertLearned(List<Double> learned, String expected) {
        if (expected.equals("-")) {
            assertThat(learned).isEmpty();
            return;
        }
        double[] values = Arrays.stream(expected.split(" "))
                .mapToDouble(Double::parseDouble)
                .toArray();
        assertThat(learned).hasSize(values.length);
        for (int i = 0; i < values.length; i++) {
            assertThat(learned.get(i)).isCloseTo(values[i], within(1e-12));
        }
    }

    @ParameterizedTest
    @CsvSource({
        "count, TWO_SIDED",
        "high_count, ABOVE",
        "low_count, BELOW",
        "low_nzc, BELOW",
        "high_dc, ABOVE",
        "high_mean, ABOVE",
        "low_median, BELOW",
        "min, BELOW",
        "max, ABOVE",
        "low_sum, BELOW",
        "high_non_null_sum, ABOVE",
        "high_varp, ABOVE"
    })
    void functionAssessesItsSide(String function, Side side) {
        RecordingSeriesModelFactory models = new RecordingSeriesModelFactory();
        String field = function.endsWith("count") || function.endsWith("nzc") ? null : "x";
        AnalyzerDriver driver =
                new AnalyzerDriver(Jobs.job("1h", List.of(), Jobs.detector(function, field, null, null)), models);
        driver.add(FIRST, Map.of("x", "2"));

        driver.finalizeBucket(FIRST);

        assertThat(models.assessed(FIRST))
                .isNotEmpty()
                .extracting(RecordingSeriesModelFactory.Call::side)
                .containsOnly(side);
    }

    @Test
    void metricAssessesMinBelowMeanBothMaxAbove() {
        RecordingSeriesModelFactory models = new RecordingSeriesModelFactory();
        AnalyzerDriver driver =
                new AnalyzerDriver(Jobs.job("1h", List.of(), Jobs.detector("metric", "x", null, null)), models);
        driver.add(FIRST, Map.of("x", "2"));

        driver.finalizeBucket(FIRST);

        assertThat(models.assessed(FIRST))
                .extracting(RecordingSeriesModelFactory.Call::side)
                .containsExactly(Side.BELOW, Side.TWO_SIDED, Side.ABOVE);
    }

    @Test
    void countsAreCountSeriesAndMetricsMetricSeries() {
        RecordingSeriesModelFactory models = new RecordingSeriesModelFactory();
        AnalyzerDriver driver = new AnalyzerDriver(
                Jobs.job(
                        "1h",
                        List.of(),
                        Jobs.detector("count", null, null, null),
                        Jobs.detector("distinct_count", "x", null, null),
                        Jobs.detector("sum", "x", null, null)),
                models);
        driver.add(FIRST, Map.of("x", "2"));

        driver.finalizeBucket(FIRST);

        assertThat(models.assessed(FIRST))
                .extracting(RecordingSeriesModelFactory.Call::kind)
                .containsExactly(SeriesKind.COUNT, SeriesKind.COUNT, SeriesKind.METRIC, SeriesKind.METRIC);
    }

    /**
     * A record with summary count n stands for n events: counts add n, means weigh by n, sums take the value, and the
     * mean value behind a sum is the sum over all n.
     */
    @ParameterizedTest
    @CsvSource({"count, 6", "mean, 15", "sum, 40 6.666666666666667", "max, 20"})
    void summaryCountWeighsRecords(String function, String expected) {
        RecordingSeriesModelFactory models = new RecordingSeriesModelFactory();
        String field = function.equals("count") ? null : "x";
        AnalyzerDriver driver = new AnalyzerDriver(
                Jobs.job("1h", List.of(), "n", null, Jobs.detector(function, field, null, null)), models);
        driver.add(FIRST, Map.of("x", "10", "n", "1"));
        driver.add(FIRST, Map.of("x", "20", "n", "3"));
        driver.add(FIRST, Map.of("x", "10", "n", "2"));

        driver.finalizeBucket(FIRST);

        assertLearned(models.learned(FIRST), expected);
    }

    @Test
    void meanCountWeightIsValuesRelativeToTypical() {
        RecordingSeriesModelFactory models = new RecordingSeriesModelFactory();
        AnalyzerDriver driver =
                new AnalyzerDriver(Jobs.job("1h", List.of(), Jobs.detector("mean", "x", null, null)), models);
        for (int i = 0; i < 4; i++) {
            driver.add(FIRST, Map.of("x", "1"));
        }
        driver.finalizeBucket(FIRST);
        driver.add(SECOND, Map.of("x", "1"));
        driver.add(SECOND, Map.of("x", "1"));

        driver.finalizeBucket(SECOND);

        assertThat(models.assessed(FIRST).get(0).countWeight()).isEqualTo(1.0);
        assertThat(models.assessed(SECOND).get(0).countWeight()).isEqualTo(0.5);
    }

    @Test
    void splitSeriesAreCreatedOnFirstAppearance() {
        RecordingSeriesModelFactory models = new RecordingSeriesModelFactory();
        AnalyzerDriver driver =
                new AnalyzerDriver(Jobs.job("1h", List.of(), Jobs.detector("count", null, "host", "region")), models);
        driver.add(FIRST, Map.of("host", "a", "region", "eu"));
        driver.add(FIRST, Map.of("host", "a", "region", "us"));
        driver.add(FIRST, Map.of("host", "a", "region", "eu"));
        driver.add(FIRST, Map.of("host", "b"));
        driver.finalizeBucket(FIRST);
        driver.add(SECOND, Map.of("host", "b", "region", "us"));

        driver.finalizeBucket(SECOND);

        assertThat(models.learned(FIRST)).containsExactly(2.0, 1.0);
        assertThat(models.learned(SECOND)).containsExactly(0.0, 0.0, 1.0);
        assertThat(driver.analyzer.modelSizeStats().totalByFieldCount()).isEqualTo(3);
        assertThat(driver.analyzer.modelSizeStats().totalPartitionFieldCount()).isEqualTo(2);
    }

    @Test
    void nonNumericValuesAreIgnoredByMetrics() {
        RecordingSeriesModelFactory models = new RecordingSeriesModelFactory();
        AnalyzerDriver driver =
                new AnalyzerDriver(Jobs.job("1h", List.of(), Jobs.detector("sum", "x", null, null)), models);
        driver.add(FIRST, Map.of("x", "2.5"));
        driver.add(FIRST, Map.of("x", "n/a"));
        driver.add(FIRST, Map.of("x", "NaN"));

        driver.finalizeBucket(FIRST);

        assertThat(models.learned(FIRST)).containsExactly(2.5, 2.5);
    }

    /** With latency, records of two open buckets interleave; each bucket keeps its own records. */
    @Test
    void interleavedOpenBucketsStayApart() {
        RecordingSeriesModelFactory models = new RecordingSeriesModelFactory();
        AnalyzerDriver driver =
                new AnalyzerDriver(Jobs.job("1h", List.of(), Jobs.detector("sum", "x", "host", null)), models);
        long third = 2 * AnalyzerDriver.HOUR_MS;
        driver.add(FIRST, Map.of("x", "1", "host", "a"));
        driver.add(SECOND, Map.of("x", "10", "host", "a"));
        driver.add(FIRST, Map.of("x", "2", "host", "a"));
        driver.finalizeBucket(FIRST);
        driver.add(SECOND, Map.of("x", "20", "host", "a"));
        driver.add(third, Map.of("x", "100", "host", "a"));
        driver.add(SECOND, Map.of("x", "30", "host", "a"));

        BucketResults second = driver.finalizeBucket(SECOND);
        BucketResults last = driver.finalizeBucket(third);

        assertThat(models.learned(FIRST)).containsExactly(3.0, 1.5);
        assertThat(models.learned(SECOND)).containsExactly(60.0, 20.0);
        assertThat(models.learned(third)).containsExactly(100.0, 100.0);
        assertThat(second.bucket().eventCount()).isEqualTo(3);
        assertThat(last.bucket().eventCount()).isEqualTo(1);
    }
}
