package io.vigil.analytics;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The jump view of a metric series: the change of the standardized error from one bucket to the next. Some series
 * move in sudden jumps that decay over the following buckets, as the log of a value does when it follows an AR(1)
 * process with exponential innovations. Their errors come in runs, so {@link ErrorSkewness} gives their skewed shape
 * no weight, and routine jumps got probabilities of 1e-7 to 1e-35. The changes of the error are
 * closer to independent and skewed towards the jumps, so an {@link ErrorSkewness} of the changes learns how far the
 * series jumps. A bucket that moves away from the prediction gets at least the tail that shape gives its change, and
 * a bucket that falls back towards the prediction on the same side gets at least the tail its predecessor got.
 * Independent errors have changes whose lag-1 autocorrelation is −0.5, so the view gives them no weight.
 */
final class ErrorJumps {

    private final ErrorSkewness changes;
    private double previousError = Double.NaN;
    /** The tail this view gave the previous bucket, 0 when it gave none. */
    private double previousTail;

    ErrorJumps() {
        this(new ErrorSkewness());
    }

    private ErrorJumps(ErrorSkewness changes) {
        this.changes = changes;
    }

    /**
     * Returns the smallest two-sided tail this view allows for a bucket of standardized {@code error} under Student's
     * t with {@code degrees}, or 0 when it sets none.
     */
    double tail(double error, double degrees) {
        if (Double.isNaN(previousError)) {
            return 0;
        }
        double change = error - previousError;
        if (change * error > 0) {
            return changes.widen(0, change, degrees);
        }
        return error * previousError > 0 ? previousTail : 0;
    }

    /** Learns the standardized error of a finished bucket, after its tail was read with the same {@code degrees}. */
    void learn(double error, double degrees) {
        if (!Double.isFinite(error)) {
            return;
        }
        double tail = tail(error, degrees);
        if (!Double.isNaN(previousError)) {
            changes.learn(error - previousError);
        }
        previousError = error;
        previousTail = tail;
    }

    long memoryBytes() {
        return 16 + 4 + 2 * 8 + changes.memoryBytes();
    }

    void writeTo(DataOutput out) throws IOException {
        changes.writeTo(out);
        out.writeDouble(previousError);
        out.writeDouble(previousTail);
    }

    static ErrorJumps read(DataInput in) throws IOException {
        ErrorJumps jumps = new ErrorJumps(ErrorSkewness.read(in, true));
        jumps.previousError = in.readDouble();
        jumps.previousTail = in.readDouble();
        return jumps;
    }
}
