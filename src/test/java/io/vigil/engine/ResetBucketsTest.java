package io.vigil.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.analytics.DefaultSeriesModelFactory;
import io.vigil.job.Detector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Resetting buckets for every kind of analysis. Three buckets are open at once, as with latency. The middle one first
 * receives half of its records and a burst of unusual ones, is reset, and then receives all of its records. The
 * results and the state must equal those of an analyzer that received each bucket's records once, which holds only
 * if the reset dropped the middle bucket's statistics and kept those of its neighbours.
 */
class ResetBucketsTest {

    private static final long SEED = 17L;
    private static final long HOUR = AnalyzerDriver.HOUR_MS;
    private static final int HISTORY_HOURS = 48;
    private static final long FIRST_OPEN = HISTORY_HOURS * HOUR;
    private static final long RESET = FIRST_OPEN + HOUR;
    private static final long LAST_OPEN = FIRST_OPEN + 2 * HOUR;
    private static final String[] PROCESSES = {"sshd", "cron", "bash", "java", "nginx"};
    private static final int BURST_RECORDS = 25;

    private static Detector detector(String function, String field, String byField, String overField) {
        return new Detector(null, function, field, byField, overField, null, null, null, null, null);
    }

    static Stream<Arguments> analyses() {
        return Stream.of(
                analysis("metric", detector("metric", "bytes", "host", null)),
                analysis("median", detector("median", "bytes", "host", null)),
                analysis("count", detector("count", null, "host", null)),
                analysis("distinct count", detector("distinct_count", "user", "host", null)),
                analysis("rare", detector("rare", null, "process", null)),
                analysis("population rare", detector("rare", null, "process", "user")),
                analysis("population metric", detector("mean", "bytes", null, "user")),
                analysis("population count", detector("count", null, "host", "user")),
                analysis("lat_long", detector("lat_long", "location", "host", null)),
                analysis("info content", detector("info_content", "query", "host", null)),
                analysis("time of day", detector("time_of_day", null, "host", null)),
                analysis("categorization count", detector("count", null, "mlcategory", null)));
    }

    private static Arguments analysis(String name, Detector detector) {
        return Arguments.of(Named.of(name, detector));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("analyses")
    void resetDropsOnlyBucketsInRange(Detector detector) {
        Traffic traffic = new Traffic(SEED + 1);
        AnalyzerDriver reset = history(detector);
        AnalyzerDriver once = history(detector);
        List<Map<String, String>> first = traffic.hour(FIRST_OPEN);
        List<Map<String, String>> middle = traffic.hour(RESET);
        List<Map<String, String>> last = traffic.hour(LAST_OPEN);
        byte[] stateBeforeReset;

        add(once, FIRST_OPEN, first);
        add(once, RESET, middle);
        add(once, LAST_OPEN, last);
        add(reset, FIRST_OPEN, first);
        add(reset, RESET, partWithBurst(middle));
        add(reset, LAST_OPEN, last);
        stateBeforeReset = reset.state();
        reset.analyzer.resetBuckets(RESET, RESET + HOUR);
        byte[] stateAfterReset = reset.state();
        add(reset, RESET, middle);

        assertThat(stateAfterReset).isEqualTo(stateBeforeReset);
        for (long bucket = FIRST_OPEN; bucket <= LAST_OPEN; bucket += HOUR) {
            BucketResults expected = Results.withoutTiming(once.finalizeBucket(bucket));
            BucketResults actual = Results.withoutTiming(reset.finalizeBucket(bucket));
            assertThat(actual).as("bucket %d", bucket).isEqualTo(expected);
            assertThat(actual.bucket().eventCount()).as("bucket %d", bucket).isPositive();
        }
        assertThat(reset.state()).isEqualTo(once.state());
    }

    /** Checks that the burst changes the results, so that the test above would fail if the reset kept it. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("analyses")
    void burstWithoutResetChangesResults(Detector detector) {
        Traffic traffic = new Traffic(SEED + 1);
        AnalyzerDriver twice = history(detector);
        AnalyzerDriver once = history(detector);
        List<Map<String, String>> middle = traffic.hour(RESET);

        add(twice, RESET, partWithBurst(middle));
        add(twice, RESET, middle);
        add(once, RESET, middle);

        BucketResults expected = Results.withoutTiming(once.finalizeBucket(RESET));
        BucketResults actual = Results.withoutTiming(twice.finalizeBucket(RESET));
        assertThat(actual).isNotEqualTo(expected);
    }

    @Test
    void emptyOrReversedRangeChangesNothing() {
        Traffic traffic = new Traffic(SEED + 1);
        Detector detector = detector("metric", "bytes", "host", null);
        AnalyzerDriver reset = history(detector);
        AnalyzerDriver untouched = history(detector);
        List<Map<String, String>> records = traffic.hour(FIRST_OPEN);
        add(reset, FIRST_OPEN, records);
        add(untouched, FIRST_OPEN, records);

        reset.analyzer.resetBuckets(FIRST_OPEN, FIRST_OPEN);
        reset.analyzer.resetBuckets(FIRST_OPEN + HOUR, FIRST_OPEN);
        reset.analyzer.resetBuckets(FIRST_OPEN + HOUR, FIRST_OPEN + 2 * HOUR);

        BucketResults expected = Results.withoutTiming(untouched.finalizeBucket(FIRST_OPEN));
        BucketResults actual = Results.withoutTiming(reset.finalizeBucket(FIRST_OPEN));
        assertThat(actual).isEqualTo(expected);
        assertThat(actual.bucket().eventCount()).isEqualTo(records.size());
    }

    @Test
    void resetBucketHasNoEventsLeft() {
        Traffic traffic = new Traffic(SEED + 1);
        AnalyzerDriver driver = history(detector("count", null, "host", null));
        add(driver, FIRST_OPEN, traffic.hour(FIRST_OPEN));

        driver.analyzer.resetBuckets(FIRST_OPEN, FIRST_OPEN + HOUR);

        BucketResults interim = driver.analyzer.interimResults(FIRST_OPEN);
        BucketResults finalized = driver.finalizeBucket(FIRST_OPEN);
        assertThat(interim.bucket().eventCount()).isZero();
        assertThat(finalized.bucket().eventCount()).isZero();
    }

    private static AnalyzerDriver history(Detector detector) {
        AnalyzerDriver driver =
                new AnalyzerDriver(Jobs.job("1h", List.of("host"), detector), new DefaultSeriesModelFactory(3600));
        Traffic traffic = new Traffic(SEED);
        for (int hour = 0; hour < HISTORY_HOURS; hour++) {
            long bucket = hour * HOUR;
            add(driver, bucket, traffic.hour(bucket));
            driver.finalizeBucket(bucket);
        }
        return driver;
    }

    private static void add(AnalyzerDriver driver, long bucketStartMs, List<Map<String, String>> records) {
        for (Map<String, String> record : records) {
            driver.add(bucketStartMs, Long.parseLong(record.get("time")), record);
        }
    }

    /**
     * Returns the first half of a bucket's records followed by a burst that is unusual for every analysis. The burst
     * has large byte counts, every user, new queries, a distant location and times at the start of the bucket. Its
     * host, user, process and category values all exist already, so no new series or population member appears.
     */
    private static List<Map<String, String>> partWithBurst(List<Map<String, String>> records) {
        List<Map<String, String>> part = new ArrayList<>(records.subList(0, records.size() / 2));
        long bucketStart = Long.parseLong(records.get(0).get("time")) / HOUR * HOUR;
        for (int i = 0; i < BURST_RECORDS; i++) {
            Map<String, String> burst = new HashMap<>();
            burst.put("time", Long.toString(bucketStart + i));
            burst.put("host", "host-0");
            burst.put("user", "user-" + i % 8);
            burst.put("bytes", "250000");
            burst.put("location", "-33.9,151.2");
            burst.put("query", "x7Qz" + i + "Lm9Pv" + (i * 7919) + "Rk3Wt");
            burst.put("process", "cron");
            burst.put("mlcategory", "1");
            part.add(burst);
        }
        return part;
    }

    /**
     * Seeded hourly traffic of 4 hosts and 8 users. Each hour has 30 to 39 records at increasing times, with bytes
     * normal around {@code 1000 + 100 · host}, a location near the host's site, a short query, one of 5 processes and
     * one of 3 message categories.
     */
    private static final class Traffic {

        private final Random random;

        Traffic(long seed) {
            this.random = new Random(seed);
        }

        List<Map<String, String>> hour(long bucketStartMs) {
            int count = 30 + random.nextInt(10);
            List<Map<String, String>> records = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int host = random.nextInt(4);
                Map<String, String> record = new HashMap<>();
                record.put("time", Long.toString(bucketStartMs + (i * HOUR + random.nextInt((int) HOUR)) / count));
                record.put("host", "host-" + host);
                record.put("user", "user-" + random.nextInt(8));
                record.put("bytes", Double.toString(1000.0 + 100.0 * host + 50.0 * random.nextGaussian()));
                record.put(
                        "location",
                        (40.0 + host + 0.01 * random.nextGaussian()) + "," + (-70.0 + 0.01 * random.nextGaussian()));
                record.put("query", "q" + random.nextInt(20));
                record.put("process", PROCESSES[random.nextInt(PROCESSES.length)]);
                record.put("mlcategory", Integer.toString(1 + random.nextInt(3)));
                records.add(record);
            }
            return records;
        }
    }
}
