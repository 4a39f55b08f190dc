package io.vigil.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vigil.job.Job;
import io.vigil.results.AnomalyRecord;
import io.vigil.results.BucketInfluencer;
import io.vigil.results.Influence;
import io.vigil.results.Influencer;
import io.vigil.scoring.MaxScoreScope;
import io.vigil.scoring.NormalizerKey;
import io.vigil.scoring.Normalizers;
import io.vigil.scoring.ScoreLevel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Four weeks of hourly traffic of 20 hosts, analysed by {@code mean(bytes) by host} and {@code count}. */
class PlantedAnomalyTest {

    private static final long SEED = 42L;
    private static final int HOSTS = 20;
    private static final int HISTORY_HOURS = 24 * 28;
    private static final long HOUR = AnalyzerDriver.HOUR_MS;
    private static final long LAST = HISTORY_HOURS * HOUR;

    private static Job job() {
        return Jobs.job(
                "1h",
                List.of("host"),
                Jobs.detector("mean", "bytes", "host", null),
                Jobs.detector("count", null, null, null));
    }

    private static AnalyzerDriver history(HostTraffic traffic) {
        AnalyzerDriver driver = new AnalyzerDriver(job(), new GaussianSeriesModelFactory());
        for (int hour = 0; hour < HISTORY_HOURS; hour++) {
            traffic.addHour(driver, hour * HOUR);
            driver.finalizeBucket(hour * HOUR);
        }
        return driver;
    }

    @Test
    void spikeOfOneHostIsRecordedWithHighScore() {
        HostTraffic traffic = new HostTraffic(HOSTS, SEED);
        AnalyzerDriver driver = history(traffic);
        traffic.addHour(driver, LAST);
        for (int i = 0; i < 10; i++) {
            traffic.addRecord(driver, LAST, 7, 5_000.0);
        }

        BucketResults results = driver.finalizeBucket(LAST);

        assertThat(results.records()).as("seed %s", SEED).isNotEmpty();
        AnomalyRecord record = results.records().get(0);
        assertThat(record.byFieldName()).isEqualTo("host");
        assertThat(record.byFieldValue()).isEqualTo("host-7");
        assertThat(record.function()).isEqualTo("mean");
        assertThat(record.functionDescription()).isEqualTo("mean");
        assertThat(record.fieldName()).isEqualTo("bytes");
        assertThat(record.detectorIndex()).isZero();
        assertThat(record.isInterim()).isFalse();
        assertThat(record.timestamp()).isEqualTo(LAST);
        assertThat(record.bucketSpan()).isEqualTo(3600);
        assertThat(record.actual().get(0)).isGreaterThan(2_500.0);
        assertThat(record.typical().get(0)).isCloseTo(HostTraffic.meanBytes(7), within(30.0));
        assertThat(record.probability()).isLessThan(1e-20);
        assertThat(record.recordScore()).isGreaterThanOrEqualTo(75.0);
        assertThat(record.initialRecordScore()).isEqualTo(record.recordScore());
        assertThat(record.influencers()).containsExactly(new Influence("host", List.of("host-7")));
        assertThat(record.dynamicFields()).containsEntry("host", List.of("host-7"));
        assertThat(record.anomalyScoreExplanation().anomalyType()).isEqualTo("spike");
        assertThat(record.anomalyScoreExplanation().singleBucketImpact()).isGreaterThan(20);
        assertThat(record.anomalyScoreExplanation().upperConfidenceBound())
                .isLessThan(record.actual().get(0));
        assertThat(results.bucket().anomalyScore()).isGreaterThanOrEqualTo(75.0);
        assertThat(results.influencers()).first().satisfies(influencer -> {
            assertThat(influencer.influencerFieldValue()).isEqualTo("host-7");
            assertThat(influencer.influencerScore()).isGreaterThanOrEqualTo(75.0);
        });
    }

    @Test
    void normalDataStaysBelowTwentyFive() {
        AnalyzerDriver driver = history(new HostTraffic(HOSTS, SEED));

        double maxBucket = driver.results.stream()
                .mapToDouble(results -> results.bucket().anomalyScore())
                .max()
                .orElseThrow();
        double maxRecord = driver.results.stream()
                .flatMap(results -> results.records().stream())
                .mapToDouble(AnomalyRecord::recordScore)
                .max()
                .orElse(0.0);
        double maxInfluencer = driver.results.stream()
                .flatMap(results -> results.influencers().stream())
                .mapToDouble(Influencer::influencerScore)
                .max()
                .orElse(0.0);
        long zeroBuckets = driver.results.stream()
                .filter(results -> results.bucket().anomalyScore() == 0.0)
                .count();

        assertThat(maxBucket).as("seed %s", SEED).isLessThan(25.0);
        assertThat(maxRecord).as("seed %s", SEED).isLessThan(25.0);
        assertThat(maxInfluencer).as("seed %s", SEED).isLessThan(25.0);
        assertThat(zeroBuckets).isGreaterThan(HISTORY_HOURS / 2);
    }

    @Test
    void bucketScoreIsMaxOfBucketInfluencerScores() {
        HostTraffic traffic = new HostTraffic(HOSTS, SEED);
        AnalyzerDriver driver = history(traffic);
        traffic.addHour(driver, LAST);
        traffic.addRecord(driver, LAST, 3, 4_000.0);
        driver.finalizeBucket(LAST);

        for (BucketResults results : driver.results) {
            double max = results.bucket().bucketInfluencers().stream()
                    .mapToDouble(BucketInfluencer::anomalyScore)
                    .max()
                    .orElse(0.0);
            assertThat(results.bucket().anomalyScore()).isEqualTo(max);
            assertThat(results.bucket().initialAnomalyScore()).isEqualTo(max);
            boolean hasBucketTime = results.bucket().bucketInfluencers().stream()
                    .anyMatch(influencer -> influencer.influencerFieldName().equals("bucket_time"));
            assertThat(hasBucketTime).isEqualTo(!results.records().isEmpty());
        }
    }

    @Test
    void burstOfOneHostIsAttributedToIt() {
        HostTraffic traffic = new HostTraffic(HOSTS, SEED);
        AnalyzerDriver driver = history(traffic);
        traffic.addHour(driver, LAST);
        for (int i = 0; i < 150; i++) {
            traffic.addRecord(driver, LAST, 3, HostTraffic.meanBytes(3));
        }

        BucketResults results = driver.finalizeBucket(LAST);

        AnomalyRecord count = results.records().stream()
                .filter(record -> record.function().equals("count"))
                .findFirst()
                .orElseThrow();
        assertThat(count.byFieldName()).isNull();
        assertThat(count.actual().get(0)).isGreaterThan(300.0);
        assertThat(count.influencers()).containsExactly(new Influence("host", List.of("host-3")));
        assertThat(count.dynamicFields()).isEqualTo(Map.of("host", List.of("host-3")));
        assertThat(results.influencers())
                .first()
                .extracting(Influencer::influencerFieldValue)
                .isEqualTo("host-3");
        assertThat(results.influencers())
                .filteredOn(influencer -> !influencer.influencerFieldValue().equals("host-3"))
                .allSatisfy(influencer -> assertThat(influencer.influencerScore())
                        .isLessThan(results.influencers().get(0).influencerScore()));
    }

    @Test
    void recordsAreCappedLeastProbableFirst() {
        int hosts = 600;
        HostTraffic traffic = new HostTraffic(hosts, SEED);
        AnalyzerDriver driver = new AnalyzerDriver(
                Jobs.job("1h", List.of("host"), Jobs.detector("mean", "bytes", "host", null)),
                new GaussianSeriesModelFactory());
        for (int hour = 0; hour < 30; hour++) {
            traffic.addHour(driver, hour * HOUR);
            driver.finalizeBucket(hour * HOUR);
        }
        for (int host = 0; host < hosts; host++) {
            traffic.addRecord(driver, 30 * HOUR, host, HostTraffic.meanBytes(host) + 400.0 + host);
        }

        BucketResults results = driver.finalizeBucket(30 * HOUR);

        assertThat(results.records()).hasSize(BucketScorer.MAX_RECORDS);
        for (int i = 1; i < results.records().size(); i++) {
            assertThat(results.records().get(i).probability())
                    .isGreaterThanOrEqualTo(results.records().get(i - 1).probability());
        }
    }

    /** Renormalizing a bucket's stored results right after it, from their stored values, gives the same scores. */
    @Test
    void storedResultsRenormalizeToTheirScores() {
        HostTraffic traffic = new HostTraffic(HOSTS, SEED);
        AnalyzerDriver driver = history(traffic);
        driver.analyzer.takeBigChange();
        traffic.addHour(driver, LAST);
        traffic.addRecord(driver, LAST, 5, 4_500.0);

        BucketResults results = driver.finalizeBucket(LAST);
        boolean bigChange = driver.analyzer.takeBigChange();
        boolean bigChangeAgain = driver.analyzer.takeBigChange();
        Normalizers normalizers = driver.analyzer.normalizersCopy().orElseThrow();

        assertThat(bigChange).isTrue();
        assertThat(bigChangeAgain).isFalse();
        for (AnomalyRecord record : results.records()) {
            NormalizerKey key = NormalizerKey.record(
                    record.partitionFieldName(), record.byFieldName(), record.function(), record.fieldName());
            MaxScoreScope scope = new MaxScoreScope(record.partitionFieldValue(), record.byFieldValue());
            assertThat(normalizers.normalize(ScoreLevel.RECORD, key, scope, record.probability()))
                    .isEqualTo(record.recordScore());
        }
        for (Influencer influencer : results.influencers()) {
            NormalizerKey key = NormalizerKey.influencer(influencer.influencerFieldName());
            MaxScoreScope scope = new MaxScoreScope(null, influencer.influencerFieldValue());
            assertThat(normalizers.normalize(ScoreLevel.INFLUENCER, key, scope, influencer.probability()))
                    .isEqualTo(influencer.influencerScore());
        }
        for (BucketInfluencer bucketInfluencer : results.bucket().bucketInfluencers()) {
            boolean bucketTime = bucketInfluencer.influencerFieldName().equals(BucketInfluencer.BUCKET_TIME);
            ScoreLevel level = bucketTime ? ScoreLevel.BUCKET : ScoreLevel.BUCKET_INFLUENCER;
            NormalizerKey key = bucketTime
                    ? NormalizerKey.BUCKET
                    : NormalizerKey.influencer(bucketInfluencer.influencerFieldName());
            assertThat(normalizers.normalize(level, key, MaxScoreScope.ALL, bucketInfluencer.rawAnomalyScore()))
                    .isEqualTo(bucketInfluencer.anomalyScore());
        }
        assertThat(results.records()).isNotEmpty();
        assertThat(results.bucket().bucketInfluencers()).hasSize(2);
    }
}
