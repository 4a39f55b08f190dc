package io.vigil.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InterimResultsTest {

    private static final long SEED = 11L;
    private static final long HOUR = AnalyzerDriver.HOUR_MS;
    private static final int HISTORY_HOURS = 24 * 7;

    private static AnalyzerDriver history() {
        AnalyzerDriver driver = new AnalyzerDriver(
                Jobs.job(
                        "1h",
                        List.of("host"),
                        Jobs.detector("mean", "bytes", "host", null),
                        Jobs.detector("count", null, null, null),
                        Jobs.detector("sum", "bytes", null, null)),
                new GaussianSeriesModelFactory());
        HostTraffic traffic = new HostTraffic(10, SEED);
        for (int hour = 0; hour < HISTORY_HOURS; hour++) {
            traffic.addHour(driver, hour * HOUR);
            driver.finalizeBucket(hour * HOUR);
        }
        return driver;
    }

    @Test
    void interimResultsLeaveStateUnchanged() {
        AnalyzerDriver driver = history();
        long open = HISTORY_HOURS * HOUR;
        HostTraffic traffic = new HostTraffic(10, SEED + 1);
        traffic.addHour(driver, open);
        traffic.addRecord(driver, open, 4, 9_000.0);
        byte[] before = driver.state();
        ModelSizeStats statsBefore = driver.analyzer.modelSizeStats();

        BucketResults interim = driver.analyzer.interimResults(open);
        driver.analyzer.interimResults(open);

        assertThat(driver.state()).isEqualTo(before);
        assertThat(driver.analyzer.modelSizeStats()).isEqualTo(statsBefore);
        assertThat(interim.bucket().isInterim()).isTrue();
        assertThat(interim.records()).isNotEmpty();
        assertThat(interim.records())
                .allSatisfy(record -> assertThat(record.isInterim()).isTrue());
        assertThat(interim.records().get(0).byFieldValue()).isEqualTo("host-4");
    }

    @Test
    void interimThenFinalGivesSameFinalResults() {
        AnalyzerDriver withInterim = history();
        AnalyzerDriver withoutInterim = history();
        long open = HISTORY_HOURS * HOUR;
        new HostTraffic(10, SEED + 2).addHour(withInterim, open);
        new HostTraffic(10, SEED + 2).addHour(withoutInterim, open);

        withInterim.analyzer.interimResults(open);
        BucketResults afterInterim = Results.withoutTiming(withInterim.finalizeBucket(open));
        BucketResults direct = Results.withoutTiming(withoutInterim.finalizeBucket(open));

        assertThat(afterInterim).isEqualTo(direct);
    }

    /** Half a bucket of data has about half the usual count and sum; interim results do not take that for a drop. */
    @Test
    void partialCountsAreNotADrop() {
        AnalyzerDriver driver = history();
        long open = HISTORY_HOURS * HOUR;
        for (int host = 0; host < 10; host++) {
            for (int i = 0; i < 5; i++) {
                driver.add(
                        open,
                        Map.of("host", HostTraffic.host(host), "bytes", Double.toString(HostTraffic.meanBytes(host))));
            }
        }

        BucketResults interim = driver.analyzer.interimResults(open);
        BucketResults finalResults = driver.finalizeBucket(open);

        assertThat(interim.records()).noneMatch(record -> record.detectorIndex() > 0);
        assertThat(finalResults.records()).anyMatch(record -> record.function().equals("count"));
        assertThat(finalResults.records()).anyMatch(record -> record.function().equals("sum"));
    }

    @Test
    void correctionMovesTowardsTypicalByMissingShareAtMost() {
        assertThat(InterimCorrection.correction(50.0, 100.0, 0.5)).isEqualTo(50.0);
        assertThat(InterimCorrection.correction(80.0, 100.0, 0.5)).isEqualTo(20.0);
        assertThat(InterimCorrection.correction(30.0, 100.0, 0.5)).isEqualTo(50.0);
        assertThat(InterimCorrection.correction(120.0, 100.0, 0.5)).isEqualTo(0.0);
        assertThat(InterimCorrection.correction(30.0, 100.0, 1.0)).isEqualTo(0.0);
        assertThat(InterimCorrection.correction(-30.0, -100.0, 0.5)).isEqualTo(-50.0);
    }
}
