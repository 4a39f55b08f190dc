package io.vigil.bench.analytics;

import io.vigil.analytics.DefaultSeriesModelFactory;
import io.vigil.analytics.SeriesKind;
import io.vigil.analytics.SeriesModel;
import io.vigil.bench.MachineInfo;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Random;

/**
 * {@code bin/vigil-bench series-memory [SERIES]}: the retained heap of METRIC series models after four weeks of
 * 5-minute buckets (8,064). Eight distinct series (daily, weekly and flat patterns with noise and spikes) are trained
 * in full, and SERIES models (default 100,000) are read back from their serialized states. The heap in use is
 * measured with {@link MemoryMXBean} after repeated garbage collections, before and after the models exist, and
 * divided by their number. It is printed next to the models' own {@code memoryBytes()} estimate.
 */
public final class SeriesMemoryBenchmark {

    private static final long SPAN_MS = 300_000;
    private static final int TRAINING_BUCKETS = 8064;
    private static final int DISTINCT = 8;

    private SeriesMemoryBenchmark() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        DefaultSeriesModelFactory factory = new DefaultSeriesModelFactory(SPAN_MS / 1000);
        byte[][] states = new byte[DISTINCT][];
        for (int s = 0; s < DISTINCT; s++) {
            states[s] = state(trained(factory, s));
        }

        long before = usedHeapAfterGc();
        SeriesModel[] models = new SeriesModel[count];
        for (int i = 0; i < count; i++) {
            models[i] = factory.read(new DataInputStream(new ByteArrayInputStream(states[i % DISTINCT])));
        }
        long after = usedHeapAfterGc();

        long estimate = 0;
        for (SeriesModel model : models) {
            estimate += model.memoryBytes();
        }
        System.out.println("series-memory: " + count + " METRIC series after " + TRAINING_BUCKETS
                + " five-minute buckets; " + MachineInfo.describe());
        System.out.printf(
                "retained heap %.0f bytes per series, memoryBytes() estimate %.0f bytes per series, state %d bytes%n",
                (after - before) / (double) count, estimate / (double) count, states[0].length);
    }

    private static SeriesModel trained(DefaultSeriesModelFactory factory, int shape) {
        Random random = new Random(1000 + shape);
        SeriesModel model = factory.create(SeriesKind.METRIC);
        for (int i = 0; i < TRAINING_BUCKETS; i++) {
            double daily = shape % 4 == 3 ? 0 : 30 * Math.sin(2 * Math.PI * (i % 288) / 288.0);
            double weekly = shape % 2 == 1 && (i / 288) % 7 >= 5 ? -20 : 0;
            double spike = random.nextDouble() < 0.001 ? 100 : 0;
            model.learn(i * SPAN_MS, 200 + daily + weekly + (shape + 1) * random.nextGaussian() + spike, 1);
        }
        return model;
    }

    private static byte[] state(SeriesModel model) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.writeTo(new DataOutputStream(bytes));
        return bytes.toByteArray();
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
