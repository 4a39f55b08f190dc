package io.vigil.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.analytics.DefaultSeriesModelFactory;
import io.vigil.job.Job;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnalyzerStateTest {

    private static final long SEED = 5L;
    private static final long HOUR = AnalyzerDriver.HOUR_MS;

    private static Job job() {
        return Jobs.job(
                "1h",
                List.of("host"),
                Jobs.detector("mean", "bytes", "host", null),
                Jobs.detector("count", null, null, null),
                Jobs.detector("metric", "bytes", null, "host"));
    }

    /** A job closed after a bucket boundary and reopened gives the same later results as a job never closed. */
    @Test
    void restoredAnalyzerContinuesIdentically() {
        AnalyzerDriver original = new AnalyzerDriver(job(), new GaussianSeriesModelFactory());
        HostTraffic traffic = new HostTraffic(8, SEED);
        for (int hour = 0; hour < 100; hour++) {
            traffic.addHour(original, hour * HOUR);
            original.finalizeBucket(hour * HOUR);
        }
        AnalyzerDriver reopened = new AnalyzerDriver(job(), new GaussianSeriesModelFactory());
        reopened.restore(original.state());
        List<BucketResults> continued = new ArrayList<>();
        List<BucketResults> restored = new ArrayList<>();

        for (int hour = 100; hour < 130; hour++) {
            HostTraffic hourTraffic = new HostTraffic(9, SEED + hour);
            hourTraffic.addHour(original, hour * HOUR);
            new HostTraffic(9, SEED + hour).addHour(reopened, hour * HOUR);
            if (hour == 120) {
                hourTraffic.addRecord(original, hour * HOUR, 2, 8_000.0);
                hourTraffic.addRecord(reopened, hour * HOUR, 2, 8_000.0);
            }
            continued.add(Results.withoutTiming(original.finalizeBucket(hour * HOUR)));
            restored.add(Results.withoutTiming(reopened.finalizeBucket(hour * HOUR)));
        }

        assertThat(restored).isEqualTo(continued);
        assertThat(restored.get(20).records()).isNotEmpty();
        assertThat(reopened.state()).isEqualTo(original.state());
        assertThat(reopened.analyzer.modelSizeStats()).isEqualTo(original.analyzer.modelSizeStats());
    }

    @Test
    void stateOfAnotherJobShapeIsRejected() {
        AnalyzerDriver original = new AnalyzerDriver(job(), new GaussianSeriesModelFactory());
        byte[] state = original.state();
        DetectionBucketAnalyzer other = new DetectionBucketAnalyzer(
                Jobs.job("1h", List.of(), Jobs.detector("count", null, null, null)), new GaussianSeriesModelFactory());

        assertThatThrownBy(() -> other.readState(new DataInputStream(new ByteArrayInputStream(state))))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("state has 3 detectors but the job has 1");
    }

    @Test
    void sumStateRoundTrips() {
        AnalyzerDriver original = trained("sum");
        AnalyzerDriver reopened = driver("sum");
        reopened.restore(original.state());

        assertThat(reopened.state()).isEqualTo(original.state());
        original.add(50 * HOUR, Map.of("x", "500"));
        reopened.add(50 * HOUR, Map.of("x", "500"));
        assertThat(Results.withoutTiming(reopened.finalizeBucket(50 * HOUR)))
                .isEqualTo(Results.withoutTiming(original.finalizeBucket(50 * HOUR)));
    }

    /**
     * Format 2 kept one metric model per sum series, laid out as a max series' state is, so a max job's state marked
     * as format 2 stands for an old sum state. Its model becomes the view of the sum itself.
     */
    @Test
    void formatTwoSumStateIsRead() {
        byte[] state = trained("max").state();
        ByteBuffer.wrap(state).putInt(0, 2);
        AnalyzerDriver sum = driver("sum");

        sum.restore(state);
        sum.add(50 * HOUR, Map.of("x", "500"));
        BucketResults results = sum.finalizeBucket(50 * HOUR);

        assertThat(results.records()).isNotEmpty();
        // The trained values cycle through 10, 11 and 12.
        assertThat(results.records().get(0).typical().get(0)).isBetween(10.0, 12.5);
    }

    private static AnalyzerDriver trained(String function) {
        AnalyzerDriver driver = driver(function);
        for (int hour = 0; hour < 50; hour++) {
            driver.add(hour * HOUR, Map.of("x", Integer.toString(10 + hour % 3)));
            driver.finalizeBucket(hour * HOUR);
        }
        return driver;
    }

    private static AnalyzerDriver driver(String function) {
        return new AnalyzerDriver(
                Jobs.job("1h", List.of(), Jobs.detector(function, "x", null, null)),
                new DefaultSeriesModelFactory(3600));
    }
}
