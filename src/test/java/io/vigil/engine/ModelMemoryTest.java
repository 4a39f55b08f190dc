package io.vigil.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelMemoryTest {

    private static final long HOUR = AnalyzerDriver.HOUR_MS;

    private static AnalyzerDriver driver(String limit) {
        return new AnalyzerDriver(
                Jobs.job("1h", List.of(), null, limit, Jobs.detector("mean", "bytes", "host", null)),
                new GaussianSeriesModelFactory());
    }

    private static void addHosts(AnalyzerDriver driver, long bucketStartMs, int from, int to) {
        for (int host = from; host < to; host++) {
            driver.add(bucketStartMs, Map.of("host", HostTraffic.host(host), "bytes", "100"));
        }
    }

    @Test
    void smallJobStaysOk() {
        AnalyzerDriver driver = driver("10mb");
        addHosts(driver, 0, 0, 100);
        driver.finalizeBucket(0);

        ModelSizeStats stats = driver.analyzer.modelSizeStats();

        assertThat(stats.memoryStatus()).isEqualTo("ok");
        assertThat(stats.totalByFieldCount()).isEqualTo(100);
        assertThat(stats.modelBytes()).isBetween(10_000L, 100_000L);
        assertThat(stats.modelBytesMemoryLimit()).isEqualTo(10L * 1024 * 1024);
        assertThat(stats.bucketAllocationFailuresCount()).isZero();
    }

    @Test
    void softLimitStopsNewSeries() {
        AnalyzerDriver driver = driver("100kb");
        addHosts(driver, 0, 0, 1_000);
        driver.finalizeBucket(0);
        long seriesAtLimit = driver.analyzer.modelSizeStats().totalByFieldCount();
        addHosts(driver, HOUR, 0, 2_000);
        driver.finalizeBucket(HOUR);

        ModelSizeStats stats = driver.analyzer.modelSizeStats();

        assertThat(seriesAtLimit).isBetween(50L, 999L);
        assertThat(stats.totalByFieldCount()).isEqualTo(seriesAtLimit);
        assertThat(stats.memoryStatus()).isIn("soft_limit", "hard_limit");
        assertThat(stats.modelBytes()).isGreaterThanOrEqualTo((long) (0.9 * 100 * 1024));
        assertThat(stats.bucketAllocationFailuresCount()).isEqualTo(2);
    }

    @Test
    void limitBelowBaseIsHardLimit() {
        AnalyzerDriver driver = driver("1kb");
        addHosts(driver, 0, 0, 10);

        ModelSizeStats stats = driver.analyzer.modelSizeStats();

        assertThat(stats.memoryStatus()).isEqualTo("hard_limit");
        assertThat(stats.totalByFieldCount()).isZero();
        assertThat(stats.bucketAllocationFailuresCount()).isEqualTo(1);
    }

    @Test
    void statusFollowsSoftAndHardThresholds() {
        ModelMemory memory = new ModelMemory(1_000);

        memory.measured(899);
        String below = memory.status();
        boolean mayCreateBelow = memory.mayCreateSeries();
        memory.seriesCreated(1);
        String soft = memory.status();
        boolean mayCreateSoft = memory.mayCreateSeries();
        memory.seriesCreated(100);
        String hard = memory.status();

        assertThat(below).isEqualTo("ok");
        assertThat(mayCreateBelow).isTrue();
        assertThat(soft).isEqualTo("soft_limit");
        assertThat(mayCreateSoft).isFalse();
        assertThat(hard).isEqualTo("hard_limit");
    }

    @Test
    void rejectionsCountOncePerBucket() {
        ModelMemory memory = new ModelMemory(1_000);

        memory.seriesRejected(0);
        memory.seriesRejected(0);
        memory.seriesRejected(HOUR);

        assertThat(memory.allocationFailures()).isEqualTo(2);
    }
}
