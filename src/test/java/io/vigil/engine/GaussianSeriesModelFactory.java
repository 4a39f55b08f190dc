package io.vigil.engine;

import io.vigil.analytics.Assessment;
import io.vigil.analytics.SeriesKind;
import io.vigil.analytics.SeriesModel;
import io.vigil.analytics.SeriesModelFactory;
import io.vigil.analytics.Side;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.hipparchus.distribution.continuous.TDistribution;

/**
 * A simple series model for testing the engine: the predictive Student t distribution of an exponentially weighted
 * mean and variance, with {@code min(n, 100) - 1} degrees of freedom, so young models do not overstate rarity. The
 * first {@link #WARM_UP_VALUES} values are learned without being judged (probability 1). A mean over fewer values
 * than usual (count weight below 1) has a proportionally wider distribution.
 */
public final class GaussianSeriesModelFactory implements SeriesModelFactory {

    static final int WARM_UP_VALUES = 10;

    /** Weight of the newest value once the model has seen more than 1 / weight values. */
    private static final double SMOOTHING = 0.01;

    private static final double MIN_VARIANCE = 1e-6;

    private static final TDistribution[] DISTRIBUTIONS = new TDistribution[(int) (1.0 / SMOOTHING)];

    private static synchronized TDistribution distribution(int degreesOfFreedom) {
        if (DISTRIBUTIONS[degreesOfFreedom] == null) {
            DISTRIBUTIONS[degreesOfFreedom] = new TDistribution(degreesOfFreedom);
        }
        return DISTRIBUTIONS[degreesOfFreedom];
    }

    @Override
    public SeriesModel create(SeriesKind kind) {
        return new GaussianModel(0, 0.0, 0.0);
    }

    @Override
    public SeriesModel read(DataInput in) throws IOException {
        return new GaussianModel(in.readLong(), in.readDouble(), in.readDouble());
    }

    private static final class GaussianModel implements SeriesModel {
        private long count;
        private double mean;
        private double variance;

        GaussianModel(long count, double mean, double variance) {
            this.count = count;
            this.mean = mean;
            this.variance = variance;
        }

        @Override
        public Assessment assess(long bucketStartMs, double value, double countWeight, Side side) {
            double effectiveCount = Math.min(count, 1.0 / SMOOTHING);
            double sd = Math.sqrt(
                    Math.max(variance, MIN_VARIANCE) * (1.0 + 1.0 / effectiveCount) / Math.max(countWeight, 1e-3));
            double t = (value - mean) / sd;
            double p = count < WARM_UP_VALUES ? 1.0 : tail(t, effectiveCount - 1.0, side);
            return new Assessment(
                    p,
                    p,
                    1.0,
                    -5.0,
                    mean,
                    mean - 1.96 * sd,
                    mean + 1.96 * sd,
                    value > mean,
                    1,
                    1.0,
                    false,
                    countWeight < 1.0,
                    false);
        }

        private static double tail(double t, double degreesOfFreedom, Side side) {
            double lowerTail = distribution((int) degreesOfFreedom).cumulativeProbability(-Math.abs(t));
            double p = switch (side) {
                case TWO_SIDED -> 2.0 * lowerTail;
                case ABOVE -> t > 0.0 ? 2.0 * lowerTail : 1.0;
                case BELOW -> t < 0.0 ? 2.0 * lowerTail : 1.0;
            };
            return Math.min(Math.max(p, Double.MIN_NORMAL), 1.0);
        }

        @Override
        public void learn(long bucketStartMs, double value, double countWeight) {
            count++;
            if (count == 1) {
                mean = value;
                variance = 0.0;
                return;
            }
            double weight = Math.max(1.0 / count, SMOOTHING);
            double delta = value - mean;
            mean += weight * delta;
            variance = (1.0 - weight) * (variance + weight * delta * delta);
        }

        @Override
        public double typical(long bucketStartMs) {
            return mean;
        }

        @Override
        public long memoryBytes() {
            return 40L;
        }

        @Override
        public void writeTo(DataOutput out) throws IOException {
            out.writeLong(count);
            out.writeDouble(mean);
            out.writeDouble(variance);
        }
    }
}
