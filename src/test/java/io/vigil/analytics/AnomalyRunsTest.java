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

        assertThat(runs.residual(1e-9)).isEqualTo(1e-9);
        assertThat(runs.level(1e-9)).isEqualTo(1e-9);
    }

    @Test
    void continuingBucketIsRaisedAboveRecords() {
        AnomalyRuns runs = new AnomalyRuns();
        runs.learn(1e-9, 1);

        assertThat(runs.residual(1e-6)).isEqualTo(CONTINUING);
        assertThat(runs.residual(1e-9)).isEqualTo(CONTINUING);
        assertThat(runs.residual(0.2)).isEqualTo(0.2);
        assertThat(runs.level(1e-6)).isEqualTo(1e-6);
    }

    @Test
    void escalationKeepsItsProbability() {
        AnomalyRuns runs = new AnomalyRuns();
        runs.learn(1e-6, 1e-4);

        assertThat(runs.residual(1e-8)).isEqualTo(1e-8);
        assertThat(runs.level(1e-5)).isEqualTo(1e-5);
        assertThat(runs.level(1e-3)).isEqualTo(CONTINUING);
    }

    @Test
    void runEndsAtFirstUsualBucket() {
        AnomalyRuns runs = new AnomalyRuns();
        runs.learn(1e-9, 1e-9);
        runs.learn(0.5, RUN);

        assertThat(runs.residual(1e-6)).isEqualTo(1e-6);
        assertThat(runs.level(1e-6)).isEqualTo(1e-6);
    }

    @Test
    void stateRoundTripsExactly() throws IOException {
        AnomalyRuns original = new AnomalyRuns();
        original.learn(1e-7, 1e-5);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        original.writeTo(new DataOutputStream(bytes));
        AnomalyRuns restored = AnomalyRuns.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));

        assertThat(restored.residual(1e-6)).isEqualTo(CONTINUING);
        assertThat(restored.residual(1e-8)).isEqualTo(1e-8);
        assertThat(restored.level(1e-4)).isEqualTo(CONTINUING);
        assertThat(restored.level(1e-6)).isEqualTo(1e-6);
    }
}
