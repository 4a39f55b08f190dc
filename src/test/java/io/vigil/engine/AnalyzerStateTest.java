package io.vigil.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.job.Job;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
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
}
