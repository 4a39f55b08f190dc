package io.vigil.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import java.util.function.LongToDoubleFunction;
import org.junit.jupiter.api.Test;

class DecompositionTest {

    private static final long SPAN_MS = 300_000;
    private static final long HOUR_MS = 3_600_000;
    private static final int BUCKETS_PER_DAY = 288;

    @Test
    void detectsDailyPattern() {
        Decomposition decomposition = train(21, 7, time -> 50 + 30 * Math.sin(2 * Math.PI * hourOfDay(time) / 24));

        assertThat(decomposition.config()).isEqualTo(Decomposition.CONFIG_DAILY);
    }

    @Test
    void detectsWeeklyPattern() {
        LongToDoubleFunction weekdays = time -> {
            long day = Math.floorDiv(time, 24 * HOUR_MS) % 7;
            double daily = 20 * Math.sin(2 * Math.PI * hourOfDay(time) / 24);
            return 100 + daily + (day == 2 || day == 3 ? -40 : 0);
        };

        Decomposition decomposition = train(28, 11, weekdays);

        assertThat(decomposition.config()).isEqualTo(Decomposition.CONFIG_WEEKLY);
    }

    /**
     * 15-minute counts of about 30 on weekdays and 6 at weekends, with Gaussian noise of the Poisson spread. The weekly
     * profile, learned against a baseline of one day, predicts about 21 for the start of the third weekend. The week
     * shape is chosen from the end of its second week and predicts the weekend.
     */
    @Test
    void choosesWeekShapeForWeekendDrop() {
        long spanMs = WEEKEND_SPAN_MS;
        long end = WEEKEND_MONDAY + 19 * 24 * HOUR_MS;
        Decomposition decomposition = weekendDrop(end, new Random(19), Math::sqrt);

        assertThat(decomposition.config()).isEqualTo(Decomposition.CONFIG_WEEK_SHAPE);
        assertThat(decomposition.predict(end + spanMs / 2)).as("Saturday 00:00").isCloseTo(6, within(2.0));
        assertThat(decomposition.predict(end - spanMs / 2)).as("Friday 23:45").isCloseTo(30, within(3.0));
    }

    /** A decomposition that chose the week shape, written and read back, predicts and learns as the original. */
    @Test
    void weekShapeStateRoundTrips() throws IOException {
        long spanMs = WEEKEND_SPAN_MS;
        long end = WEEKEND_MONDAY + 19 * 24 * HOUR_MS;
        Random random = new Random(23);
        Decomposition original = weekendDrop(end, random, mean -> 3);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        original.writeTo(out);
        original.writeWeekShapeTo(out);
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
        Decomposition read = Decomposition.read(in, true);
        read.readWeekShape(in);

        assertThat(read.config()).isEqualTo(Decomposition.CONFIG_WEEK_SHAPE);
        for (long start = end; start < end + 7 * 24 * HOUR_MS; start += spanMs) {
            long midpoint = start + spanMs / 2;
            assertThat(read.predict(midpoint)).as("prediction at %d", midpoint).isEqualTo(original.predict(midpoint));
            double value = 20 + 3 * random.nextGaussian();
            original.learn(midpoint, value);
            read.learn(midpoint, value);
        }
        assertThat(read.sigma()).isEqualTo(original.sigma());
    }

    @Test
    void keepsLevelOnlyForNoise() {
        Decomposition decomposition = train(14, 13, time -> 10);

        assertThat(decomposition.config()).isEqualTo(Decomposition.CONFIG_LEVEL);
    }

    @Test
    void predictsDailyPatternClosely() {
        LongToDoubleFunction signal = time -> hourOfDay(time) >= 8 && hourOfDay(time) < 20 ? 80 : 20;
        Decomposition decomposition = train(10, 17, signal);

        long noon = 10 * 24 * HOUR_MS + 12 * HOUR_MS + SPAN_MS / 2;
        long midnight = 10 * 24 * HOUR_MS + SPAN_MS / 2;

        assertThat(decomposition.predict(noon)).isCloseTo(80, within(3.0));
        assertThat(decomposition.predict(midnight)).isCloseTo(20, within(3.0));
        // The scale stays above the unit noise because the fast level follows the profile's small errors at edges.
        assertThat(decomposition.sigma()).isBetween(1.0, 4.0);
    }

    @Test
    void predictsSquareWaveAcrossMidnight() {
        // NAB's art_daily_perfect_square_wave: 20, then 80 from 09:00 to 18:00, without noise.
        LongToDoubleFunction squareWave = time -> hourOfDay(time) >= 9 && hourOfDay(time) < 18 ? 80 : 20;
        Decomposition decomposition = new Decomposition(SPAN_MS);
        for (int i = 0; i <= 2 * BUCKETS_PER_DAY; i++) {
            long midpoint = i * SPAN_MS + SPAN_MS / 2;
            decomposition.learn(midpoint, squareWave.applyAsDouble(midpoint));
        }
        long afterMidnight = (2 * BUCKETS_PER_DAY + 1) * SPAN_MS + SPAN_MS / 2;
        long beforeMidnight = (2 * BUCKETS_PER_DAY - 1) * SPAN_MS + SPAN_MS / 2;

        assertThat(decomposition.config()).isEqualTo(Decomposition.CONFIG_DAILY);
        assertThat(decomposition.predict(afterMidnight)).isCloseTo(20, within(0.01));
        assertThat(decomposition.predict(beforeMidnight)).isCloseTo(20, within(0.01));
        assertThat(decomposition.predict(afterMidnight + 12 * HOUR_MS)).isCloseTo(80, within(0.01));
    }

    @Test
    void adaptsToLevelShift() {
        Random random = new Random(23);
        Decomposition decomposition = new Decomposition(SPAN_MS);
        for (int i = 0; i < 500; i++) {
            decomposition.learn(i * SPAN_MS, 10 + random.nextGaussian());
        }
        for (int i = 500; i < 500 + Decomposition.SHIFT_RUN + 2; i++) {
            decomposition.learn(i * SPAN_MS, 40 + random.nextGaussian());
        }

        assertThat(decomposition.predict(512 * SPAN_MS)).isCloseTo(40, within(2.0));
    }

    @Test
    void constantSeriesHasTinyScale() {
        Decomposition decomposition = new Decomposition(SPAN_MS);
        for (int i = 0; i < 100; i++) {
            decomposition.learn(i * SPAN_MS, 7);
        }

        assertThat(decomposition.predict(100 * SPAN_MS)).isEqualTo(7);
        assertThat(decomposition.sigma()).isCloseTo(1e-9 + 7e-6, within(1e-12));
    }

    private static final long WEEKEND_SPAN_MS = 15 * 60_000L;
    /** 1970-01-05, a Monday. */
    private static final long WEEKEND_MONDAY = 4 * 24 * HOUR_MS;

    /**
     * Trains on 15-minute values of mean 30 on weekdays and 6 at weekends from {@link #WEEKEND_MONDAY} to {@code end},
     * with Gaussian noise whose standard deviation is {@code spread} of the mean.
     */
    private static Decomposition weekendDrop(long end, Random random, DoubleUnaryOperator spread) {
        Decomposition decomposition = new Decomposition(WEEKEND_SPAN_MS);
        for (long start = WEEKEND_MONDAY; start < end; start += WEEKEND_SPAN_MS) {
            boolean weekend = (start - WEEKEND_MONDAY) / (24 * HOUR_MS) % 7 >= 5;
            double mean = weekend ? 6 : 30;
            decomposition.learn(start + WEEKEND_SPAN_MS / 2, mean + spread.applyAsDouble(mean) * random.nextGaussian());
        }
        return decomposition;
    }

    /** Trains on {@code days} of 5-minute buckets of the signal plus unit Gaussian noise from the seed. */
    private static Decomposition train(int days, long seed, LongToDoubleFunction signal) {
        Random random = new Random(seed);
        Decomposition decomposition = new Decomposition(SPAN_MS);
        for (int i = 0; i < days * BUCKETS_PER_DAY; i++) {
            long midpoint = i * SPAN_MS + SPAN_MS / 2;
            decomposition.learn(midpoint, signal.applyAsDouble(midpoint) + random.nextGaussian());
        }
        return decomposition;
    }

    /**
     * Bytes from the end of the state to the end of the raw level: trend, baseline, its flag, three test errors and
     * variances, the configuration byte, two run counts and two run sums.
     */
    private static final int AFTER_RAW_LEVEL = 8 + 8 + 1 + 3 * 16 + 1 + 4 + 4 + 8 + 8;

    @Test
    void stateWithoutRawLevelStartsItAtLevel() throws IOException {
        Decomposition learned = new Decomposition(5 * 60_000L);
        Random random = new Random(11L);
        for (long time = 0; time < 3 * 24 * HOUR_MS; time += 5 * 60_000L) {
            learned.learn(time, 100 + 10 * Math.sin(2 * Math.PI * hourOfDay(time) / 24) + random.nextGaussian());
        }
        byte[] current = write(learned);
        int rawLevelEnd = current.length - AFTER_RAW_LEVEL;
        byte[] previous = concat(
                Arrays.copyOfRange(current, 0, rawLevelEnd - 8),
                Arrays.copyOfRange(current, rawLevelEnd, current.length));

        Decomposition read = Decomposition.read(new DataInputStream(new ByteArrayInputStream(previous)), false);

        byte[] expected = concat(
                Arrays.copyOfRange(current, 0, rawLevelEnd - 8),
                Arrays.copyOfRange(current, rawLevelEnd - 16, rawLevelEnd - 8),
                Arrays.copyOfRange(current, rawLevelEnd, current.length));
        assertThat(write(read)).isEqualTo(expected);
    }

    private static byte[] write(Decomposition decomposition) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        decomposition.writeTo(new DataOutputStream(bytes));
        return bytes.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            joined.writeBytes(part);
        }
        return joined.toByteArray();
    }

    private static double hourOfDay(long timeMs) {
        return Math.floorMod(timeMs, 24 * HOUR_MS) / (double) HOUR_MS;
    }
}
