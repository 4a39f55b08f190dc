package io.vigil.bench.nab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class RowWeightsTest {

    private static final double TOLERANCE = 1e-12;

    @Test
    void maxTruePositiveMatchesNab() {
        // The value NAB v1.1 documents for scaledSigmoid(-1).
        assertThat(RowWeights.MAX_TRUE_POSITIVE).isCloseTo(0.9866142981514305, within(TOLERANCE));
    }

    @Test
    void scaledSigmoidIsMinusOneBeyondThree() {
        assertThat(RowWeights.scaledSigmoid(3.0001)).isEqualTo(-1.0);
        assertThat(RowWeights.scaledSigmoid(3.0)).isCloseTo(2.0 / (1.0 + Math.exp(15.0)) - 1.0, within(TOLERANCE));
        assertThat(RowWeights.scaledSigmoid(0.0)).isEqualTo(0.0);
    }

    @Test
    void seriesWithoutWindowsCostsEverywhere() {
        double[] weights = RowWeights.of(5, List.of(), Profile.REWARD_LOW_FP_RATE);

        assertThat(weights).containsOnly(-0.22);
    }

    @Test
    void windowWeightFallsFromLeftEdge() {
        NabWindow window = new NabWindow(4, 7);

        double[] weights = RowWeights.of(10, List.of(window), Profile.STANDARD);

        assertThat(weights[3]).isEqualTo(-0.11);
        assertThat(weights[4]).isCloseTo(1.0, within(TOLERANCE));
        for (int row = 4; row <= 7; row++) {
            double position = -(7 - row + 1) / 4.0;
            double expected = RowWeights.scaledSigmoid(position) / RowWeights.MAX_TRUE_POSITIVE;
            assertThat(weights[row]).as("row %d", row).isCloseTo(expected, within(TOLERANCE));
        }
        assertThat(weights[5]).isLessThan(weights[4]);
        assertThat(weights[7]).isLessThan(weights[6]);
    }

    @Test
    void rowsAfterWindowCostMoreWithDistance() {
        NabWindow window = new NabWindow(2, 5);

        double[] weights = RowWeights.of(30, List.of(window), Profile.REWARD_LOW_FN_RATE);

        for (int row = 6; row < 30; row++) {
            double expected = RowWeights.scaledSigmoid((row - 5) / 3.0) * 0.11;
            assertThat(weights[row]).as("row %d", row).isCloseTo(expected, within(TOLERANCE));
        }
        assertThat(weights[6]).isGreaterThan(weights[7]);
        assertThat(weights[29]).isEqualTo(-0.11);
    }

    @Test
    void laterWindowTakesOverFromEarlierOne() {
        NabWindow first = new NabWindow(2, 3);
        NabWindow second = new NabWindow(8, 10);

        double[] weights = RowWeights.of(14, List.of(first, second), Profile.STANDARD);

        assertThat(weights[7]).isCloseTo(RowWeights.scaledSigmoid(4.0 / 1.0) * 0.11, within(TOLERANCE));
        assertThat(weights[8]).isCloseTo(1.0, within(TOLERANCE));
        assertThat(weights[11]).isCloseTo(RowWeights.scaledSigmoid(1.0 / 2.0) * 0.11, within(TOLERANCE));
    }

    @Test
    void oneRowWindowCostsFullWeightAfter() {
        double[] weights = RowWeights.of(6, List.of(new NabWindow(3, 3)), Profile.STANDARD);

        assertThat(weights[3]).isCloseTo(1.0, within(TOLERANCE));
        assertThat(weights[4]).isEqualTo(-0.11);
        assertThat(weights[5]).isEqualTo(-0.11);
    }
}
