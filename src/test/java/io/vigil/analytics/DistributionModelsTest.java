package io.vigil.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The information content estimate and the time, category and location models. */
class DistributionModelsTest {

    private static final long SPAN = 3600L;
    private static final long HOUR_MS = 3_600_000L;

    @Test
    void informationContentOfNothingIsZero() {
        assertThat(InformationContent.bytesOf(Set.of())).isZero();
    }

    @Test
    void informationContentIgnoresOrder() {
        assertThat(InformationContent.bytesOf(List.of("a.example.com", "b.example.com")))
                .isEqualTo(InformationContent.bytesOf(List.of("b.example.com", "a.example.com")));
    }

    @Test
    void randomNamesCarryMoreInformation() {
        Random random = new Random(1L);
        StringBuilder randomName = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            randomName.append(Character.forDigit(random.nextInt(36), 36));
        }

        double repetitive = InformationContent.bytesOf(List.of("www".repeat(20)));
        double generated = InformationContent.bytesOf(List.of(randomName.toString()));

        assertThat(generated).isGreaterThan(3.0 * repetitive);
    }

    @Test
    void timeModelLearnsTwoModes() {
        CircularTimeModel model = CircularTimeModel.timeOfDay(SPAN);
        for (int day = 0; day < 20; day++) {
            model.learn(day * 24 * HOUR_MS, 9.5 * 3600, 1.0);
            model.learn(day * 24 * HOUR_MS + 1, 21.5 * 3600, 1.0);
        }
        long now = 20 * 24 * HOUR_MS;

        Assessment morning = model.assess(now, 9.6 * 3600, 1.0, Side.TWO_SIDED);
        Assessment evening = model.assess(now, 21.4 * 3600, 1.0, Side.TWO_SIDED);
        Assessment night = model.assess(now, 3.0 * 3600, 1.0, Side.TWO_SIDED);

        assertThat(morning.probability()).isGreaterThan(0.3);
        assertThat(evening.probability()).isGreaterThan(0.3);
        assertThat(night.probability()).isLessThan(1e-5);
        assertThat(night.multimodal()).isTrue();
        assertThat(evening.typical()).isCloseTo(21.5 * 3600, within(900.0));
    }

    @Test
    void timeModelForgivesFirstDay() {
        CircularTimeModel model = CircularTimeModel.timeOfDay(SPAN);
        model.learn(0, 9.5 * 3600, 1.0);

        assertThat(model.assess(HOUR_MS, 3.0 * 3600, 1.0, Side.TWO_SIDED).probability())
                .isGreaterThan(0.9);
    }

    /** Eight logins over two days leave gaps in the working day that are not yet unusual on the third. */
    @Test
    void timeModelForgivesFewEvents() {
        CircularTimeModel model = CircularTimeModel.timeOfDay(SPAN);
        double[] hours = {10.5, 12.0, 14.25, 16.5, 11.0, 13.5, 15.0, 16.75};
        for (int i = 0; i < hours.length; i++) {
            model.learn((i / 4) * 24 * HOUR_MS + (long) (hours[i] * HOUR_MS), hours[i] * 3600, 1.0);
        }

        double early = model.assess(2 * 24 * HOUR_MS + 9 * HOUR_MS, 9.1 * 3600, 1.0, Side.TWO_SIDED)
                .probability();

        assertThat(early).isGreaterThan(0.5);
    }

    @Test
    void timeModelStateRoundTripsExactly() throws IOException {
        CircularTimeModel model = CircularTimeModel.timeOfWeek(SPAN);
        for (int hour = 0; hour < 500; hour += 3) {
            model.learn(hour * HOUR_MS, (hour % 168) * 3600.0, 1.0);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.writeTo(new DataOutputStream(bytes));

        CircularTimeModel restored =
                CircularTimeModel.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));

        ByteArrayOutputStream again = new ByteArrayOutputStream();
        restored.writeTo(new DataOutputStream(again));
        assertThat(again.toByteArray()).isEqualTo(bytes.toByteArray());
        assertThat(restored.assess(600 * HOUR_MS, 1000.0, 1.0, Side.TWO_SIDED))
                .isEqualTo(model.assess(600 * HOUR_MS, 1000.0, 1.0, Side.TWO_SIDED));
    }

    @Test
    void firstOccurrenceInStableSetIsRare() {
        CategoryFrequencies frequencies = new CategoryFrequencies(SPAN);
        for (int bucket = 0; bucket < 200; bucket++) {
            for (String value : List.of("a", "b", "c", "d")) {
                frequencies.learn(bucket * HOUR_MS, value, 1.0, 10.0);
            }
        }

        assertThat(frequencies.seen("e")).isFalse();
        assertThat(frequencies.probability("e")).isLessThan(1e-3);
        assertThat(frequencies.probability("a")).isGreaterThan(0.9);
        assertThat(frequencies.typicalEvents("a")).isCloseTo(10.0, within(0.01));
        assertThat(frequencies.relativeRarity("e")).isGreaterThan(100.0);
    }

    @Test
    void youngFrequenciesFindNothingRare() {
        CategoryFrequencies frequencies = new CategoryFrequencies(SPAN);
        frequencies.learn(0, "a", 1.0, 1.0);

        assertThat(frequencies.probability("b")).isEqualTo(1.0);
    }

    @Test
    void frequencyStateRoundTripsExactly() throws IOException {
        CategoryFrequencies frequencies = new CategoryFrequencies(SPAN);
        for (int bucket = 0; bucket < 50; bucket++) {
            frequencies.learn(bucket * HOUR_MS, "value-" + bucket % 7, 1.0, bucket);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        frequencies.writeTo(new DataOutputStream(bytes));

        CategoryFrequencies restored =
                CategoryFrequencies.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));

        ByteArrayOutputStream again = new ByteArrayOutputStream();
        restored.writeTo(new DataOutputStream(again));
        assertThat(again.toByteArray()).isEqualTo(bytes.toByteArray());
        assertThat(restored.probability("value-3")).isEqualTo(frequencies.probability("value-3"));
    }

    @Test
    void farLocationIsVeryUnlikely() {
        GeoDistribution locations = new GeoDistribution(SPAN);
        for (int hour = 0; hour < 100; hour++) {
            locations.learn(hour * HOUR_MS, new GeoPoint(48.85 + 0.01 * (hour % 5), 2.35));
        }

        GeoDistribution.GeoAssessment paris = locations.assess(new GeoPoint(48.86, 2.35));
        GeoDistribution.GeoAssessment sydney = locations.assess(new GeoPoint(-33.87, 151.21));

        assertThat(paris.probability()).isGreaterThan(0.5);
        assertThat(sydney.probability()).isLessThan(1e-6);
        assertThat(sydney.typical().distanceKm(new GeoPoint(48.87, 2.35))).isLessThan(5.0);
    }

    @Test
    void geoPointParsesAndFormats() {
        assertThat(GeoPoint.parse("40.7,-74.0")).isEqualTo(new GeoPoint(40.7, -74.0));
        assertThat(GeoPoint.parse(" 1.5 , 2 ")).isEqualTo(new GeoPoint(1.5, 2.0));
        assertThat(GeoPoint.parse("91,0")).isNull();
        assertThat(GeoPoint.parse("1,2,3")).isNull();
        assertThat(GeoPoint.parse("north")).isNull();
        assertThat(new GeoPoint(40.7, -74.0).toString()).isEqualTo("40.7,-74");
    }
}
