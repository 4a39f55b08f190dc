package io.vigil.bench.analytics;

import io.vigil.analytics.DefaultSeriesModelFactory;
import io.vigil.analytics.SeriesKind;
import io.vigil.analytics.SeriesModel;
import io.vigil.analytics.Side;
import io.vigil.bench.MachineInfo;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * {@code bin/vigil-bench series-model}: the average time of one assess plus learn of a METRIC series model on
 * 5-minute buckets of a daily pattern with noise and occasional spikes, after four weeks of training. The state
 * cycles through 256 models so that caches see a realistic spread of series.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SeriesModelBenchmark {

    private static final long SPAN_MS = 300_000;
    private static final int MODELS = 256;
    private static final int TRAINING_BUCKETS = 8064;

    private final SeriesModel[] models = new SeriesModel[MODELS];
    private final double[] values = new double[4096];
    private long bucket = TRAINING_BUCKETS;
    private int next;

    @Setup
    public void train() {
        Random random = new Random(71);
        DefaultSeriesModelFactory factory = new DefaultSeriesModelFactory(SPAN_MS / 1000);
        for (int i = 0; i < values.length; i++) {
            values[i] = value(i, random);
        }
        for (int m = 0; m < MODELS; m++) {
            models[m] = factory.create(SeriesKind.METRIC);
            for (int i = 0; i < TRAINING_BUCKETS; i++) {
                models[m].learn(i * SPAN_MS, values[(i + m) & (values.length - 1)], 1);
            }
        }
    }

    private static double value(int i, Random random) {
        double daily = 20 * Math.sin(2 * Math.PI * (i % 288) / 288.0);
        double spike = random.nextDouble() < 0.002 ? 80 : 0;
        return 100 + daily + 3 * random.nextGaussian() + spike;
    }

    @Benchmark
    public double assessAndLearn() {
        SeriesModel model = models[next];
        double value = values[(int) (bucket + next) & (values.length - 1)];
        long time = bucket * SPAN_MS;
        double probability = model.assess(time, value, 1, Side.TWO_SIDED).probability();
        model.learn(time, value, 1);
        if (++next == MODELS) {
            next = 0;
            bucket++;
        }
        return probability;
    }

    public static void main(String[] args) throws Exception {
        System.out.println("series-model: assess + learn of one METRIC series bucket; " + MachineInfo.describe());
        new Runner(new OptionsBuilder()
                        .include(SeriesModelBenchmark.class.getSimpleName())
                        .build())
                .run();
    }
}
