package io.vigil.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.analytics.DefaultSeriesModelFactory;
import io.vigil.job.Detector;
import io.vigil.results.AnomalyRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A week of hourly requests: hosts web-0 and web-1 send every hour, batch-0 and batch-1 about one hour in five, and
 * users alice (every hour) and bob (about one hour in five) make them. In the last hour web-0, batch-0, alice and
 * bob all send 50 times their usual count.
 */
class ExcludeFrequentTest {

    private static final long SEED = 13L;
    private static final long HOUR = AnalyzerDriver.HOUR_MS;
    private static final int HISTORY_HOURS = 24 * 7;

    private static List<String> anomalous(Detector detector, boolean population) {
        AnalyzerDriver driver =
                new AnalyzerDriver(Jobs.job("1h", List.of(), detector), new DefaultSeriesModelFactory(3600));
        Random random = new Random(SEED);
        for (int hour = 0; hour <= HISTORY_HOURS; hour++) {
            boolean last = hour == HISTORY_HOURS;
            int burst = last ? 50 : 1;
            send(driver, hour, "web-0", "alice", burst * (2 + random.nextInt(2)));
            send(driver, hour, "web-1", "carol", 2 + random.nextInt(2));
            if (last || random.nextInt(5) == 0) {
                send(driver, hour, "batch-0", "bob", burst * (2 + random.nextInt(2)));
            }
            if (random.nextInt(5) == 0) {
                send(driver, hour, "batch-1", "dave", 2 + random.nextInt(2));
            }
            driver.finalizeBucket(hour * HOUR);
        }
        List<String> values = new ArrayList<>();
        for (AnomalyRecord record :
                driver.results.get(driver.results.size() - 1).records()) {
            if (record.probability() < 1e-3) {
                values.add(population ? record.overFieldValue() : record.byFieldValue());
            }
        }
        return values;
    }

    private static void send(AnalyzerDriver driver, int hour, String host, String user, int count) {
        for (int i = 0; i < count; i++) {
            driver.add(hour * HOUR, Map.of("host", host, "user", user));
        }
    }

    private static Detector byHost(String excludeFrequent) {
        return new Detector(null, "count", null, "host", null, null, null, excludeFrequent, null, null);
    }

    private static Detector overUser(String excludeFrequent) {
        return new Detector(null, "count", null, null, "user", null, null, excludeFrequent, null, null);
    }

    @Test
    void noneKeepsEveryHost() {
        assertThat(anomalous(byHost("none"), false)).containsExactlyInAnyOrder("web-0", "batch-0");
    }

    @Test
    void byExcludesHostSendingEveryHour() {
        assertThat(anomalous(byHost("by"), false)).containsExactly("batch-0");
    }

    @Test
    void allExcludesFrequentHostToo() {
        assertThat(anomalous(byHost("all"), false)).containsExactly("batch-0");
    }

    @Test
    void overExcludesUserActiveEveryHour() {
        assertThat(anomalous(overUser(null), true)).containsExactlyInAnyOrder("alice", "bob");
        assertThat(anomalous(overUser("over"), true)).containsExactly("bob");
    }

    @Test
    void byLeavesPopulationMembersAlone() {
        assertThat(anomalous(overUser("by"), true)).containsExactlyInAnyOrder("alice", "bob");
    }
}
