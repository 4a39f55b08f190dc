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
 * One value of N(50, 3) every 5 minutes in 15-minute buckets, a value of 1e308 at step 328 and one value 40 higher
 * at step 676 (about 13 standard deviations of a bucket sum). The spike must stay about as improbable as without
 * the earlier extreme value.
 */
class SpikeAfterExtremeTest {

    private static final long SEED = 7L;
    private static final long STEP_MS = 300_000L;
    private static final long SPAN_MS = 900_000L;
    private static final int EXTREME_STEP = 328;
    private static final int SPIKE_STEP = 676;

    @ParameterizedTest
    @CsvSource({"sum, 1e-9", "mean, 1e-9", "max, 1e-30"})
    void spikeAfterExtremeStaysImprobable(String function, double maxProbability) {
        AnalyzerDriver driver = new AnalyzerDriver(
                Jobs.job("15m", List.of(), Jobs.detector(function, "v", null, null)),
                new DefaultSeriesModelFactory(900));
        Random random = new Random(SEED);
        BucketResults spikeBucket = null;
        for (int step = 0; step <= SPIKE_STEP + 2; step++) {
            long bucketStart = step * STEP_MS / SPAN_MS * SPAN_MS;
            double value = 50 + 3 * random.nextGaussian();
            if (step == EXTREME_STEP) {
                value = 1e308;
            }
            if (step == SPIKE_STEP) {
                value += 40;
            }
            driver.add(bucketStart, step * STEP_MS, Map.of("v", Double.toString(value)));
            if ((step + 1) * STEP_MS % SPAN_MS == 0) {
                BucketResults results = driver.finalizeBucket(bucketStart);
                if (step / 3 == SPIKE_STEP / 3) {
                    spikeBucket = results;
                }
            }
        }

        assertThat(spikeBucket).as("spike bucket").isNotNull();
        assertThat(spikeBucket.records()).as("records of the spike bucket").isNotEmpty();
        AnomalyRecord record = spikeBucket.records().get(0);
        assertThat(record.probability()).as("spike probability").isLessThan(maxProbability);
        // The rank among past raw scores caps the second largest of about 225 at 49.5. The largest would reach 66.5.
        assertThat(record.recordScore()).as("spike record score").isGreaterThanOrEqualTo(45.0);
    }
}
