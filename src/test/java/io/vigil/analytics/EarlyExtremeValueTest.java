package io.vigil.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A series of 5-minute buckets of N(100, 5) with one extreme value among its first buckets, before the model has an
 * estimate of its scale: the model must end up as useful as one that never saw it.
 */
class EarlyExtremeValueTest {

    private static final long SPAN_SECONDS = 300;
    private static final long SPAN_MS = SPAN_SECONDS * 1000;
    private static final int HISTORY = 1000;

    @ParameterizedTest
    @CsvSource({
        "0, 1e308",
        "1, 1e308",
        "2, -1e308",
        "5, 1e308",
        "9, -1.7976931348623157e308",
        "15, 1e308",
        "19, 1e308",
        "19, 1e300",
        "3, 1e9"
    })
    void modelRecoversFromEarlyExtreme(int position, double extreme) {
        Random random = new Random(53);
        SeriesModel model = new DefaultSeriesModelFactory(SPAN_SECONDS).create(SeriesKind.METRIC);
        for (int i = 0; i < HISTORY; i++) {
            double value = i == position ? extreme : 100 + 5 * random.nextGaussian();
            model.learn(i * SPAN_MS, value, 1);
        }

        Assessment spike = model.assess(HISTORY * SPAN_MS, 100 + 15 * 5, 1, Side.TWO_SIDED);
        Assessment usual = model.assess(HISTORY * SPAN_MS, 100 + 5, 1, Side.TWO_SIDED);

        assertThat(model.typical(HISTORY * SPAN_MS)).as("typical").isCloseTo(100.0, within(3.0));
        assertThat(spike.upperBound()).as("upper bound").isCloseTo(110.0, within(3.0));
        assertThat(spike.probability()).as("spike probability").isLessThan(1e-6);
        assertThat(usual.probability()).as("usual probability").isGreaterThan(0.05);
    }

    @Test
    void warmUpStateRoundTrips() throws IOException {
        DefaultSeriesModelFactory factory = new DefaultSeriesModelFactory(SPAN_SECONDS);
        Random random = new Random(59);
        SeriesModel model = factory.create(SeriesKind.METRIC);
        for (int i = 0; i < 7; i++) {
            model.learn(i * SPAN_MS, i == 2 ? 1e308 : 100 + 5 * random.nextGaussian(), 1);
        }
        SeriesModel restored = factory.read(new DataInputStream(new ByteArrayInputStream(state(model))));
        for (int i = 7; i < 60; i++) {
            double value = 100 + 5 * random.nextGaussian();
            model.learn(i * SPAN_MS, value, 1);
            restored.learn(i * SPAN_MS, value, 1);
        }

        assertThat(restored.typical(60 * SPAN_MS)).as("restored typical").isEqualTo(model.typical(60 * SPAN_MS));
        assertThat(state(restored)).as("restored state").isEqualTo(state(model));
    }

    @Test
    void stateOfVersionThreeIsRead() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeByte(AdaptiveSeriesModel.RAW_LEVEL_STATE_VERSION);
        out.writeByte(SeriesKind.METRIC.ordinal());
        out.writeLong(SPAN_MS);
        new Decomposition(SPAN_MS).writeTo(out);
        writeVersionThreeCalibrator(out);
        new MultiBucketFeature().writeTo(out);
        writeVersionThreeCalibrator(out);
        new AnomalyEpisodes().writeTo(out);
        new AnomalyRuns().writeTo(out);
        new LongRunLevel().writeTo(out);
        writeVersionThreeCalibrator(out);
        DefaultSeriesModelFactory factory = new DefaultSeriesModelFactory(SPAN_SECONDS);

        SeriesModel restored = factory.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        Random random = new Random(61);
        for (int i = 0; i < 100; i++) {
            restored.learn(i * SPAN_MS, 100 + 5 * random.nextGaussian(), 1);
        }

        assertThat(restored.typical(100 * SPAN_MS)).as("typical").isCloseTo(100.0, within(3.0));
        assertThat(state(restored)[0]).as("version written").isEqualTo(AdaptiveSeriesModel.STATE_VERSION);
    }

    /**
     * Older states end earlier: version 4 before the errors' skewed shape (13 doubles), version 5 before their third
     * moment (1 double), version 6 before the secondary modes, version 7 before the long-run level's excursion start
     * (1 long, after the modes), version 8 before the decomposition's week shape and the return after a level shift
     * (after the excursion start), version 9 before the state kept to undo a burst (at the end). Versions 10 to 12
     * kept that state in an older layout, version 10 without the jump view after it and version 12 with two short
     * averages at the end. Version 13 ends before the smallest value learned. Each is read with what it lacks started afresh, so it shows no skew, and the model then
     * predicts as the one it was written from and is written again in the current version.
     */
    @ParameterizedTest
    @CsvSource({
        "4, 13, true, true",
        "5, 1, true, true",
        "6, 0, true, true",
        "7, 0, false, true",
        "8, 0, false, false",
        "9, 0, false, false",
        "10, 0, false, false",
        "11, 0, false, false",
        "12, 0, false, false",
        "13, 0, false, false"
    })
    void olderStateIsRead(byte version, int missingDoubles, boolean withoutModes, boolean withoutExcursion)
            throws IOException {
        DefaultSeriesModelFactory factory = new DefaultSeriesModelFactory(SPAN_SECONDS);
        Random random = new Random(67);
        SeriesModel model = factory.create(SeriesKind.METRIC);
        for (int i = 0; i < 300; i++) {
            model.learn(i * SPAN_MS, 100 + 5 * random.nextGaussian(), 1);
        }
        byte[] current = state(model);
        int jumps = sizeOf(new ErrorJumps()::writeTo);
        int beforeBursts = current.length - Double.BYTES - jumps - sizeOf(new Bursts()::writeTo);
        ByteArrayOutputStream older = new ByteArrayOutputStream();
        if (version == AdaptiveSeriesModel.BURST_SNAPSHOT_STATE_VERSION) {
            older.write(current, 0, current.length - Double.BYTES);
        } else if (version >= AdaptiveSeriesModel.BURSTS_STATE_VERSION) {
            older.write(current, 0, beforeBursts);
            DataOutputStream out = new DataOutputStream(older);
            writeBurstsWithoutShape(out);
            if (version >= AdaptiveSeriesModel.JUMPS_STATE_VERSION) {
                older.write(current, current.length - Double.BYTES - jumps, jumps);
            }
            if (version == AdaptiveSeriesModel.BURST_LEVEL_STATE_VERSION) {
                out.writeDouble(100);
                out.writeDouble(Double.NaN);
            }
        } else {
            ByteArrayOutputStream modes = new ByteArrayOutputStream();
            new ResidualModes().writeTo(new DataOutputStream(modes));
            int missing = (version < AdaptiveSeriesModel.WEEK_SHAPE_STATE_VERSION ? weekShapeAndReturnSize() : 0)
                    + (withoutExcursion ? Long.BYTES : 0)
                    + (withoutModes ? modes.size() : 0)
                    + missingDoubles * Double.BYTES;
            older.write(current, 0, beforeBursts - missing);
        }
        byte[] olderState = older.toByteArray();
        olderState[0] = version;

        SeriesModel restored = factory.read(new DataInputStream(new ByteArrayInputStream(olderState)));

        assertThat(restored.typical(300 * SPAN_MS)).as("typical").isEqualTo(model.typical(300 * SPAN_MS));
        assertThat(state(restored)).as("state written again").hasSize(current.length);
        assertThat(state(restored)[0]).as("version written").isEqualTo(AdaptiveSeriesModel.STATE_VERSION);
    }

    /** A part of the state that writes itself. */
    private interface StatePart {
        void writeTo(DataOutput out) throws IOException;
    }

    private static int sizeOf(StatePart part) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        part.writeTo(new DataOutputStream(bytes));
        return bytes.size();
    }

    /** Writes the burst state of versions 10 to 12 with no burst in progress: 4 variances, a calibrator, false. */
    private static void writeBurstsWithoutShape(DataOutputStream out) throws IOException {
        for (int i = 0; i < 4; i++) {
            out.writeDouble(1.0);
        }
        new TailCalibrator().writeTo(out);
        out.writeBoolean(false);
    }

    private static int weekShapeAndReturnSize() throws IOException {
        return sizeOf(new Decomposition(SPAN_MS)::writeWeekShapeTo) + sizeOf(new AnomalyRuns()::writeReturnTo);
    }

    /** Writes an empty calibrator in the layout before it kept its largest excesses: 13 doubles of 0. */
    private static void writeVersionThreeCalibrator(DataOutputStream out) throws IOException {
        for (int i = 0; i < 1 + 2 * TailCalibrator.LEVELS.length + 4; i++) {
            out.writeDouble(0.0);
        }
    }

    private static byte[] state(SeriesModel model) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.writeTo(new DataOutputStream(bytes));
        return bytes.toByteArray();
    }
}
