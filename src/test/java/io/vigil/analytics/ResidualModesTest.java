package io.vigil.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ResidualModesTest {

    private static final double TINY = 1e-20;

    /** Learns normal errors with a value near 10 in every 100th bucket. */
    private static ResidualModes learnRareMode(int count, long seed) {
        Random random = new Random(seed);
        ResidualModes modes = new ResidualModes();
        for (int i = 1; i <= count; i++) {
            modes.learn(i % 100 == 0 ? 10 + 0.5 * random.nextGaussian() : random.nextGaussian());
        }
        return modes;
    }

    @Test
    void normalErrorsHaveNoMode() {
        Random random = new Random(3);
        ResidualModes modes = new ResidualModes();
        for (int i = 0; i < 2000; i++) {
            modes.learn(random.nextGaussian());
        }

        assertThat(modes.active()).isFalse();
        assertThat(modes.widen(TINY, 10)).isEqualTo(TINY);
    }

    /**
     * Ten visits in 1,000 buckets: an error at the mode gets the mode's share of buckets (1%) times the Poisson
     * chance of one visit more than the last 200 buckets had. The other side and errors beyond the mode keep their
     * probabilities.
     */
    @Test
    void recurringValueFormsMode() {
        ResidualModes modes = learnRareMode(1000, 5L);

        assertThat(modes.active()).isTrue();
        assertThat(modes.widen(TINY, 10)).isBetween(1e-3, 1e-2);
        assertThat(modes.widen(TINY, -10)).isEqualTo(TINY);
        assertThat(modes.widen(TINY, 30)).isLessThan(1e-12);
    }

    @Test
    void twoVisitsAreNotAMode() {
        ResidualModes modes = learnRareMode(250, 5L);

        assertThat(modes.active()).isFalse();
        assertThat(modes.widen(TINY, 10)).isEqualTo(TINY);
    }

    /** A run of 50 far errors is one visit, so a sustained excursion does not teach a mode. */
    @Test
    void runCountsAsOneVisit() {
        Random random = new Random(7);
        ResidualModes modes = new ResidualModes();
        for (int i = 0; i < 500; i++) {
            modes.learn(i >= 200 && i < 250 ? 10 + 0.5 * random.nextGaussian() : random.nextGaussian());
        }

        assertThat(modes.active()).isFalse();
    }

    /** Visits in every other bucket, after ten in 1,000 buckets, are far more than the mode's rate. */
    @Test
    void fasterVisitsKeepSmallProbabilities() {
        ResidualModes modes = learnRareMode(1000, 5L);
        double usual = modes.widen(TINY, 10);
        for (int i = 0; i < 20; i++) {
            modes.learn(i % 2 == 0 ? 10 : 0);
        }

        assertThat(modes.widen(TINY, 10)).isLessThan(usual / 20);
    }

    /**
     * A mode started in the slot of the previous bucket's mode counts its first visit: a fourth visit to 60, whose
     * mode replaced the one at 30 right after it, makes it active (three decayed visits are just under 3).
     */
    @Test
    void newModeInPreviousSlotCountsItsVisit() {
        ResidualModes modes = new ResidualModes();
        for (double error : new double[] {10, 0, 10, 0, 10, 0, 30, 60, 0, 60, 0, 60, 0, 60}) {
            modes.learn(error);
        }

        assertThat(modes.widen(TINY, 60)).isGreaterThan(1e-6);
    }

    @Test
    void stateRoundTrips() throws IOException {
        ResidualModes modes = learnRareMode(1000, 5L);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        modes.writeTo(new DataOutputStream(bytes));

        ResidualModes read = ResidualModes.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));

        assertThat(read.active()).isTrue();
        assertThat(read.widen(TINY, 10)).isEqualTo(modes.widen(TINY, 10));
        assertThat(read.widen(TINY, 12)).isEqualTo(modes.widen(TINY, 12));
    }
}
