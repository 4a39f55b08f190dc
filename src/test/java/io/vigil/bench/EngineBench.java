package io.vigil.bench;

import java.util.Collection;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * {@code bin/vigil-bench engine [SECONDS]}: records per second through the detection engine alone, with JMH
 * ({@link EngineBenchmark}): 3 warm-up and 5 measured iterations of SECONDS each (default 5), one fork.
 */
public final class EngineBench {

    private EngineBench() {}

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Options options = new OptionsBuilder()
                .include(EngineBenchmark.class.getName() + ".bucket")
                .forks(1)
                .jvmArgs("-Xmx1g")
                .warmupIterations(3)
                .warmupTime(TimeValue.seconds(seconds))
                .measurementIterations(5)
                .measurementTime(TimeValue.seconds(seconds))
                .build();
        Collection<RunResult> results = new Runner(options).run();
        for (RunResult result : results) {
            double score = result.getPrimaryResult().getScore();
            double error = result.getPrimaryResult().getScoreError();
            System.out.printf(
                    "engine: %,.0f records/s (± %,.0f, 99.9%% interval, fork with -Xmx1g) for mean(bytes) by host and count over %s"
                            + " hosts, 5-minute buckets of %,d records, influencer host%n",
                    score, error, result.getParams().getParam("hosts"), EngineBenchmark.RECORDS_PER_BUCKET);
        }
        System.out.println("machine: " + MachineInfo.describe());
    }
}
