package io.vigil.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.analytics.DefaultSeriesModelFactory;
import io.vigil.job.Detector;
import io.vigil.job.Job;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * State and interim results of the population, rare, location and time detectors, in one job: state written and read
 * back gives the same bytes and the same later results, and interim results change no state.
 */
class DistributionStateTest {

    private static final long SEED = 31L;
    private static final long HOUR = AnalyzerDriver.HOUR_MS;

    private static Job job() {
        return Jobs.job(
                "1h",
                List.of("user", "action"),
                new Detector(null, "count", null, "action", "user", null, null, "over", null, null),
                new Detector(null, "metric", "bytes", "action", "user", null, null, null, null, null),
                new Detector(null, "freq_rare", null, "action", "user", null, null, null, null, null),
                new Detector(null, "rare", null, "action", null, null, null, "by", null, null),
                Jobs.detector("lat_long", "location", "user", null),
                Jobs.detector("time_of_day", null, "user", null),
                Jobs.detector("high_info_content", "action", "user", null),
                new Detector(null, "count", null, "action", null, null, null, "all", null, null));
    }

    private static void addHour(AnalyzerDriver driver, Random random, int hour) {
        long bucket = hour * HOUR;
        for (int user = 0; user < 6; user++) {
            for (int i = 0; i < 3 + random.nextInt(5); i++) {
                String action = PopulationTraffic.ACTIONS[random.nextInt(PopulationTraffic.ACTIONS.length)];
                String location =
                        String.format(Locale.ROOT, "%.4f,%.4f", 40 + user + 0.01 * random.nextGaussian(), -3.0 + user);
                driver.add(
                        bucket,
                        bucket + random.nextInt(3_600_000),
                        Map.of(
                                "user",
                                "user-" + user,
                                "action",
                                action,
                                "bytes",
                                Double.toString(500 + 50 * random.nextGaussian()),
                                "location",
                                location));
            }
        }
    }

    private static AnalyzerDriver run(int hours, Random random) {
        AnalyzerDriver driver = new AnalyzerDriver(job(), new DefaultSeriesModelFactory(3600));
        for (int hour = 0; hour < hours; hour++) {
            addHour(driver, random, hour);
            driver.finalizeBucket(hour * HOUR);
        }
        return driver;
    }

    @Test
    void restoredStateWritesSameBytes() {
        AnalyzerDriver driver = run(24 * 3, new Random(SEED));
        byte[] state = driver.state();

        AnalyzerDriver restored = new AnalyzerDriver(job(), new DefaultSeriesModelFactory(3600));
        restored.restore(state);

        assertThat(restored.state()).isEqualTo(state);
    }

    @Test
    void restoredAnalyzerGivesSameResults() {
        AnalyzerDriver original = run(24 * 3, new Random(SEED));
        AnalyzerDriver restored = new AnalyzerDriver(job(), new DefaultSeriesModelFactory(3600));
        restored.restore(original.state());
        Random first = new Random(SEED + 1);
        Random second = new Random(SEED + 1);

        for (int hour = 24 * 3; hour < 24 * 4; hour++) {
            addHour(original, first, hour);
            addHour(restored, second, hour);
            BucketResults expected = Results.withoutTiming(original.finalizeBucket(hour * HOUR));
            BucketResults actual = Results.withoutTiming(restored.finalizeBucket(hour * HOUR));
            assertThat(actual).as("hour %s", hour).isEqualTo(expected);
        }
    }

    @Test
    void interimResultsChangeNoState() {
        Random random = new Random(SEED);
        AnalyzerDriver driver = run(24 * 3, random);
        addHour(driver, random, 24 * 3);
        driver.add(24 * 3 * HOUR, Map.of("user", "user-9", "action", "exfiltrate", "location", "-33.8,151.2"));
        byte[] before = driver.state();

        BucketResults interim = driver.analyzer.interimResults(24 * 3 * HOUR);
        BucketResults again = driver.analyzer.interimResults(24 * 3 * HOUR);

        assertThat(driver.state()).isEqualTo(before);
        assertThat(Results.withoutTiming(again)).isEqualTo(Results.withoutTiming(interim));
        assertThat(interim.bucket().isInterim()).isTrue();
        assertThat(interim.records())
                .allSatisfy(record -> assertThat(record.isInterim()).isTrue());
    }

    @Test
    void memoryLimitStopsNewMembers() {
        Detector detector = new Detector(null, "count", null, "action", "user", null, null, null, null, null);
        AnalyzerDriver driver = new AnalyzerDriver(
                Jobs.job("1h", List.of(), null, "1mb", detector), new DefaultSeriesModelFactory(3600));

        for (int user = 0; user < 20_000; user++) {
            driver.add(0, Map.of("user", "user-" + user, "action", "read"));
        }
        driver.finalizeBucket(0);

        ModelSizeStats stats = driver.analyzer.modelSizeStats();
        assertThat(stats.totalOverFieldCount()).isLessThan(20_000L);
        assertThat(stats.bucketAllocationFailuresCount()).isEqualTo(1L);
        assertThat(stats.memoryStatus()).isIn("soft_limit", "hard_limit");
    }

    @Test
    void modelSizeStatsCountMembersAndValues() {
        AnalyzerDriver driver = run(24, new Random(SEED));

        ModelSizeStats stats = driver.analyzer.modelSizeStats();

        assertThat(stats.totalOverFieldCount()).isEqualTo(3L * 6);
        assertThat(stats.totalByFieldCount()).isGreaterThanOrEqualTo(3L * 5 + 4 * 6);
        assertThat(stats.modelBytes()).isGreaterThan(10_000L);
        assertThat(stats.memoryStatus()).isEqualTo("ok");
    }
}
