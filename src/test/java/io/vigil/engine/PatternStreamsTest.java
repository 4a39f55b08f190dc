package io.vigil.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The shapes of the {@code normal-patterns} benchmark: a real change of level is still caught at its start. */
class PatternStreamsTest {

    @Test
    void temporaryShiftScoresCriticalAtItsStart() {
        for (long seed = 1; seed <= PatternStreams.SEEDS; seed++) {
            assertThat(PatternStreams.temporaryShiftScores(seed)[0])
                    .as("seed %d", seed)
                    .isGreaterThanOrEqualTo(75);
        }
    }

    /** The weekly step's first weekend is new, so it scores critical; later weeks are the benchmark's concern. */
    @Test
    void firstWeekendScoresCritical() {
        assertThat(PatternStreams.weeklyStepMaxima(1)[0]).isGreaterThanOrEqualTo(75);
    }
}
