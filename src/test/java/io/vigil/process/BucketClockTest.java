package io.vigil.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BucketClockTest {

    private static final long HOUR = 3_600_000;

    @Test
    void alignsToEpochMultiples() {
        BucketClock clock = new BucketClock(HOUR, 0);

        assertThat(clock.alignDown(1403481600000L)).isEqualTo(1403481600000L);
        assertThat(clock.alignDown(1403481600000L + HOUR - 1)).isEqualTo(1403481600000L);
        assertThat(clock.alignUp(1403488700000L)).isEqualTo(1403488800000L);
        assertThat(clock.alignUp(1403488800000L)).isEqualTo(1403488800000L);
        assertThat(clock.alignDown(-1)).isEqualTo(-HOUR);
    }

    @Test
    void eventAtBucketEndBelongsToNextBucket() {
        BucketClock clock = new BucketClock(HOUR, 0);
        clock.start(0);
        clock.addRecord(10);

        assertThat(clock.firstOpenBucketIsDue(HOUR - 1)).isFalse();
        assertThat(clock.firstOpenBucketIsDue(HOUR)).isTrue();
    }

    @Test
    void latencyDelaysFinalization() {
        BucketClock clock = new BucketClock(HOUR, HOUR / 2);
        clock.start(0);
        clock.addRecord(10);
        clock.addRecord(HOUR + 5);

        assertThat(clock.firstOpenBucketIsDue(HOUR + HOUR / 2 - 1)).isFalse();
        assertThat(clock.firstOpenBucketIsDue(HOUR + HOUR / 2)).isTrue();
        assertThat(clock.openEventCount(0)).isEqualTo(1);
        assertThat(clock.openEventCount(HOUR)).isEqualTo(1);
    }

    @Test
    void outOfOrderUsesLatencyAndFinalizedEnd() {
        BucketClock clock = new BucketClock(HOUR, 1000);
        clock.start(0);
        clock.addRecord(5000);

        assertThat(clock.isOutOfOrder(4000)).isFalse();
        assertThat(clock.isOutOfOrder(3999)).isTrue();
        clock.addRecord(HOUR + 2000);
        assertThat(clock.finalizeFirstOpenBucket()).isEqualTo(1);
        assertThat(clock.isOutOfOrder(HOUR - 1)).isTrue();
        assertThat(clock.lastFinalizedBucketEnd()).isEqualTo(HOUR);
        assertThat(clock.openEventCount(HOUR)).isEqualTo(1);
    }
}
