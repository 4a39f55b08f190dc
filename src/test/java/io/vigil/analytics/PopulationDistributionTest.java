package io.vigil.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PopulationDistributionTest {

    private static final long SPAN = 300L;
    private static final long BUCKET_MS = SPAN * 1000L;

    private static PopulationDistribution learned(SeriesKind kind, long seed) {
        PopulationDistribution model = new PopulationDistribution(kind, SPAN);
        Random random = new Random(seed);
        for (int bucket = 0; bucket < 50; bucket++) {
            for (int member = 0; member < 200; member++) {
                double value =
                        kind == SeriesKind.COUNT ? 1 + random.nextInt(6) : Math.exp(6.0 + 0.3 * random.nextGaussian());
                model.learn(bucket * BUCKET_MS, value, 1.0);
            }
        }
        return model;
    }

    @Test
    void medianValueIsUsual() {
        PopulationDistribution model = learned(SeriesKind.COUNT, 1L);

        assertThat(model.assess(50 * BUCKET_MS, 3.0, 1.0, Side.TWO_SIDED).probability())
                .isGreaterThan(0.5);
    }

    @Test
    void farCountIsVeryUnlikely() {
        PopulationDistribution model = learned(SeriesKind.COUNT, 1L);

        assertThat(model.assess(50 * BUCKET_MS, 100.0, 1.0, Side.TWO_SIDED).probability())
                .isLessThan(1e-20);
    }

    @Test
    void oneSidedIgnoresOtherSide() {
        PopulationDistribution model = learned(SeriesKind.METRIC, 2L);

        assertThat(model.assess(50 * BUCKET_MS, 1.0, 1.0, Side.ABOVE).probability())
                .isEqualTo(1.0);
        assertThat(model.assess(50 * BUCKET_MS, 1.0, 1.0, Side.BELOW).probability())
                .isLessThan(1e-6);
        assertThat(model.assess(50 * BUCKET_MS, 1e6, 1.0, Side.BELOW).probability())
                .isEqualTo(1.0);
        assertThat(model.assess(50 * BUCKET_MS, 1e6, 1.0, Side.ABOVE).probability())
                .isLessThan(1e-6);
    }

    @Test
    void typicalIsPopulationMean() {
        PopulationDistribution model = learned(SeriesKind.COUNT, 3L);

        assertThat(model.typical(50 * BUCKET_MS)).isBetween(3.3, 3.7);
    }

    @Test
    void hugeValueKeepsHistogramSmall() {
        PopulationDistribution model = learned(SeriesKind.METRIC, 4L);

        model.learn(50 * BUCKET_MS, 1e300, 1.0);
        model.learn(50 * BUCKET_MS, -1e300, 1.0);

        assertThat(model.memoryBytes()).isLessThan(80L + 8L * 1_700);
    }

    @Test
    void stateRoundTripsExactly() throws IOException {
        PopulationDistribution model = learned(SeriesKind.METRIC, 5L);
        byte[] state = write(model);

        PopulationDistribution restored = PopulationDistribution.read(input(state));

        assertThat(write(restored)).isEqualTo(state);
        assertThat(restored.assess(50 * BUCKET_MS, 2000.0, 1.0, Side.TWO_SIDED))
                .isEqualTo(model.assess(50 * BUCKET_MS, 2000.0, 1.0, Side.TWO_SIDED));
    }

    private static byte[] write(PopulationDistribution model) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.writeTo(new DataOutputStream(bytes));
        return bytes.toByteArray();
    }

    private static DataInputStream input(byte[] state) {
        return new DataInputStream(new ByteArrayInputStream(state));
    }
}
