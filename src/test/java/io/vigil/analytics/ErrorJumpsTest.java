package io.vigil.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ErrorJumpsTest {

    private static final double DEGREES = Probabilities.NORMAL_DEGREES;

    @Test
    void independentErrorsGetNoTail() {
        ErrorJumps jumps = new ErrorJumps();
        Random random = new Random(3);
        for (int i = 0; i < 2000; i++) {
            jumps.learn(random.nextGaussian(), DEGREES, 0.8);
        }

        assertThat(jumps.tail(10, DEGREES, 0.8)).isZero();
    }

    /**
     * After an error of 0 the change is E − 1 with E exponential, so a change of at least j has the two-sided tail
     * 2e^−(j+1). The view's log-normal puts a change of 3 within 1 % of it and one of 8 within a factor of 2.1.
     */
    @Test
    void routineJumpGetsItsTail() {
        ErrorJumps jumps = decayingJumps(5);
        jumps.learn(0, DEGREES, 0.8);

        assertThat(jumps.tail(3, DEGREES, 0.8)).as("change of 3").isCloseTo(2 * Math.exp(-4), withinPercentage(1));
        assertThat(jumps.tail(8, DEGREES, 0.8)).as("change of 8").isBetween(2 * Math.exp(-9), 4.2 * Math.exp(-9));
        assertThat(jumps.tail(-12, DEGREES, 0.8)).as("drop of 12").isZero();
    }

    @Test
    void decayKeepsTheJumpsTail() {
        ErrorJumps jumps = decayingJumps(5);
        jumps.learn(0, DEGREES, 0.8);
        double jumpTail = jumps.tail(12, DEGREES, 0.8);
        jumps.learn(12, DEGREES, 0.8);

        assertThat(jumpTail).as("jump").isGreaterThan(0);
        assertThat(jumps.tail(9, DEGREES, 0.8)).as("decay on the same side").isEqualTo(jumpTail);
        assertThat(jumps.tail(12, DEGREES, 0.8)).as("held value").isZero();
        assertThat(jumps.tail(-1, DEGREES, 0.8)).as("the other side").isZero();
    }

    @Test
    void restoredJumpsGiveSameTails() throws IOException {
        ErrorJumps jumps = decayingJumps(7);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        jumps.writeTo(new DataOutputStream(bytes));

        ErrorJumps restored = ErrorJumps.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));

        assertThat(restored.tail(12, DEGREES, 0.8)).isEqualTo(jumps.tail(12, DEGREES, 0.8));
        assertThat(restored.tail(2, DEGREES, 0.8)).isEqualTo(jumps.tail(2, DEGREES, 0.8));
    }

    /**
     * Returns jumps learned from 2,000 errors that jump up by exponential steps and decay by 0.8 a bucket, as the
     * errors of a log-AR(1) series with exponential innovations do.
     */
    private static ErrorJumps decayingJumps(long seed) {
        ErrorJumps jumps = new ErrorJumps();
        Random random = new Random(seed);
        double error = 0;
        for (int i = 0; i < 2000; i++) {
            error = 0.8 * error + (-Math.log(1 - random.nextDouble()) - 1);
            jumps.learn(error, DEGREES, 0.8);
        }
        return jumps;
    }
}
