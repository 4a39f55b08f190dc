package io.vigil.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.results.AnomalyRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A week of hourly traffic of 4 hosts, then host-1 dips and host-2 spikes in the same hour. */
class OneSidedFunctionsTest {

    private static final long SEED = 3L;
    private static final long HOUR = AnalyzerDriver.HOUR_MS;
    private static final int HISTORY_HOURS = 24 * 7;
    private static final long LAST = HISTORY_HOURS * HOUR;

    private static List<AnomalyRecord> lastRecords(String function) {
        AnalyzerDriver driver = new AnalyzerDriver(
                Jobs.job("1h", List.of(), Jobs.detector(function, "bytes", "host", null)),
                new GaussianSeriesModelFactory());
        HostTraffic traffic = new HostTraffic(4, SEED);
        for (int hour = 0; hour < HISTORY_HOURS; hour++) {
            traffic.addHour(driver, hour * HOUR);
            driver.finalizeBucket(hour * HOUR);
        }
        for (int i = 0; i < 10; i++) {
            traffic.addRecord(driver, LAST, 1, HostTraffic.meanBytes(1) - 2_000.0);
            traffic.addRecord(driver, LAST, 2, HostTraffic.meanBytes(2) + 2_000.0);
        }
        return driver.finalizeBucket(LAST).records();
    }

    private static List<String> anomalousHosts(String function) {
        return lastRecords(function).stream()
                .filter(record -> record.probability() < 1e-6)
                .map(AnomalyRecord::byFieldValue)
                .toList();
    }

    @Test
    void twoSidedMeanFlagsDipAndSpike() {
        assertThat(anomalousHosts("mean")).containsExactlyInAnyOrder("host-1", "host-2");
    }

    @Test
    void highMeanIgnoresDip() {
        assertThat(anomalousHosts("high_mean")).containsExactly("host-2");
    }

    @Test
    void lowMeanIgnoresSpike() {
        assertThat(anomalousHosts("low_mean")).containsExactly("host-1");
    }

    @Test
    void maxFlagsOnlyHighValues() {
        assertThat(anomalousHosts("max")).containsExactly("host-2");
    }

    @Test
    void minFlagsOnlyLowValues() {
        assertThat(anomalousHosts("min")).containsExactly("host-1");
    }

    @Test
    void highSumIgnoresDip() {
        assertThat(anomalousHosts("high_sum")).containsExactly("host-2");
    }

    @Test
    void dipIsRecordedAsDip() {
        AnomalyRecord dip = lastRecords("low_mean").get(0);

        assertThat(dip.anomalyScoreExplanation().anomalyType()).isEqualTo("dip");
        assertThat(dip.function()).isEqualTo("low_mean");
        assertThat(dip.functionDescription()).isEqualTo("mean");
        assertThat(dip.actual().get(0)).isLessThan(dip.typical().get(0));
    }
}
