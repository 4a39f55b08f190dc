package io.vigil.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vigil.analytics.DefaultSeriesModelFactory;
import io.vigil.analytics.GeoPoint;
import io.vigil.results.AnomalyRecord;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Two weeks of hourly card payments of 3 customers: each pays near home (within about 5 km) or, for customer-1,
 * sometimes near the office in another city. Then customer-2 pays in Sydney.
 */
class LatLongTest {

    private static final long SEED = 17L;
    private static final long HOUR = AnalyzerDriver.HOUR_MS;
    private static final int HISTORY_HOURS = 24 * 14;
    private static final long LAST = HISTORY_HOURS * HOUR;
    private static final double[][] HOMES = {{40.71, -74.0}, {51.5, -0.12}, {48.85, 2.35}};
    private static final double[] OFFICE = {52.52, 13.4};

    private static AnalyzerDriver history(Random random) {
        AnalyzerDriver driver = new AnalyzerDriver(
                Jobs.job("1h", List.of("customer"), Jobs.detector("lat_long", "location", "customer", null)),
                new DefaultSeriesModelFactory(3600));
        for (int hour = 0; hour < HISTORY_HOURS; hour++) {
            for (int customer = 0; customer < 3; customer++) {
                double[] place = customer == 1 && random.nextInt(3) == 0 ? OFFICE : HOMES[customer];
                pay(
                        driver,
                        hour * HOUR,
                        customer,
                        place[0] + 0.03 * random.nextGaussian(),
                        place[1] + 0.03 * random.nextGaussian());
            }
            driver.finalizeBucket(hour * HOUR);
        }
        return driver;
    }

    private static void pay(AnalyzerDriver driver, long bucket, int customer, double lat, double lon) {
        String location = String.format(Locale.ROOT, "%.5f,%.5f", lat, lon);
        driver.add(bucket, Map.of("customer", "customer-" + customer, "location", location));
    }

    @Test
    void paymentFarAwayIsRecordedWithGeoResults() {
        AnalyzerDriver driver = history(new Random(SEED));
        pay(driver, LAST, 2, -33.87, 151.21);

        BucketResults results = driver.finalizeBucket(LAST);

        assertThat(results.records()).as("seed %s", SEED).isNotEmpty();
        AnomalyRecord record = results.records().get(0);
        assertThat(record.function()).isEqualTo("lat_long");
        assertThat(record.functionDescription()).isEqualTo("lat_long");
        assertThat(record.fieldName()).isEqualTo("location");
        assertThat(record.byFieldValue()).isEqualTo("customer-2");
        assertThat(record.geoResults().actualPoint()).isEqualTo("-33.87,151.21");
        GeoPoint typical = GeoPoint.parse(record.geoResults().typicalPoint());
        assertThat(typical.distanceKm(new GeoPoint(48.85, 2.35))).isLessThan(10.0);
        assertThat(record.actual()).containsExactly(-33.87, 151.21);
        assertThat(record.typical().get(0)).isCloseTo(48.85, within(0.1));
        assertThat(record.anomalyScoreExplanation().lowerConfidenceBound()).isNull();
        assertThat(record.recordScore()).isGreaterThanOrEqualTo(75.0);
    }

    @Test
    void secondUsualPlaceIsNotRecorded() {
        AnalyzerDriver driver = history(new Random(SEED));
        pay(driver, LAST, 1, OFFICE[0], OFFICE[1]);

        assertThat(driver.finalizeBucket(LAST).records()).isEmpty();
    }

    @Test
    void usualPlacesScoreLow() {
        AnalyzerDriver driver = history(new Random(SEED));

        assertThat(PopulationAnalysisTest.maxRecordScore(driver, 24 * 7)).isLessThanOrEqualTo(25.0);
    }

    @Test
    void invalidLocationsAreSkipped() {
        AnalyzerDriver driver = history(new Random(SEED));
        driver.add(LAST, Map.of("customer", "customer-0", "location", "not a place"));
        driver.add(LAST, Map.of("customer", "customer-0", "location", "95.0,10.0"));

        BucketResults results = driver.finalizeBucket(LAST);

        assertThat(results.records()).isEmpty();
        assertThat(results.bucket().eventCount()).isEqualTo(2);
    }
}
