package io.vigil.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LongRunLevelTest {

    private static final long SEED = 71;

    @Test
    void youngHistoryHasNoScore() {
        LongRunLevel level = new LongRunLevel();
        for (int i = 0; i < LongRunLevel.MIN_HISTORY - 1; i++) {
            level.learn(10, 1);
        }

        assertThat(level.score(10, 1)).isNaN();
    }

    @Test
    void usualValueScoresNearZero() {
        LongRunLevel level = trained(new Random(SEED), 2000);

        assertThat(Math.abs(level.score(100, 5))).isLessThan(1);
    }

    @Test
    void driftToUnseenLevelScoresHigh() {
        Random random = new Random(SEED);
        LongRunLevel level = trained(random, 2000);
        double score = 0;
        for (int i = 0; i < 40; i++) {
            double value = 100 - i + 2 * random.nextGaussian();
            score = level.score(value, 5);
            level.learn(value, 5);
        }

        assertThat(score).isLessThan(-8);
    }

    @Test
    void spikeMovesShortAverageOnlyByClippedStep() {
        LongRunLevel level = trained(new Random(SEED), 2000);

        double huge = level.score(1_000_000, 5);
        double large = level.score(1_000, 5);
        double unclipped = level.score(1_000, 1_000);

        assertThat(huge).isEqualTo(large);
        assertThat(large).isLessThan(unclipped);
    }

    /**
     * A step from 20 to 68 at bucket 108 is an excursion that began before the view's 200 buckets of history, so the
     * view gives no score while it lasts. A step of the same size after bucket 200 is scored.
     */
    @Test
    void excursionFromBeforeTheHistoryIsNotScored() {
        Random random = new Random(SEED);
        LongRunLevel early = new LongRunLevel();
        for (int i = 0; i < 200; i++) {
            early.learn((i < 108 ? 20 : 68) + 2 * random.nextGaussian(), 2);
        }
        LongRunLevel late = new LongRunLevel();
        for (int i = 0; i < 300; i++) {
            late.learn((i < 292 ? 20 : 68) + 2 * random.nextGaussian(), 2);
        }

        assertThat(early.score(68, 2)).isNaN();
        assertThat(late.score(68, 2)).isGreaterThan(5);
    }

    /** A history that is exactly constant still learns a new level, so the step does not stay an excursion. */
    @Test
    void constantHistoryLearnsNewLevel() {
        LongRunLevel level = new LongRunLevel();
        for (int i = 0; i < 2050; i++) {
            // The one-step sigma of a constant series is its floor, 1e-6 of the level. After the step it is the
            // size of the step's errors.
            level.learn(i < 50 ? 100 : 101, i < 50 ? 1e-4 : 0.5);
        }

        assertThat(level.mean()).isGreaterThan(100.5);
        assertThat(level.score(101, 0.5)).isNotNaN();
    }

    @Test
    void meanFollowsTheHistory() {
        LongRunLevel level = new LongRunLevel();
        level.learn(4, 1);
        level.learn(4, 1);

        assertThat(level.mean()).isEqualTo(4);
    }

    @Test
    void stateRoundTripsExactly() throws IOException {
        Random random = new Random(SEED);
        LongRunLevel original = trained(random, 1000);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        original.writeTo(out);
        original.writeExcursionTo(out);
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
        LongRunLevel restored = LongRunLevel.read(in);
        restored.readExcursion(in);

        for (int i = 0; i < 100; i++) {
            double value = 100 + 5 * random.nextGaussian();
            assertThat(restored.score(value, 5)).isEqualTo(original.score(value, 5));
            original.learn(value, 5);
            restored.learn(value, 5);
        }
    }

    private static LongRunLevel trained(Random random, int buckets) {
        LongRunLevel level = new LongRunLevel();
        for (int i = 0; i < buckets; i++) {
            level.learn(100 + 5 * random.nextGaussian(), 5);
        }
        return level;
    }
}
