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
    void skipMovesFinalizedEndOverEmptyBuckets() {
        BucketClock clock = new BucketClock(HOUR, 0);
        clock.start(0);
        clock.addRecord(10);
        clock.finalizeFirstOpenBucket();

        clock.skipEmptyTo(5 * HOUR);

        assertThat(clock.lastFinalizedBucketEnd()).isEqualTo(5 * HOUR);
        assertThat(clock.isOutOfOrder(4 * HOUR)).isTrue();
        assertThat(clock.firstOpenBucketIsDue(5 * HOUR + 10)).isFalse();
        assertThat(clock.lastOpenBucketStart()).isEqualTo(BucketClock.UNSET);
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

    @Test
    void resetForgetsCountsInRangeOnly() {
        BucketClock clock = new BucketClock(HOUR, 3 * HOUR);
        clock.start(0);
        clock.addRecord(10);
        clock.addRecord(HOUR + 10);
        clock.addRecord(HOUR + 20);
        clock.addRecord(2 * HOUR + 10);

        clock.resetBuckets(HOUR, 2 * HOUR);

        assertThat(clock.openEventCount(0)).isEqualTo(1);
        assertThat(clock.openEventCount(HOUR)).isZero();
        assertThat(clock.openEventCount(2 * HOUR)).isEqualTo(1);
        assertThat(clock.latestRecordTimeMs()).isEqualTo(2 * HOUR + 10);
    }

    @Test
    void resetOfLatestBucketMovesLatestRecordBack() {
        BucketClock clock = new BucketClock(HOUR, HOUR / 2);
        clock.start(0);
        clock.addRecord(10);
        clock.addRecord(HOUR + 10);
        clock.addRecord(HOUR + 20);

        clock.resetBuckets(HOUR, 2 * HOUR);

        assertThat(clock.latestRecordTimeMs()).isEqualTo(HOUR - 1);
        assertThat(clock.isOutOfOrder(HOUR)).isFalse();
        assertThat(clock.isOutOfOrder(HOUR / 2 - 1)).isFalse();
        assertThat(clock.isOutOfOrder(HOUR / 2 - 2)).isTrue();
        assertThat(clock.lastOpenBucketStart()).isEqualTo(0);
    }

    @Test
    void resetAllOpenBucketsEmptiesClock() {
        BucketClock clock = new BucketClock(HOUR, 0);
        clock.start(0);
        clock.addRecord(HOUR - 10);
        clock.addRecord(HOUR + 10);
        clock.finalizeFirstOpenBucket();

        clock.resetBuckets(0, 2 * HOUR);

        assertThat(clock.lastFinalizedBucketEnd()).isEqualTo(HOUR);
        assertThat(clock.openEventCount(HOUR)).isZero();
        assertThat(clock.latestRecordTimeMs()).isEqualTo(HOUR - 1);
        assertThat(clock.lastOpenBucketStart()).isEqualTo(BucketClock.UNSET);
        assertThat(clock.isOutOfOrder(HOUR)).isFalse();
        assertThat(clock.isOutOfOrder(HOUR - 1)).isTrue();
    }

    @Test
    void resetBeyondOpenBucketsChangesNothing() {
        BucketClock clock = new BucketClock(HOUR, 0);
        clock.start(0);
        clock.addRecord(10);

        clock.resetBuckets(1_000_000 * HOUR, 1_000_001 * HOUR);

        assertThat(clock.openEventCount(0)).isEqualTo(1);
        assertThat(clock.latestRecordTimeMs()).isEqualTo(10);
    }
}
