package io.vigil.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class AnomalyRunsTest {

    private static final double RUN = AnomalyRuns.RUN_PROBABILITY;
    private static final double CONTINUING = AnomalyRuns.CONTINUING_PROBABILITY;

    @Test
    void onsetKeepsItsProbability() {
        AnomalyRuns runs = new AnomalyRuns();

        assertThat(runs.residual(1e-9, 50, 20)).isEqualTo(1e-9);
        assertThat(runs.level(1e-9)).isEqualTo(1e-9);
    }

    @Test
    void continuingBucketIsRaisedAboveRecords() {
        AnomalyRuns runs = new AnomalyRuns();
        runs.learn(1e-9, 1, 50, 20);

        assertThat(runs.residual(1e-6, 50, 20)).isEqualTo(CONTINUING);
        assertThat(runs.residual(1e-9, 50, 20)).isEqualTo(CONTINUING);
        assertThat(runs.residual(0.2, 50, 20)).isEqualTo(0.2);
        assertThat(runs.level(1e-6)).isEqualTo(1e-6);
    }

    @Test
    void escalationKeepsItsProbability() {
        AnomalyRuns runs = new AnomalyRuns();
        runs.learn(1e-6, 1e-4, 50, 20);

        assertThat(runs.residual(1e-8, 50, 20)).isEqualTo(1e-8);
        assertThat(runs.level(1e-5)).isEqualTo(1e-5);
        assertThat(runs.level(1e-3)).isEqualTo(CONTINUING);
    }

    @Test
    void runEndsAtFirstUsualBucket() {
        AnomalyRuns runs = new AnomalyRuns();
        runs.learn(1e-9, 1e-9, 50, 20);
        runs.learn(0.5, RUN, 50, 20);

        assertThat(runs.residual(1e-6, 50, 20)).isEqualTo(1e-6);
        assertThat(runs.level(1e-6)).isEqualTo(1e-6);
    }

    /** A level shift from 20 to 100: a bucket back near 20 is a return, one halfway is news. */
    @Test
    void returnNearEarlierLevelIsNotNews() {
        AnomalyRuns runs = new AnomalyRuns();
        runs.shifted(80);

        assertThat(runs.residual(1e-12, 22, 100)).as("back near 20").isEqualTo(CONTINUING);
        assertThat(runs.residual(1e-12, 60, 100)).as("halfway").isEqualTo(1e-12);
    }

    @Test
    void dropPastEarlierLevelIsNews() {
        AnomalyRuns runs = new AnomalyRuns();
        runs.shifted(20);

        // -10 is 30 from the earlier level 20 and 50 from the typical 40, not within half of that.
        assertThat(runs.residual(1e-12, -10, 40)).isEqualTo(1e-12);
    }

    @Test
    void returnCountsForADayAfterTheShift() {
        AnomalyRuns runs = new AnomalyRuns();
        runs.shifted(20);
        for (int i = 1; i < AnomalyRuns.RETURN_BUCKETS; i++) {
            runs.learn(0.5, 1, 40, 40);
        }

        assertThat(runs.residual(1e-12, 21, 40)).as("back near 20").isEqualTo(CONTINUING);
        runs.learn(0.5, 1, 40, 40);
        assertThat(runs.residual(1e-12, 21, 40)).as("a bucket later").isEqualTo(1e-12);
    }

    /** A burst from 20 to 100 learned as a shift: the return does not lower the run's smallest probability. */
    @Test
    void returnLeavesTheRunAsItIs() {
        AnomalyRuns runs = new AnomalyRuns();
        runs.learn(1e-9, 1, 100, 20);
        runs.shifted(80);
        runs.learn(1e-12, 1, 22, 100);

        assertThat(runs.residual(1e-10, 130, 100)).as("an escalation").isEqualTo(1e-10);
        assertThat(runs.residual(1e-8, 130, 100)).as("a continuation").isEqualTo(CONTINUING);
    }

    @Test
    void stateRoundTripsExactly() throws IOException {
        AnomalyRuns original = new AnomalyRuns();
        original.learn(1e-7, 1e-5, 50, 20);
        original.shifted(80);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        original.writeTo(out);
        original.writeReturnTo(out);
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
        AnomalyRuns restored = AnomalyRuns.read(in);
        restored.readReturn(in);

        assertThat(restored.residual(1e-6, 50, 20)).isEqualTo(CONTINUING);
        assertThat(restored.residual(1e-8, 50, 20)).isEqualTo(1e-8);
        assertThat(restored.level(1e-4)).isEqualTo(CONTINUING);
        assertThat(restored.level(1e-6)).isEqualTo(1e-6);
        assertThat(restored.residual(1e-9, 21, 100)).as("a return").isEqualTo(CONTINUING);
    }
}
