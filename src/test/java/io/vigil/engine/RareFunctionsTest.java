package io.vigil.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vigil.analytics.DefaultSeriesModelFactory;
import io.vigil.job.Detector;
import io.vigil.job.Job;
import io.vigil.results.AnomalyRecord;
import io.vigil.results.BucketInfluencer;
import io.vigil.results.Influencer;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Two weeks of hourly process launches on 10 hosts: each host starts 30 processes an hour, drawn from 8 common
 * names, and one of 6 occasional names about once a day.
 */
class RareFunctionsTest {

    private static final long SEED = 5L;
    private static final long HOUR = AnalyzerDriver.HOUR_MS;
    private static final int HISTORY_HOURS = 24 * 14;
    private static final long LAST = HISTORY_HOURS * HOUR;
    private static final String[] COMMON = {"sshd", "cron", "bash", "java", "nginx", "python", "systemd", "rsync"};
    private static final String[] OCCASIONAL = {"tar", "gzip", "vim", "top", "less", "curl"};

    private static Detector rare(String byField, String overField) {
        return new Detector(null, "rare", null, byField, overField, null, null, null, null, null);
    }

    private static void addHour(AnalyzerDriver driver, Random random, long bucketStartMs, String byField) {
        for (int host = 0; host < 10; host++) {
            for (int i = 0; i < 30; i++) {
                String process = COMMON[random.nextInt(COMMON.length)];
                if (random.nextInt(24 * 30) < 6) {
                    process = OCCASIONAL[random.nextInt(OCCASIONAL.length)];
                }
                driver.add(bucketStartMs, Map.of(byField, process, "host", "host-" + host));
            }
        }
    }

    private static AnalyzerDriver history(Job job, Random random, String byField) {
        AnalyzerDriver driver = new AnalyzerDriver(job, new DefaultSeriesModelFactory(3600));
        for (int hour = 0; hour < HISTORY_HOURS; hour++) {
            addHour(driver, random, hour * HOUR, byField);
            driver.finalizeBucket(hour * HOUR);
        }
        return driver;
    }

    @Test
    void newProcessIsRecordedOnFirstAppearance() {
        Random random = new Random(SEED);
        AnalyzerDriver driver =
                history(Jobs.job("1h", List.of("process", "host"), rare("process", null)), random, "process");
        addHour(driver, random, LAST, "process");
        driver.add(LAST, Map.of("process", "mimikatz", "host", "host-4"));

        BucketResults results = driver.finalizeBucket(LAST);

        assertThat(results.records()).as("seed %s", SEED).isNotEmpty();
        AnomalyRecord record = results.records().get(0);
        assertThat(record.function()).isEqualTo("rare");
        assertThat(record.functionDescription()).isEqualTo("rare");
        assertThat(record.byFieldName()).isEqualTo("process");
        assertThat(record.byFieldValue()).isEqualTo("mimikatz");
        assertThat(record.actual()).containsExactly(1.0);
        assertThat(record.typical()).containsExactly(0.0);
        assertThat(record.multiBucketImpact()).isNull();
        assertThat(record.probability()).isLessThan(0.01);
        assertThat(record.recordScore()).isGreaterThanOrEqualTo(75.0);
        assertThat(record.anomalyScoreExplanation().byFieldFirstOccurrence()).isTrue();
        assertThat(record.anomalyScoreExplanation().byFieldRelativeRarity()).isGreaterThan(100.0);
        assertThat(record.anomalyScoreExplanation().lowerConfidenceBound()).isNull();
        assertThat(record.influencers())
                .extracting(influence -> influence.influencerFieldName())
                .containsExactly("process", "host");
        assertThat(record.dynamicFields()).containsEntry("host", List.of("host-4"));
        assertThat(results.records()).hasSize(1);
    }

    @Test
    void newValueAmongChurningValuesIsUsual() {
        AnalyzerDriver driver = new AnalyzerDriver(
                Jobs.job("1h", List.of(), rare("process", null)), new DefaultSeriesModelFactory(3600));
        for (int hour = 0; hour <= HISTORY_HOURS; hour++) {
            for (String process : COMMON) {
                driver.add(hour * HOUR, Map.of("process", process));
            }
            driver.add(hour * HOUR, Map.of("process", "job-" + hour));
            driver.finalizeBucket(hour * HOUR);
        }

        List<AnomalyRecord> last = driver.results.get(HISTORY_HOURS).records();

        assertThat(last).allSatisfy(record -> assertThat(record.probability()).isGreaterThan(0.01));
    }

    @Test
    void knownProcessesScoreLow() {
        Random random = new Random(SEED);
        AnalyzerDriver driver = history(Jobs.job("1h", List.of(), rare("process", null)), random, "process");

        assertThat(PopulationAnalysisTest.maxRecordScore(driver, 24 * 7)).isLessThanOrEqualTo(25.0);
    }

    /** The bucket of a first occurrence scores like its record, for a new process and for a new log category. */
    @Test
    void firstOccurrenceBucketScoresLikeRecord() {
        for (String byField : new String[] {"process", "mlcategory"}) {
            Random random = new Random(SEED);
            AnalyzerDriver driver = history(Jobs.job("1h", List.of(), rare(byField, null)), random, byField);
            addHour(driver, random, LAST, byField);
            driver.add(LAST, Map.of(byField, "mimikatz"));

            BucketResults results = driver.finalizeBucket(LAST);

            double bucketTime = results.bucket().bucketInfluencers().stream()
                    .filter(influencer -> influencer.influencerFieldName().equals(BucketInfluencer.BUCKET_TIME))
                    .mapToDouble(BucketInfluencer::anomalyScore)
                    .findFirst()
                    .orElse(0.0);
            assertThat(results.records().get(0).recordScore()).as(byField).isGreaterThanOrEqualTo(75.0);
            assertThat(bucketTime).as(byField).isGreaterThanOrEqualTo(50.0);
            assertThat(results.bucket().anomalyScore()).as(byField).isGreaterThanOrEqualTo(50.0);
        }
    }

    /** A count detector beside the rare one makes the bucket history noisy; the bucket still follows the record. */
    @Test
    void firstOccurrenceBucketBesideCountDetector() {
        Random random = new Random(SEED);
        Detector count = new Detector(null, "count", null, "mlcategory", null, null, null, null, null, null);
        AnalyzerDriver driver =
                history(Jobs.job("1h", List.of(), count, rare("mlcategory", null)), random, "mlcategory");
        addHour(driver, random, LAST, "mlcategory");
        driver.add(LAST, Map.of("mlcategory", "42"));

        BucketResults results = driver.finalizeBucket(LAST);

        AnomalyRecord record = results.records().stream()
                .filter(candidate -> candidate.function().equals("rare"))
                .findFirst()
                .orElseThrow();
        assertThat(record.byFieldValue()).isEqualTo("42");
        assertThat(record.recordScore()).isGreaterThanOrEqualTo(50.0);
        assertThat(results.bucket().anomalyScore()).isGreaterThanOrEqualTo(record.recordScore());
    }

    /** Influencers of a new process on a host, with and without the host as over field, score like its record. */
    @Test
    void firstOccurrenceInfluencersScoreLikeRecord() {
        for (String overField : new String[] {null, "host"}) {
            Random random = new Random(SEED);
            AnalyzerDriver driver =
                    history(Jobs.job("1h", List.of("host", "process"), rare("process", overField)), random, "process");
            addHour(driver, random, LAST, "process");
            driver.add(LAST, Map.of("process", "nc", "host", "host-6"));

            BucketResults results = driver.finalizeBucket(LAST);

            AnomalyRecord record = results.records().get(0);
            String label = "over " + overField;
            assertThat(record.anomalyScoreExplanation().byFieldFirstOccurrence())
                    .as(label)
                    .isTrue();
            assertThat(record.recordScore()).as(label).isGreaterThanOrEqualTo(50.0);
            assertThat(influencerScore(results, "host", "host-6"))
                    .as(label)
                    .isCloseTo(record.recordScore(), within(10.0));
            assertThat(influencerScore(results, "process", "nc"))
                    .as(label)
                    .isCloseTo(record.recordScore(), within(10.0));
            assertThat(bucketInfluencerScore(results, "host")).as(label).isCloseTo(record.recordScore(), within(10.0));
            assertThat(bucketInfluencerScore(results, "process"))
                    .as(label)
                    .isCloseTo(record.recordScore(), within(10.0));
        }
    }

    private static double influencerScore(BucketResults results, String fieldName, String fieldValue) {
        return results.influencers().stream()
                .filter(influencer -> influencer.influencerFieldName().equals(fieldName))
                .filter(influencer -> influencer.influencerFieldValue().equals(fieldValue))
                .mapToDouble(Influencer::influencerScore)
                .findFirst()
                .orElse(-1.0);
    }

    private static double bucketInfluencerScore(BucketResults results, String fieldName) {
        return results.bucket().bucketInfluencers().stream()
                .filter(influencer -> influencer.influencerFieldName().equals(fieldName))
                .mapToDouble(BucketInfluencer::anomalyScore)
                .findFirst()
                .orElse(-1.0);
    }

    @Test
    void newLogCategoryIsRecorded() {
        Random random = new Random(SEED);
        AnalyzerDriver driver = history(Jobs.job("1h", List.of(), rare("mlcategory", null)), random, "mlcategory");
        addHour(driver, random, LAST, "mlcategory");
        driver.add(LAST, Map.of("mlcategory", "42"));

        AnomalyRecord record = driver.finalizeBucket(LAST).records().get(0);

        assertThat(record.byFieldName()).isEqualTo("mlcategory");
        assertThat(record.byFieldValue()).isEqualTo("42");
        assertThat(record.anomalyScoreExplanation().byFieldFirstOccurrence()).isTrue();
        assertThat(record.probability()).isLessThan(0.01);
        assertThat(record.recordScore()).isGreaterThanOrEqualTo(75.0);
    }

    @Test
    void hostRunningProcessNoOtherRunsIsRecorded() {
        Random random = new Random(SEED);
        AnalyzerDriver driver = history(Jobs.job("1h", List.of("host"), rare("process", "host")), random, "process");
        addHour(driver, random, LAST, "process");
        driver.add(LAST, Map.of("process", "nc", "host", "host-6"));

        AnomalyRecord record = driver.finalizeBucket(LAST).records().get(0);

        assertThat(record.overFieldName()).isEqualTo("host");
        assertThat(record.overFieldValue()).isEqualTo("host-6");
        assertThat(record.multiBucketImpact()).isNull();
        assertThat(record.causes()).isNotEmpty();
        assertThat(record.causes().get(0).byFieldValue()).isEqualTo("nc");
        assertThat(record.causes().get(0).function()).isEqualTo("rare");
        assertThat(record.anomalyScoreExplanation().byFieldFirstOccurrence()).isTrue();
        assertThat(record.probability()).isLessThan(0.01);
        assertThat(record.recordScore()).isGreaterThanOrEqualTo(75.0);
    }

    @Test
    void populationRareScoresKnownProcessesLow() {
        Random random = new Random(SEED);
        AnalyzerDriver driver = history(Jobs.job("1h", List.of("host"), rare("process", "host")), random, "process");

        assertThat(PopulationAnalysisTest.maxRecordScore(driver, 24 * 7)).isLessThanOrEqualTo(25.0);
    }

    @Test
    void freqRareFlagsHeavyRareUse() {
        Random random = new Random(SEED);
        Detector detector = new Detector(null, "freq_rare", null, "process", "host", null, null, null, null, null);
        AnalyzerDriver driver = history(Jobs.job("1h", List.of("host"), detector), random, "process");
        addHour(driver, random, LAST, "process");
        for (int i = 0; i < 200; i++) {
            driver.add(LAST, Map.of("process", "curl", "host", "host-2"));
        }

        BucketResults results = driver.finalizeBucket(LAST);

        AnomalyRecord record = results.records().get(0);
        assertThat(record.function()).isEqualTo("freq_rare");
        assertThat(record.overFieldValue()).isEqualTo("host-2");
        assertThat(record.causes().get(0).byFieldValue()).isEqualTo("curl");
        assertThat(record.causes().get(0).actual().get(0)).isGreaterThanOrEqualTo(200.0);
        assertThat(record.recordScore()).isGreaterThanOrEqualTo(75.0);
        assertThat(PopulationAnalysisTest.maxRecordScore(driver, 24 * 7)).isGreaterThanOrEqualTo(75.0);
    }

    @Test
    void freqRareScoresNormalHostsLow() {
        Random random = new Random(SEED);
        Detector detector = new Detector(null, "freq_rare", null, "process", "host", null, null, null, null, null);
        AnalyzerDriver driver = history(Jobs.job("1h", List.of("host"), detector), random, "process");

        assertThat(PopulationAnalysisTest.maxRecordScore(driver, 24 * 7)).isLessThanOrEqualTo(25.0);
    }

    @Test
    void freqRareIgnoresHeavyCommonUse() {
        Random random = new Random(SEED);
        Detector detector = new Detector(null, "freq_rare", null, "process", "host", null, null, null, null, null);
        AnalyzerDriver driver = history(Jobs.job("1h", List.of("host"), detector), random, "process");
        addHour(driver, random, LAST, "process");
        for (int i = 0; i < 200; i++) {
            driver.add(LAST, Map.of("process", "sshd", "host", "host-2"));
        }

        BucketResults results = driver.finalizeBucket(LAST);

        assertThat(results.records())
                .noneMatch(record -> "host-2".equals(record.overFieldValue()) && record.recordScore() > 25.0);
    }
}
