package io.vigil.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ScoreHistogramTest {

    private static final long SEED = 20_261_204L;

    @Test
    void quantilesAreWithinOnePercentOfExact() {
        Random random = new Random(SEED);
        ScoreHistogram histogram = new ScoreHistogram();
        int[] values = new int[20_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = ScoreHistogram.discretize(Math.exp(random.nextGaussian() * 2.0));
            histogram.add(values[i]);
        }
        Arrays.sort(values);

        for (double q : new double[] {0.5, 0.9, 0.99, 0.999}) {
            double exact = values[(int) Math.ceil(q * values.length) - 1] / 1000.0;
            assertThat(histogram.quantile(q))
                    .as("quantile %s, seed %s", q, SEED)
                    .isCloseTo(exact, within(exact * 0.011));
        }
    }

    @Test
    void weightBelowCountsStrictlySmallerExactValues() {
        ScoreHistogram histogram = new ScoreHistogram();
        for (int value : new int[] {0, 0, 0, 5, 5, 7, 60}) {
            histogram.add(value);
        }

        assertThat(histogram.weightBelow(5)).isEqualTo(3.0);
        assertThat(histogram.weightBelow(7)).isEqualTo(5.0);
        assertThat(histogram.weightBelow(61)).isEqualTo(7.0);
        assertThat(histogram.fractionAtZero()).isCloseTo(3.0 / 7.0, within(1e-12));
    }

    @Test
    void scalingAgesEveryWeight() {
        ScoreHistogram histogram = new ScoreHistogram();
        histogram.add(0);
        histogram.add(50_000);

        histogram.scale(0.5);

        assertThat(histogram.total()).isEqualTo(1.0);
        assertThat(histogram.weightBelow(50_000)).isEqualTo(0.5);
    }

    @Test
    void discretizeClampsToRange() {
        assertThat(ScoreHistogram.discretize(-1.0)).isZero();
        assertThat(ScoreHistogram.discretize(0.0004)).isZero();
        assertThat(ScoreHistogram.discretize(3.1234)).isEqualTo(3123);
        assertThat(ScoreHistogram.discretize(250.0)).isEqualTo(100_000);
    }

    @Test
    void stateRoundTripGivesEqualHistogram() throws IOException {
        ScoreHistogram histogram = new ScoreHistogram();
        for (int value : new int[] {0, 3, 99, 100, 4_000, 100_000}) {
            histogram.add(value);
        }
        histogram.scale(0.9);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        histogram.writeTo(new DataOutputStream(bytes));

        ScoreHistogram read =
                ScoreHistogram.readFrom(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));

        assertThat(read).isEqualTo(histogram);
    }
}
