package io.vigil.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vigil.analytics.DefaultSeriesModelFactory;
import io.vigil.results.AnomalyRecord;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Four weeks of logins of 4 users, UTC: on weekdays each user logs in a few times an hour from 08:00 to 18:00.
 * User-0 also runs a nightly job at about 02:00 every day, so its times have two modes.
 */
class TimeOfPeriodTest {

    private static final long SEED = 21L;
    private static final long HOUR = AnalyzerDriver.HOUR_MS;
    private static final int HISTORY_DAYS = 28;
    /** 1970-01-05 was a Monday; starting there makes day 0 a Monday. */
    private static final long START = 4L * 24 * HOUR;

    private static AnalyzerDriver history(String function, Random random) {
        AnalyzerDriver driver = new AnalyzerDriver(
                Jobs.job("1h", List.of("user"), Jobs.detector(function, null, "user", null)),
                new DefaultSeriesModelFactory(3600));
        for (int hour = 0; hour < HISTORY_DAYS * 24; hour++) {
            addNormalHour(driver, random, hour);
            driver.finalizeBucket(START + hour * HOUR);
        }
        return driver;
    }

    private static void addNormalHour(AnalyzerDriver driver, Random random, int hour) {
        long bucket = START + hour * HOUR;
        int hourOfDay = hour % 24;
        boolean weekday = (hour / 24) % 7 < 5;
        for (int user = 0; user < 4; user++) {
            boolean working = weekday && hourOfDay >= 8 && hourOfDay < 18;
            boolean nightly = user == 0 && hourOfDay == 2;
            if (working || nightly) {
                for (int i = 0; i < 1 + random.nextInt(4); i++) {
                    login(driver, bucket, bucket + random.nextInt(3_600_000), user);
                }
            }
        }
    }

    private static void login(AnalyzerDriver driver, long bucket, long time, int user) {
        driver.add(bucket, time, Map.of("user", "user-" + user));
    }

    @Test
    void loginAtNightIsRecorded() {
        Random random = new Random(SEED);
        AnalyzerDriver driver = history("time_of_day", random);
        long bucket = START + (HISTORY_DAYS * 24 + 3) * HOUR;
        login(driver, bucket, bucket + 20 * 60_000L, 2);

        BucketResults results = driver.finalizeBucket(bucket);

        assertThat(results.records()).as("seed %s", SEED).isNotEmpty();
        AnomalyRecord record = results.records().get(0);
        assertThat(record.function()).isEqualTo("time_of_day");
        assertThat(record.functionDescription()).isEqualTo("time");
        assertThat(record.byFieldValue()).isEqualTo("user-2");
        assertThat(record.actual().get(0)).isCloseTo(3 * 3600.0 + 20 * 60.0, within(1.0));
        assertThat(record.typical().get(0)).isBetween(8 * 3600.0, 18 * 3600.0);
        assertThat(record.anomalyScoreExplanation().anomalyType()).isEqualTo("dip");
        assertThat(record.recordScore()).isGreaterThanOrEqualTo(75.0);
    }

    @Test
    void secondModeIsUsual() {
        Random random = new Random(SEED);
        AnalyzerDriver driver = history("time_of_day", random);
        long bucket = START + (HISTORY_DAYS * 24 + 2) * HOUR;
        login(driver, bucket, bucket + 20 * 60_000L, 0);

        BucketResults results = driver.finalizeBucket(bucket);

        assertThat(results.records()).isEmpty();
    }

    @Test
    void usualTimesScoreLow() {
        Random random = new Random(SEED);
        AnalyzerDriver driver = history("time_of_day", random);

        assertThat(PopulationAnalysisTest.maxRecordScore(driver, 24 * 7)).isLessThanOrEqualTo(25.0);
    }

    @Test
    void weekendLoginIsRecordedByTimeOfWeek() {
        Random random = new Random(SEED);
        AnalyzerDriver driver = history("time_of_week", random);
        long saturdayNoon = START + (HISTORY_DAYS * 24 + 5 * 24 + 12) * HOUR;
        for (int hour = HISTORY_DAYS * 24; hour < HISTORY_DAYS * 24 + 5 * 24 + 12; hour++) {
            addNormalHour(driver, random, hour);
            driver.finalizeBucket(START + hour * HOUR);
        }
        login(driver, saturdayNoon, saturdayNoon + 60_000L, 3);

        BucketResults results = driver.finalizeBucket(saturdayNoon);

        assertThat(results.records()).isNotEmpty();
        AnomalyRecord record = results.records().get(0);
        assertThat(record.function()).isEqualTo("time_of_week");
        assertThat(record.byFieldValue()).isEqualTo("user-3");
        assertThat(record.actual().get(0)).isCloseTo((5 * 24 + 12) * 3600.0 + 60.0, within(1.0));
        assertThat(record.typical().get(0)).isLessThan(record.actual().get(0));
        assertThat(record.anomalyScoreExplanation().anomalyType()).isEqualTo("spike");
        assertThat(record.recordScore()).isGreaterThanOrEqualTo(75.0);
    }

    @Test
    void usualWeekTimesScoreLow() {
        Random random = new Random(SEED);
        AnalyzerDriver driver = history("time_of_week", random);

        assertThat(PopulationAnalysisTest.maxRecordScore(driver, 24 * 14)).isLessThanOrEqualTo(25.0);
    }
}
