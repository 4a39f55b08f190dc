package io.vigil.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.analytics.DefaultSeriesModelFactory;
import io.vigil.job.DetectionRule;
import io.vigil.job.Detector;
import io.vigil.job.Job;
import io.vigil.results.AnomalyCause;
import io.vigil.results.AnomalyRecord;
import io.vigil.results.Influence;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Two weeks of hourly activity of 40 users, analysed per action over the population of users. */
class PopulationAnalysisTest {

    private static final long SEED = 11L;
    private static final int USERS = 40;
    private static final long HOUR = AnalyzerDriver.HOUR_MS;
    private static final int HISTORY_HOURS = 24 * 14;
    private static final long LAST = HISTORY_HOURS * HOUR;

    static Detector population(String function, String fieldName, String byFieldName) {
        return new Detector(null, function, fieldName, byFieldName, "user", null, null, null, null, null);
    }

    private static AnalyzerDriver history(Job job, PopulationTraffic traffic) {
        AnalyzerDriver driver = new AnalyzerDriver(job, new DefaultSeriesModelFactory(3600));
        for (int hour = 0; hour < HISTORY_HOURS; hour++) {
            traffic.addHour(driver, hour * HOUR);
            driver.finalizeBucket(hour * HOUR);
        }
        return driver;
    }

    private static Job job(Detector detector) {
        return Jobs.job("1h", List.of("user", "action", "host"), detector);
    }

    @Test
    void busyUserIsRecordedWithCauses() {
        PopulationTraffic traffic = new PopulationTraffic(USERS, SEED);
        AnalyzerDriver driver = history(job(population("count", null, "action")), traffic);
        traffic.addHour(driver, LAST);
        for (int i = 0; i < 300; i++) {
            traffic.addRecord(driver, LAST, 7, "write", 1000.0);
        }

        BucketResults results = driver.finalizeBucket(LAST);

        assertThat(results.records()).as("seed %s", SEED).isNotEmpty();
        AnomalyRecord record = results.records().get(0);
        assertThat(record.overFieldName()).isEqualTo("user");
        assertThat(record.overFieldValue()).isEqualTo("user-7");
        assertThat(record.function()).isEqualTo("count");
        assertThat(record.byFieldValue()).isNull();
        assertThat(record.typical()).isNull();
        assertThat(record.actual()).isNull();
        assertThat(record.recordScore()).isGreaterThanOrEqualTo(75.0);
        assertThat(record.probability()).isLessThan(1e-6);
        assertThat(record.causes()).isNotEmpty().hasSizeLessThanOrEqualTo(PopulationScoring.MAX_CAUSES);
        AnomalyCause cause = record.causes().get(0);
        assertThat(cause.byFieldName()).isEqualTo("action");
        assertThat(cause.byFieldValue()).isEqualTo("write");
        assertThat(cause.overFieldName()).isEqualTo("user");
        assertThat(cause.overFieldValue()).isEqualTo("user-7");
        assertThat(cause.function()).isEqualTo("count");
        assertThat(cause.functionDescription()).isEqualTo("count");
        assertThat(cause.actual().get(0)).isGreaterThan(300.0);
        assertThat(cause.typical().get(0)).isBetween(1.0, 4.0);
        assertThat(cause.probability()).isLessThan(1e-6);
        assertThat(record.influencers()).contains(new Influence("user", List.of("user-7")));
        assertThat(record.influencers()).contains(new Influence("action", List.of("write")));
        assertThat(record.dynamicFields()).containsEntry("user", List.of("user-7"));
        assertThat(record.dynamicFields()).containsEntry("action", List.of("write"));
        assertThat(results.bucket().anomalyScore()).isGreaterThan(50.0);
    }

    @Test
    void skipResultRuleScopedToOverValueHidesMember() {
        DetectionRule rule = new DetectionRule(
                List.of("skip_result"), Map.of("user", new DetectionRule.FilterRef("trusted", "include")), null);
        Detector detector = new Detector(null, "count", null, "action", "user", null, null, null, List.of(rule), null);
        PopulationTraffic traffic = new PopulationTraffic(USERS, SEED);
        AnalyzerDriver driver = new AnalyzerDriver(job(detector), new DefaultSeriesModelFactory(3600));
        driver.analyzer.updateFilters(Map.of("trusted", Set.of("user-7")));
        for (int hour = 0; hour < HISTORY_HOURS; hour++) {
            traffic.addHour(driver, hour * HOUR);
            driver.finalizeBucket(hour * HOUR);
        }
        traffic.addHour(driver, LAST);
        for (int i = 0; i < 300; i++) {
            traffic.addRecord(driver, LAST, 7, "write", 1000.0);
            traffic.addRecord(driver, LAST, 8, "write", 1000.0);
        }

        List<String> recorded = driver.finalizeBucket(LAST).records().stream()
                .filter(record -> record.probability() < 1e-6)
                .map(AnomalyRecord::overFieldValue)
                .toList();

        assertThat(recorded).containsExactly("user-8");
    }

    @ParameterizedTest
    @ValueSource(strings = {"count", "distinct_count", "mean", "metric", "median", "max", "sum", "varp"})
    void normalPopulationScoresLow(String function) {
        String field = function.equals("count") ? null : function.equals("distinct_count") ? "host" : "bytes";
        PopulationTraffic traffic = new PopulationTraffic(USERS, SEED);
        AnalyzerDriver driver = history(job(population(function, field, "action")), traffic);

        assertThat(maxRecordScore(driver, 24 * 7)).as("seed %s", SEED).isLessThanOrEqualTo(25.0);
    }

    @Test
    void meanFlagsLargeTransfers() {
        PopulationTraffic traffic = new PopulationTraffic(USERS, SEED);
        AnalyzerDriver driver = history(job(population("mean", "bytes", "action")), traffic);
        traffic.addHour(driver, LAST);
        for (int i = 0; i < 20; i++) {
            traffic.addRecord(driver, LAST, 3, "read", 50_000.0);
        }

        AnomalyRecord record = driver.finalizeBucket(LAST).records().get(0);

        assertThat(record.overFieldValue()).isEqualTo("user-3");
        assertThat(record.fieldName()).isEqualTo("bytes");
        assertThat(record.causes().get(0).byFieldValue()).isEqualTo("read");
        assertThat(record.causes().get(0).fieldName()).isEqualTo("bytes");
        assertThat(record.causes().get(0).actual().get(0)).isGreaterThan(10_000.0);
        assertThat(record.causes().get(0).typical().get(0)).isBetween(900.0, 1100.0);
        assertThat(record.recordScore()).isGreaterThanOrEqualTo(75.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mean", "high_mean", "median", "max", "sum", "high_sum", "varp", "metric"})
    void metricFunctionsFlagHeavyUser(String function) {
        List<String> users = heavyUsers(function);

        assertThat(users).containsExactly("user-3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"low_mean", "low_median", "min", "low_sum"})
    void lowMetricFunctionsIgnoreHeavyUser(String function) {
        assertThat(heavyUsers(function)).isEmpty();
    }

    /** Returns the users with a probability below 1e-4 after user-3 moves 50,000 and 100,000 bytes in turns. */
    private static List<String> heavyUsers(String function) {
        PopulationTraffic traffic = new PopulationTraffic(USERS, SEED);
        AnalyzerDriver driver = history(job(population(function, "bytes", "action")), traffic);
        traffic.addHour(driver, LAST);
        for (int i = 0; i < 20; i++) {
            traffic.addRecord(driver, LAST, 3, "read", i % 2 == 0 ? 50_000.0 : 100_000.0);
        }
        List<String> users = new ArrayList<>();
        for (AnomalyRecord record : driver.finalizeBucket(LAST).records()) {
            if (record.probability() < 1e-4) {
                users.add(record.overFieldValue());
            }
        }
        return users;
    }

    @Test
    void manyDistinctHostsOfOneUserAreRecorded() {
        PopulationTraffic traffic = new PopulationTraffic(USERS, SEED);
        Detector detector = new Detector(null, "distinct_count", "host", null, "user", null, null, null, null, null);
        AnalyzerDriver driver = history(Jobs.job("1h", List.of("user"), detector), traffic);
        traffic.addHour(driver, LAST);
        for (int i = 0; i < 60; i++) {
            driver.add(LAST, java.util.Map.of("user", "user-5", "host", "scan-" + i));
        }

        AnomalyRecord record = driver.finalizeBucket(LAST).records().get(0);

        assertThat(record.overFieldValue()).isEqualTo("user-5");
        assertThat(record.causes()).hasSize(1);
        assertThat(record.causes().get(0).byFieldName()).isNull();
        assertThat(record.causes().get(0).actual().get(0)).isGreaterThanOrEqualTo(60.0);
        assertThat(record.recordScore()).isGreaterThanOrEqualTo(75.0);
    }

    @Test
    void partitionsHaveSeparatePopulations() {
        Detector detector = new Detector(null, "count", null, "action", "user", "region", null, null, null, null);
        AnalyzerDriver driver =
                new AnalyzerDriver(Jobs.job("1h", List.of("region"), detector), new DefaultSeriesModelFactory(3600));
        java.util.Random random = new java.util.Random(SEED);
        for (int hour = 0; hour <= HISTORY_HOURS; hour++) {
            for (int user = 0; user < 20; user++) {
                String region = user < 10 ? "eu" : "us";
                int reads = region.equals("eu") ? 5 + random.nextInt(3) : 50 + random.nextInt(10);
                if (hour == HISTORY_HOURS && user == 3) {
                    reads = 55;
                }
                for (int i = 0; i < reads; i++) {
                    driver.add(
                            hour * HOUR, java.util.Map.of("user", "user-" + user, "action", "read", "region", region));
                }
            }
            driver.finalizeBucket(hour * HOUR);
        }

        AnomalyRecord record = driver.results.get(HISTORY_HOURS).records().get(0);

        assertThat(record.partitionFieldName()).isEqualTo("region");
        assertThat(record.partitionFieldValue()).isEqualTo("eu");
        assertThat(record.overFieldValue()).isEqualTo("user-3");
        assertThat(record.causes().get(0).partitionFieldValue()).isEqualTo("eu");
        assertThat(record.causes().get(0).typical().get(0)).isBetween(5.0, 7.0);
        assertThat(record.probability()).isLessThan(1e-6);
        assertThat(driver.analyzer.modelSizeStats().totalPartitionFieldCount()).isEqualTo(2);
    }

    @Test
    void useNullMakesMissingUserAMember() {
        Detector withNull = new Detector(null, "count", null, null, "user", null, true, null, null, null);
        Detector withoutNull = new Detector(null, "count", null, null, "user", null, false, null, null, null);
        AnalyzerDriver withNullDriver = new AnalyzerDriver(job(withNull), new DefaultSeriesModelFactory(3600));
        AnalyzerDriver withoutNullDriver = new AnalyzerDriver(job(withoutNull), new DefaultSeriesModelFactory(3600));

        for (AnalyzerDriver driver : List.of(withNullDriver, withoutNullDriver)) {
            driver.add(0, java.util.Map.of("user", "user-1"));
            driver.add(0, java.util.Map.of("action", "read"));
            driver.finalizeBucket(0);
        }

        assertThat(withNullDriver.analyzer.modelSizeStats().totalOverFieldCount())
                .isEqualTo(2);
        assertThat(withoutNullDriver.analyzer.modelSizeStats().totalOverFieldCount())
                .isEqualTo(1);
    }

    @Test
    void highCountIgnoresQuietUser() {
        assertThat(anomalousUsers("high_count")).containsExactly("user-2");
    }

    @Test
    void lowCountIgnoresBusyUser() {
        assertThat(anomalousUsers("low_count")).containsExactly("user-1");
    }

    @Test
    void twoSidedCountFlagsBoth() {
        assertThat(anomalousUsers("count")).containsExactlyInAnyOrder("user-1", "user-2");
    }

    /** Runs a week of history in which every user reads 20 times an hour; then user-1 reads once, user-2 400 times. */
    private static List<String> anomalousUsers(String function) {
        AnalyzerDriver driver =
                new AnalyzerDriver(job(population(function, null, null)), new DefaultSeriesModelFactory(3600));
        java.util.Random random = new java.util.Random(SEED);
        for (int hour = 0; hour <= 24 * 7; hour++) {
            for (int user = 0; user < 20; user++) {
                int reads = 18 + random.nextInt(5);
                if (hour == 24 * 7) {
                    reads = user == 1 ? 1 : 20;
                    if (user == 2) {
                        reads = 400;
                    }
                }
                for (int i = 0; i < reads; i++) {
                    driver.add(hour * HOUR, java.util.Map.of("user", PopulationTraffic.user(user)));
                }
            }
            driver.finalizeBucket(hour * HOUR);
        }
        List<String> users = new ArrayList<>();
        for (AnomalyRecord record :
                driver.results.get(driver.results.size() - 1).records()) {
            if (record.probability() < 1e-4) {
                users.add(record.overFieldValue());
            }
        }
        return users;
    }

    static double maxRecordScore(AnalyzerDriver driver, int fromIndex) {
        double max = 0.0;
        for (BucketResults results : driver.results.subList(fromIndex, driver.results.size())) {
            for (AnomalyRecord record : results.records()) {
                max = Math.max(max, record.recordScore());
            }
        }
        return max;
    }
}
