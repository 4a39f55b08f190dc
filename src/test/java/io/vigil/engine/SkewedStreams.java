package io.vigil.engine;

import io.vigil.analytics.DefaultSeriesModelFactory;
import io.vigil.bench.MachineInfo;
import io.vigil.job.Job;
import io.vigil.results.AnomalyRecord;
import io.vigil.results.Influencer;
import java.util.Arrays;
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
    /** First seed and number of seeds of the wider sample. */
    static final long WIDE_FIRST_SEED = 1000L;

    static final int WIDE_SEEDS = 50;

    /** A skewed distribution of positive values with median 100. */
    enum Distribution {
        // Each rare value is exceeded with probability 1e-7, and 5.1993 is the normal deviate of 1e-7.
        LOGNORMAL_SIGMA_HALF(random -> 100 * Math.exp(0.5 * random.nextGaussian()), 100 * Math.exp(0.5 * 5.1993)),
        LOGNORMAL_SIGMA_ONE(random -> 100 * Math.exp(random.nextGaussian()), 100 * Math.exp(5.1993)),
        // 1.678 is the median of a gamma with shape 2 and scale 1, and e^-x (1 + x) = 1e-7 at x = 19.12.
        GAMMA_SHAPE_TWO(random -> 100 / 1.678 * (exponential(random) + exponential(random)), 100 / 1.678 * 19.12),
        EXPONENTIAL(random -> 100 / Math.log(2) * exponential(random), 100 / Math.log(2) * Math.log(1e7)),
        /** The symmetric control: normal with mean 100 and standard deviation 15. */
        NORMAL(random -> 100 + 15 * random.nextGaussian(), 100 + 15 * 5.1993);

        private final ToDoubleFunction<Random> draw;
        private final double rareValue;

        Distribution(ToDoubleFunction<Random> draw, double rareValue) {
            this.draw = draw;
            this.rareValue = rareValue;
        }

        /** Returns the value above which a draw falls with probability 1e-7. */
        double rareValue() {
            return rareValue;
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
        AnalyzerDriver driver = meanOfValue(span, spanMs);
        Random random = new Random(seed);
        for (long bucket = 0; bucket < durationMs; bucket += spanMs) {
            add(driver, bucket, distribution.draw(random));
            driver.finalizeBucket(bucket);
        }
        return driver;
    }

    /** Returns a driver of a new job with one {@code mean(value)} detector, influencer {@code host}. */
    static AnalyzerDriver meanOfValue(String span, long spanMs) {
        Job job = Jobs.job(span, List.of("host"), Jobs.detector("mean", "value", null, null));
        return new AnalyzerDriver(job, new DefaultSeriesModelFactory(spanMs / 1000));
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

    /** Day on which the rare value arrives. */
    static final int SPIKE_DAY = 10;

    /** Returns the highest record score of the bucket holding the rare value after {@link #SPIKE_DAY} days. */
    static double rareValueScore(Distribution distribution, String span, long seed) {
        AnalyzerDriver driver = run(distribution, span, seed, SPIKE_DAY * DAY_MS);
        long spikeBucket = SPIKE_DAY * DAY_MS;
        add(driver, spikeBucket, distribution.rareValue());
        return driver.finalizeBucket(spikeBucket).records().stream()
                .mapToDouble(AnomalyRecord::recordScore)
                .max()
                .orElse(0);
    }

    /**
     * Returns how many of the wider sample's 14-day streams of the distribution, {@link #WIDE_SEEDS} seeds for each
     * bucket span, stay below 25 in their bucket, record and influencer scores.
     */
    static int wideBelow(Distribution distribution) {
        int below = 0;
        for (String span : SPANS) {
            for (long seed = WIDE_FIRST_SEED; seed < WIDE_FIRST_SEED + WIDE_SEEDS; seed++) {
                if (largest(maxima(run(distribution, span, seed, 14 * DAY_MS))) < 25) {
                    below++;
                }
            }
        }
        return below;
    }

    /** Number of seeded Gaussian jobs, first seed and length in days. */
    static final int GAUSSIAN_JOBS = 60;

    static final long GAUSSIAN_FIRST_SEED = 1L;
    static final int GAUSSIAN_DAYS = 7;

    /**
     * Runs one job of Gaussian noise: {@code mean(value) by host} over three hosts in 15-minute buckets, each host
     * sending three values of mean 100 and standard deviation 15 in every bucket, for {@link #GAUSSIAN_DAYS} days.
     */
    static AnalyzerDriver gaussianJob(long seed) {
        long spanMs = 15 * MINUTE_MS;
        Job job = Jobs.job("15m", List.of("host"), Jobs.detector("mean", "value", "host", null));
        AnalyzerDriver driver = new AnalyzerDriver(job, new DefaultSeriesModelFactory(spanMs / 1000));
        Random random = new Random(seed);
        for (long bucket = 0; bucket < GAUSSIAN_DAYS * DAY_MS; bucket += spanMs) {
            for (int value = 0; value < 3; value++) {
                for (int host = 0; host < 3; host++) {
                    long time = bucket + value * 5 * MINUTE_MS;
                    driver.add(
                            bucket,
                            time,
                            Map.of("host", "host-" + host, "value", Double.toString(100 + 15 * random.nextGaussian())));
                }
            }
            driver.finalizeBucket(bucket);
        }
        return driver;
    }

    /** Returns how many of the {@link #GAUSSIAN_JOBS} Gaussian jobs stay below 25 in all three scores. */
    static int gaussianJobsBelow() {
        int below = 0;
        for (long seed = GAUSSIAN_FIRST_SEED; seed < GAUSSIAN_FIRST_SEED + GAUSSIAN_JOBS; seed++) {
            if (largest(maxima(gaussianJob(seed))) < 25) {
                below++;
            }
        }
        return below;
    }

    /** Seeds of the bimodal streams: 1 to this number. */
    static final int BIMODAL_SEEDS = 20;

    /**
     * Runs 14 days of a bimodal stream through a {@code mean(value)} detector with 5-minute buckets: values of mean
     * 100 and standard deviation 5, and in a {@code share} of buckets, chosen at random, of mean {@code level}.
     */
    static AnalyzerDriver bimodal(double share, double level, long seed) {
        long spanMs = 5 * MINUTE_MS;
        AnalyzerDriver driver = meanOfValue("5m", spanMs);
        Random random = new Random(seed);
        for (long bucket = 0; bucket < 14 * DAY_MS; bucket += spanMs) {
            double mean = random.nextDouble() < share ? level : 100;
            add(driver, bucket, mean + 5 * random.nextGaussian());
            driver.finalizeBucket(bucket);
        }
        return driver;
    }

    /** Returns the highest bucket or record score from day 3 on, when the second mode has been seen often. */
    static double maximumFromDayThree(AnalyzerDriver driver) {
        double maximum = 0;
        for (BucketResults results : driver.results) {
            if (results.bucket().timestamp() >= 3 * DAY_MS) {
                maximum = Math.max(maximum, results.bucket().anomalyScore());
                for (AnomalyRecord record : results.records()) {
                    maximum = Math.max(maximum, record.recordScore());
                }
            }
        }
        return maximum;
    }

    /** Returns how many of the {@link #BIMODAL_SEEDS} bimodal streams stay below 25 from day 3 on. */
    static int bimodalBelow(double share, double level) {
        int below = 0;
        for (long seed = 1; seed <= BIMODAL_SEEDS; seed++) {
            if (maximumFromDayThree(bimodal(share, level, seed)) < 25) {
                below++;
            }
        }
        return below;
    }

    /** Seeds of the young spikes: 1 to this number. */
    static final int SPIKE_SEEDS = 12;

    /**
     * Returns the record score, per seed, of a spike of 10 standard deviations at bucket {@code at} of a young
     * {@code mean(value)} job with 15-minute buckets and values of mean 100 and standard deviation 10.
     */
    static double[] youngSpikeScores(int at) {
        double[] scores = new double[SPIKE_SEEDS];
        long spanMs = 15 * MINUTE_MS;
        for (int seed = 1; seed <= SPIKE_SEEDS; seed++) {
            AnalyzerDriver driver = meanOfValue("15m", spanMs);
            Random random = new Random(seed);
            for (int bucket = 0; bucket < at; bucket++) {
                add(driver, bucket * spanMs, 100 + 10 * random.nextGaussian());
                driver.finalizeBucket(bucket * spanMs);
            }
            add(driver, at * spanMs, 200);
            scores[seed - 1] = driver.finalizeBucket(at * spanMs).records().stream()
                    .mapToDouble(AnomalyRecord::recordScore)
                    .max()
                    .orElse(0);
        }
        return scores;
    }

    /** Returns the largest of a stream's bucket, record and influencer maxima. */
    static double largest(Maxima maxima) {
        return Math.max(maxima.bucket(), Math.max(maxima.record(), maxima.influencer()));
    }

    /**
     * Prints the maxima of 14 days of every skewed distribution, bucket span and seed, then for each distribution and
     * the normal control how many of {@link #WIDE_SEEDS} seeds per bucket span stay below 25.
     */
    public static void main(String[] args) {
        System.out.println("distribution          span  seed   bucket  record  influencer  day of max bucket");
        int below = 0;
        int total = 0;
        for (Distribution distribution : Distribution.values()) {
            if (distribution == Distribution.NORMAL) {
                continue;
            }
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
                    if (largest(maxima) < 25) {
                        below++;
                    }
                }
            }
        }
        System.out.printf("%d of %d streams below 25 in all three scores%n%n", below, total);

        System.out.printf(
                "Seeds %d to %d, both bucket spans: streams below 25 in all three scores%n",
                WIDE_FIRST_SEED, WIDE_FIRST_SEED + WIDE_SEEDS - 1);
        for (Distribution distribution : Distribution.values()) {
            System.out.printf("%-21s %3d of %d%n", distribution, wideBelow(distribution), 2 * WIDE_SEEDS);
        }

        System.out.printf(
                "%nSeeds %d to %d: %d-day jobs of `mean(value) by host`, three hosts, three Gaussian values per host "
                        + "in each 15-minute bucket%n",
                GAUSSIAN_FIRST_SEED, GAUSSIAN_FIRST_SEED + GAUSSIAN_JOBS - 1, GAUSSIAN_DAYS);
        int gaussianBelow = 0;
        for (long seed = GAUSSIAN_FIRST_SEED; seed < GAUSSIAN_FIRST_SEED + GAUSSIAN_JOBS; seed++) {
            Maxima maxima = maxima(gaussianJob(seed));
            if (largest(maxima) < 25) {
                gaussianBelow++;
            } else {
                System.out.printf(
                        "seed %d: bucket %.1f, record %.1f, influencer %.1f, highest bucket on day %.2f%n",
                        seed, maxima.bucket(), maxima.record(), maxima.influencer(), maxima.bucketDay());
            }
        }
        System.out.printf("%d of %d jobs below 25 in all three scores%n", gaussianBelow, GAUSSIAN_JOBS);

        System.out.printf(
                "%nSeeds 1 to %d: 14 days of two modes, 100 and a second level in a share of 5-minute buckets,"
                        + " standard deviation 5: streams below 25 from day 3 on%n",
                BIMODAL_SEEDS);
        for (double[] mode : new double[][] {{0.01, 300}, {0.02, 140}, {0.005, 300}}) {
            System.out.printf(
                    "second level %3.0f in %.1f%% of buckets: %2d of %d%n",
                    mode[1], 100 * mode[0], bimodalBelow(mode[0], mode[1]), BIMODAL_SEEDS);
        }

        System.out.printf(
                "%nSeeds 1 to %d: a spike of 10 standard deviations in a young job of normal values, 15-minute buckets%n",
                SPIKE_SEEDS);
        for (int at : new int[] {30, 75, 150}) {
            double[] scores = youngSpikeScores(at);
            StringBuilder line = new StringBuilder();
            for (double score : scores) {
                line.append(String.format(" %.1f", score));
            }
            long high = Arrays.stream(scores).filter(score -> score >= 25).count();
            System.out.printf("bucket %3d: %d of %d at 25 or more; record scores%s%n", at, high, SPIKE_SEEDS, line);
        }

        System.out.printf(
                "%nThe same seeds with a value of upper-tail probability 1e-7 on day %d: its record score%n",
                SPIKE_DAY);
        for (Distribution distribution : Distribution.values()) {
            int high = 0;
            double sum = 0;
            for (String span : SPANS) {
                for (long seed = WIDE_FIRST_SEED; seed < WIDE_FIRST_SEED + WIDE_SEEDS; seed++) {
                    double score = rareValueScore(distribution, span, seed);
                    sum += score;
                    if (score >= 75) {
                        high++;
                    }
                }
            }
            System.out.printf(
                    "%-21s mean %5.1f, %3d of %d at 75 or more%n",
                    distribution, sum / (2 * WIDE_SEEDS), high, 2 * WIDE_SEEDS);
        }
        System.out.println(MachineInfo.describe());
    }
}
