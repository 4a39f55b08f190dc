package io.vigil.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.analytics.DefaultSeriesModelFactory;
import io.vigil.results.AnomalyRecord;
import io.vigil.scoring.MaxScoreScope;
import io.vigil.scoring.NormalizerKey;
import io.vigil.scoring.ScoreLevel;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A {@code count} job of 10-minute buckets with about 50 events each: a critical record of 110 events, then, 1,500
 * buckets later, a burst of 500. Rescoring the record against the normalizers after the burst, as renormalization
 * does, keeps it critical.
 */
class RenormalizedAlertTest {

    private static final long SEED = 3L;
    private static final long SPAN_MS = 600_000L;
    private static final int ALERT_BUCKET = 1_500;
    private static final int BURST_BUCKET = 3_000;
    private static final NormalizerKey KEY = NormalizerKey.record(null, null, "count", null);
    private static final MaxScoreScope SCOPE = new MaxScoreScope(null, null);

    @Test
    void criticalRecordStaysCriticalAfterLargerBurst() {
        AnalyzerDriver driver = new AnalyzerDriver(
                Jobs.job("10m", List.of(), Jobs.detector("count", null, null, null)),
                new DefaultSeriesModelFactory(600));
        Random random = new Random(SEED);
        AnomalyRecord alert = null;
        for (int bucket = 0; bucket < BURST_BUCKET; bucket++) {
            int events = bucket == ALERT_BUCKET ? 110 : (int) Math.round(50 + 7 * random.nextGaussian());
            BucketResults results = addEvents(driver, bucket, events);
            if (bucket == ALERT_BUCKET) {
                alert = results.records().get(0);
            }
        }
        double beforeBurst = rescore(driver, alert);
        BucketResults burst = addEvents(driver, BURST_BUCKET, 500);
        double afterBurst = rescore(driver, alert);

        assertThat(alert.initialRecordScore()).as("initial score").isGreaterThanOrEqualTo(75.0);
        assertThat(beforeBurst).as("rescored before the burst").isGreaterThanOrEqualTo(75.0);
        assertThat(burst.records().get(0).probability()).as("burst probability").isLessThan(1e-100);
        assertThat(afterBurst).as("rescored after the burst").isGreaterThanOrEqualTo(75.0);
    }

    private static BucketResults addEvents(AnalyzerDriver driver, int bucket, int events) {
        for (int i = 0; i < events; i++) {
            driver.add(bucket * SPAN_MS, Map.of());
        }
        return driver.finalizeBucket(bucket * SPAN_MS);
    }

    private static double rescore(AnalyzerDriver driver, AnomalyRecord record) {
        return driver.analyzer.normalizers().normalize(ScoreLevel.RECORD, KEY, SCOPE, record.probability());
    }
}
