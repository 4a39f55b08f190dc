package io.vigil.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vigil.results.AnomalyRecord;
import io.vigil.results.BucketInfluencer;
import io.vigil.results.Influencer;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Scores of the bucket, influencer and record levels for the same anomaly. */
class ScoreConsistencyTest {

    private static final long SEED = 42L;
    private static final long HOUR = AnalyzerDriver.HOUR_MS;

    /** Runs four weeks of 20 hosts with a spike of host-2 at hour 200 and of host-5 at hour 400. */
    private static List<BucketResults> hostSpikes() {
        AnalyzerDriver driver = new AnalyzerDriver(
                Jobs.job("1h", List.of("host"), Jobs.detector("mean", "bytes", "host", null)),
                new GaussianSeriesModelFactory());
        HostTraffic traffic = new HostTraffic(20, SEED);
        for (int hour = 0; hour <= 400; hour++) {
            long start = hour * HOUR;
            traffic.addHour(driver, start);
            for (int i = 0; i < 10; i++) {
                if (hour == 200) {
                    traffic.addRecord(driver, start, 2, 5_000.0);
                } else if (hour == 400) {
                    traffic.addRecord(driver, start, 5, 1_900.0);
                }
            }
            driver.finalizeBucket(start);
        }
        return driver.results;
    }

    @Test
    void influencerScoresNearItsRecord() {
        List<BucketResults> results = hostSpikes();

        for (int hour : new int[] {200, 400}) {
            BucketResults bucket = results.get(hour);
            AnomalyRecord record = bucket.records().get(0);
            Influencer influencer = bucket.influencers().get(0);

            assertThat(influencer.influencerFieldValue()).isEqualTo(record.byFieldValue());
            assertThat(influencer.influencerScore()).as("hour %s", hour).isGreaterThan(75.0);
            assertThat(influencer.influencerScore()).as("hour %s", hour).isCloseTo(record.recordScore(), within(10.0));
        }
    }

    @Test
    void influencerFieldScoresNearBucketTime() {
        List<BucketResults> results = hostSpikes();

        for (int hour : new int[] {200, 400}) {
            List<BucketInfluencer> bucketInfluencers =
                    results.get(hour).bucket().bucketInfluencers();
            double host = scoreOf(bucketInfluencers, "host");
            double bucketTime = scoreOf(bucketInfluencers, BucketInfluencer.BUCKET_TIME);

            assertThat(bucketTime).as("hour %s", hour).isGreaterThan(50.0);
            assertThat(host).as("hour %s", hour).isCloseTo(bucketTime, within(10.0));
        }
    }

    /** One overwhelming spike in the 300th hour of one normal series reaches 75 at the bucket level too. */
    @Test
    void overwhelmingAnomalyOfYoungJobIsCritical() {
        AnalyzerDriver driver = new AnalyzerDriver(
                Jobs.job("1h", List.of(), Jobs.detector("mean", "value", null, null)),
                new GaussianSeriesModelFactory());
        Random random = new Random(SEED);
        int spikeHour = 299;
        for (int hour = 0; hour <= spikeHour; hour++) {
            long start = hour * HOUR;
            double value = hour == spikeHour ? 5_000.0 : 100.0 + 5.0 * random.nextGaussian();
            driver.add(start, Map.of("value", Double.toString(value)));
            driver.finalizeBucket(start);
        }

        BucketResults spike = driver.results.get(spikeHour);

        assertThat(spike.records().get(0).probability()).isLessThan(1e-100);
        assertThat(spike.records().get(0).recordScore()).isGreaterThan(75.0);
        assertThat(spike.bucket().anomalyScore()).isGreaterThanOrEqualTo(75.0);
    }

    private static double scoreOf(List<BucketInfluencer> bucketInfluencers, String fieldName) {
        return bucketInfluencers.stream()
                .filter(influencer -> influencer.influencerFieldName().equals(fieldName))
                .mapToDouble(BucketInfluencer::anomalyScore)
                .findFirst()
                .orElse(0.0);
    }
}
