package io.vigil.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.analytics.DefaultSeriesModelFactory;
import io.vigil.results.AnomalyRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Two weeks of hourly DNS queries of 5 hosts: each host looks up 20 names an hour from a list of 30 usual domains.
 * Then host-3 looks up 20 long random subdomains (a tunnelling pattern) and host-1 makes no query at all.
 */
class InfoContentTest {

    private static final long SEED = 9L;
    private static final long HOUR = AnalyzerDriver.HOUR_MS;
    private static final int HISTORY_HOURS = 24 * 14;
    private static final long LAST = HISTORY_HOURS * HOUR;

    private static final List<String> DOMAINS = new ArrayList<>();

    static {
        for (int i = 0; i < 30; i++) {
            DOMAINS.add("service" + i + ".example.com");
        }
    }

    private static AnalyzerDriver run(String function, boolean plant) {
        AnalyzerDriver driver = new AnalyzerDriver(
                Jobs.job("1h", List.of("host"), Jobs.detector(function, "query", "host", null)),
                new DefaultSeriesModelFactory(3600));
        Random random = new Random(SEED);
        for (int hour = 0; hour <= HISTORY_HOURS; hour++) {
            long bucket = hour * HOUR;
            for (int host = 0; host < 5; host++) {
                boolean last = plant && hour == HISTORY_HOURS;
                if (last && host == 1) {
                    driver.add(bucket, Map.of("host", "host-1", "query", DOMAINS.get(0)));
                    continue;
                }
                for (int i = 0; i < 20; i++) {
                    String query = last && host == 3
                            ? randomLabel(random) + ".tunnel.example.net"
                            : DOMAINS.get(random.nextInt(DOMAINS.size()));
                    driver.add(bucket, Map.of("host", "host-" + host, "query", query));
                }
            }
            driver.finalizeBucket(bucket);
        }
        return driver;
    }

    private static String randomLabel(Random random) {
        StringBuilder label = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            label.append(Character.forDigit(random.nextInt(36), 36));
        }
        return label.toString();
    }

    private static List<String> anomalousHosts(String function) {
        AnalyzerDriver driver = run(function, true);
        List<String> hosts = new ArrayList<>();
        for (AnomalyRecord record :
                driver.results.get(driver.results.size() - 1).records()) {
            if (record.probability() < 1e-4) {
                hosts.add(record.byFieldValue());
            }
        }
        return hosts;
    }

    @Test
    void tunnellingHostIsRecorded() {
        AnalyzerDriver driver = run("high_info_content", true);

        AnomalyRecord record =
                driver.results.get(driver.results.size() - 1).records().get(0);

        assertThat(record.function()).isEqualTo("high_info_content");
        assertThat(record.functionDescription()).isEqualTo("info_content");
        assertThat(record.fieldName()).isEqualTo("query");
        assertThat(record.byFieldValue()).isEqualTo("host-3");
        assertThat(record.actual().get(0)).isGreaterThan(2.0 * record.typical().get(0));
        assertThat(record.recordScore()).isGreaterThanOrEqualTo(75.0);
    }

    @Test
    void usualQueriesScoreLow() {
        AnalyzerDriver driver = run("info_content", false);

        assertThat(PopulationAnalysisTest.maxRecordScore(driver, 24 * 7)).isLessThanOrEqualTo(25.0);
    }

    @Test
    void twoSidedFlagsBothHosts() {
        assertThat(anomalousHosts("info_content")).containsExactlyInAnyOrder("host-1", "host-3");
    }

    @Test
    void highIgnoresQuietHost() {
        assertThat(anomalousHosts("high_info_content")).containsExactly("host-3");
    }

    @Test
    void lowIgnoresTunnellingHost() {
        assertThat(anomalousHosts("low_info_content")).containsExactly("host-1");
    }
}
