package io.vigil.engine;

import io.vigil.analytics.Assessment;
import io.vigil.analytics.SeriesKind;
import io.vigil.analytics.SeriesModel;
import io.vigil.analytics.SeriesModelFactory;
import io.vigil.analytics.Side;
import java.io.DataInput;
import java.io.DataOutput;
import java.util.ArrayList;
import java.util.List;

/** Series models that judge every value as usual and record what the engine passes to them, in call order. */
final class RecordingSeriesModelFactory implements SeriesModelFactory {

    /** One call of {@link SeriesModel#learn} or {@link SeriesModel#assess}. */
    record Call(
            String method,
            int model,
            SeriesKind kind,
            long bucketStartMs,
            double value,
            double countWeight,
            Side side) {}

    final List<Call> calls = new ArrayList<>();
    private int created;

    @Override
    public SeriesModel create(SeriesKind kind) {
        return new RecordingModel(created++, kind);
    }

    @Override
    public SeriesModel read(DataInput in) {
        throw new UnsupportedOperationException("recording models have no state");
    }

    /** Returns the values learned in bucket {@code bucketStartMs}, in call order. */
    List<Double> learned(long bucketStartMs) {
        return calls.stream()
                .filter(call -> call.method().equals("learn") && call.bucketStartMs() == bucketStartMs)
                .map(Call::value)
                .toList();
    }

    /** Returns the assess calls of bucket {@code bucketStartMs}, in call order. */
    List<Call> assessed(long bucketStartMs) {
        return calls.stream()
                .filter(call -> call.method().equals("assess") && call.bucketStartMs() == bucketStartMs)
                .toList();
    }

    private final class RecordingModel implements SeriesModel {
        private final int id;
        private final SeriesKind kind;

        RecordingModel(int id, SeriesKind kind) {
            this.id = id;
            this.kind = kind;
        }

        @Override
        public Assessment assess(long bucketStartMs, double value, double countWeight, Side side) {
            calls.add(new Call("assess", id, kind, bucketStartMs, value, countWeight, side));
            return new Assessment(1.0, 1.0, 1.0, -5.0, value, value, value, false, 0, 1.0, false, false, false);
        }

        @Override
        public void learn(long bucketStartMs, double value, double countWeight) {
            calls.add(new Call("learn", id, kind, bucketStartMs, value, countWeight, null));
        }

        @Override
        public double typical(long bucketStartMs) {
            return 0.0;
        }

        @Override
        public long memoryBytes() {
            return 0L;
        }

        @Override
        public void writeTo(DataOutput out) {
            throw new UnsupportedOperationException("recording models have no state");
        }
    }
}
