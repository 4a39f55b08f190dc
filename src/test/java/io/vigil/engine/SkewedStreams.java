package io.vigil.engine;

import io.vigil.analytics.DefaultSeriesModelFactory;
import io.vigil.bench.MachineInfo;
import io.vigil.job.Job;
import io.vigil.results.AnomalyRecord;
import io.vigil.results.Influencer;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.ToDoubleFunction;

/**
 * Independent values of skewed positive distributions with median 100, as latency and byte metrics are, fed one a
 * bucket through a {@code mean(value)} detector. The {@code skewed-metrics} benchmark prints the maximum bucket,
 * record and influencer scores of each stream.
 */
public final class SkewedStreams {

    static final long MINUTE_MS = 60_000L;
    static final long DAY_MS = 24 * 60 * MINUTE_MS;
    static final List<String> SPANS = List.of("5m", "1h");
    static final long[] SEEDS = {7L, 19L, 101L};

    /** A skewed distribution of positive values with median 100. */
    enum Distribution {
        LOGNORMAL_SIGMA_HALF(random -> 100 * Math.exp(0.5 * random.nextGaussian())),
        LOGNORMAL_SIGMA_ONE(random -> 100 * Math.exp(random.nextGaussian())),
        // 1.678 is the median of a gamma with shape 2 and scale 1.
        GAMMA_SHAPE_TWO(random -> 100 / 1.678 * (exponential(random) + exponential(random))),
        EXPONENTIAL(random -> 100 / Math.log(2) * exponential(random));

        private final ToDoubleFunction<Random> draw;

        Distribution(ToDoubleFunction<Random> draw) {
            this.draw = draw;
        }

        double draw(Random random) {
            return draw.applyAsDouble(random);
        }

        private static double exponential(Random random) {
            return -Math.log(1 - random.nextDouble());
        }
    }

    /** The maximum scores of one stream and the day of its highest bucket. */
    record Maxima(double bucket, double record, double influencer, double bucketDay) {}

    private SkewedStreams() {}

    static long spanMs(String span) {
        return span.equals("5m") ? 5 * MINUTE_MS : 60 * MINUTE_MS;
    }

    /** Runs {@code durationMs} of the distribution's values through a new analyzer and returns its driver. */
    static AnalyzerDriver run(Distribution distribution, String span, long seed, long durationMs) {
        long spanMs = spanMs(span);
        Job job = Jobs.job(span, List.of("host"), Jobs.detector("mean", "value", null, null));
        AnalyzerDriver driver = new AnalyzerDriver(job, new DefaultSeriesModelFactory(spanMs / 1000));
        Random random = new Random(seed);
        for (long bucket = 0; bucket < durationMs; bucket += spanMs) {
            add(driver, bucket, distribution.draw(random));
            driver.finalizeBucket(bucket);
        }
        return driver;
    }

    static void add(AnalyzerDriver driver, long bucketStartMs, double value) {
        driver.add(bucketStartMs, Map.of("host", "host-1", "value", Double.toString(value)));
    }

    static Maxima maxima(AnalyzerDriver driver) {
        BucketResults highest = driver.results.get(0);
        for (BucketResults results : driver.results) {
            if (results.bucket().anomalyScore() > highest.bucket().anomalyScore()) {
                highest = results;
            }
        }
        double record = driver.results.stream()
                .flatMap(results -> results.records().stream())
                .mapToDouble(AnomalyRecord::recordScore)
                .max()
                .orElse(0);
        double influencer = driver.results.stream()
                .flatMap(results -> results.influencers().stream())
                .mapToDouble(Influencer::influencerScore)
                .max()
                .orElse(0);
        double day = highest.bucket().timestamp() / (double) DAY_MS;
        return new Maxima(highest.bucket().anomalyScore(), record, influencer, day);
    }

    /** Prints the maxima of 14 days of every distribution, bucket span and seed. */
    public static void main(String[] args) {
        System.out.println("distribution          span  seed   bucket  record  influencer  day of max bucket");
        int below = 0;
        int total = 0;
        for (Distribution distribution : Distribution.values()) {
            for (String span : SPANS) {
                for (long seed : SEEDS) {
                    Maxima maxima = maxima(run(distribution, span, seed, 14 * DAY_MS));
                    System.out.printf(
                            "%-21s %-5s %4d  %7.1f %7.1f %11.1f %10.2f%n",
                            distribution,
                            span,
                            seed,
                            maxima.bucket(),
                            maxima.record(),
                            maxima.influencer(),
                            maxima.bucketDay());
                    total++;
                    if (Math.max(maxima.bucket(), Math.max(maxima.record(), maxima.influencer())) < 25) {
                        below++;
                    }
                }
            }
        }
        System.out.printf("%d of %d streams below 25 in all three scores%n", below, total);
        System.out.println(MachineInfo.describe());
    }
}
