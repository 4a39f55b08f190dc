package io.vigil.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A noisy daily square wave: 20 at night and 68 from 09:00 to 18:00, standard deviation 2, in 5-minute buckets for
 * five days. Its first two steps are new and score as anomalies, and nothing after the first step does. The hours
 * before it are left out: there a value 3.9 standard deviations out can still score 28 in a job that young.
 */
class DailyStepTest {

    private static final long SPAN_MS = 300_000L;
    private static final long DAY_MS = 86_400_000L;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void onlyFirstStepsScore(long seed) {
        AnalyzerDriver driver = SkewedStreams.meanOfValue("5m", SPAN_MS);
        Random random = new Random(seed);
        for (long time = 0; time < 5 * DAY_MS; time += SPAN_MS) {
            long minute = time % DAY_MS / 60_000;
            boolean high = minute >= 9 * 60 && minute < 18 * 60;
            SkewedStreams.add(driver, time, (high ? 68 : 20) + 2 * random.nextGaussian());
            driver.finalizeBucket(time);
        }

        for (BucketResults results : driver.results) {
            long time = results.bucket().timestamp();
            boolean firstSteps = time <= 9 * 3_600_000L || time == 18 * 3_600_000L;
            if (!firstSteps) {
                assertThat(results.bucket().anomalyScore())
                        .as("bucket score at %d", time)
                        .isLessThan(25);
            }
        }
    }
}
