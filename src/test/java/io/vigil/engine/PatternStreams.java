package io.vigil.engine;

import io.vigil.analytics.DefaultSeriesModelFactory;
import io.vigil.bench.MachineInfo;
import io.vigil.job.Job;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Five shapes of data, each with seeds 1 to 4, fed through the detection engine: two of normal data that scored above
 * 25, two temporary changes whose ends scored as new anomalies, and an outage after a weekend.
 * The {@code normal-patterns} benchmark prints the highest bucket score of each stream, so that a change to the
 * models shows what it does to them.
 *
 * <ul>
 *   <li>Autocorrelated skewed noise: 5-minute values 100·e^y with y an AR(1) of coefficient 0.8 and innovations
 *       0.3·(E − 1), E exponential, for 7 days. The highest score from day 2 on counts.
 *   <li>A weekly step: Poisson counts per 15-minute bucket, mean 30 on weekdays and 6 at weekends, for 4 weeks. The
 *       highest score in each week counts.
 *   <li>A temporary level shift: 10-minute values of mean 3000 and standard deviation 150 for 6 days, then twice
 *       that for 2 hours and back. The scores at the start of the shift and at its end count.
 *   <li>A burst: Poisson counts of mean 20 per 15-minute bucket for 5 days, then of mean 100 for 2 hours and back,
 *       and again for 30 minutes 22 hours after the first began. The scores at the starts of both bursts and the
 *       highest score in the 3 hours after the first count.
 *   <li>An outage: Poisson counts per 15-minute bucket of mean 40 on weekdays and 8 at weekends, and no events for
 *       2 hours on the second Tuesday. Its highest score counts: a return to an earlier level must not hide it.
 * </ul>
 */
public final class PatternStreams {

    static final long MINUTE_MS = 60_000L;
    static final long DAY_MS = 24 * 60 * MINUTE_MS;
    static final int SEEDS = 4;
    private static final long COUNT_SPAN_MS = 15 * MINUTE_MS;

    private PatternStreams() {}

    /** Returns the highest bucket score from day 2 on of a log-AR(1) stream with exponential innovations. */
    static double autocorrelatedSkewedMaximum(long seed) {
        long spanMs = 5 * MINUTE_MS;
        AnalyzerDriver driver = SkewedStreams.meanOfValue("5m", spanMs);
        Random random = new Random(seed);
        double logLevel = 0;
        double maximum = 0;
        for (long bucket = 0; bucket < 7 * DAY_MS; bucket += spanMs) {
            logLevel = 0.8 * logLevel + 0.3 * (exponential(random) - 1);
            SkewedStreams.add(driver, bucket, 100 * Math.exp(logLevel));
            double score = driver.finalizeBucket(bucket).bucket().anomalyScore();
            if (bucket >= DAY_MS) {
                maximum = Math.max(maximum, score);
            }
        }
        return maximum;
    }

    /** Returns the highest bucket score in each of 4 weeks of counts that are lower at weekends. */
    static double[] weeklyStepMaxima(long seed) {
        AnalyzerDriver driver = countJob();
        Random random = new Random(seed);
        // 1970-01-05 was a Monday.
        long monday = 4 * DAY_MS;
        double[] maxima = new double[4];
        for (long bucket = monday; bucket < monday + 28 * DAY_MS; bucket += COUNT_SPAN_MS) {
            long dayOfWeek = (bucket - monday) / DAY_MS % 7;
            double score = addCounts(driver, bucket, PoissonDraws.draw(random, dayOfWeek >= 5 ? 6 : 30));
            int week = (int) ((bucket - monday) / (7 * DAY_MS));
            maxima[week] = Math.max(maxima[week], score);
        }
        return maxima;
    }

    /** Returns the highest bucket score in the first hour of a two-hour doubling and in the hour after it ends. */
    static double[] temporaryShiftScores(long seed) {
        long spanMs = 10 * MINUTE_MS;
        AnalyzerDriver driver = SkewedStreams.meanOfValue("10m", spanMs);
        Random random = new Random(seed);
        long start = 6 * DAY_MS;
        long end = start + 120 * MINUTE_MS;
        double atStart = 0;
        double atEnd = 0;
        for (long bucket = 0; bucket < end + DAY_MS; bucket += spanMs) {
            double value = 3000 + 150 * random.nextGaussian();
            boolean shifted = bucket >= start && bucket < end;
            SkewedStreams.add(driver, bucket, shifted ? 2 * value : value);
            double score = driver.finalizeBucket(bucket).bucket().anomalyScore();
            if (bucket >= start && bucket < start + 60 * MINUTE_MS) {
                atStart = Math.max(atStart, score);
            } else if (bucket >= end && bucket < end + 60 * MINUTE_MS) {
                atEnd = Math.max(atEnd, score);
            }
        }
        return new double[] {atStart, atEnd};
    }

    /**
     * Returns the score of a two-hour burst's first bucket, the highest bucket score in the 3 hours after it, and the
     * score of the first bucket of a second, half-hour burst 22 hours after the first began.
     */
    static double[] burstScores(long seed) {
        AnalyzerDriver driver = countJob();
        Random random = new Random(seed);
        long start = 5 * DAY_MS;
        long end = start + 120 * MINUTE_MS;
        long second = start + 22 * 60 * MINUTE_MS;
        double[] scores = new double[3];
        for (long bucket = 0; bucket < second + 60 * MINUTE_MS; bucket += COUNT_SPAN_MS) {
            boolean burst = bucket >= start && bucket < end || bucket >= second && bucket < second + 30 * MINUTE_MS;
            double score = addCounts(driver, bucket, PoissonDraws.draw(random, burst ? 100 : 20));
            if (bucket == start) {
                scores[0] = score;
            } else if (bucket >= end && bucket < end + 180 * MINUTE_MS) {
                scores[1] = Math.max(scores[1], score);
            } else if (bucket == second) {
                scores[2] = score;
            }
        }
        return scores;
    }

    /**
     * Returns the highest bucket score of a two-hour outage (no events) at 10:00 on the second Tuesday of counts with a
     * weekday mean of 40 and a weekend mean of 8.
     */
    static double outageAfterWeekend(long seed) {
        AnalyzerDriver driver = countJob();
        Random random = new Random(seed);
        // 1970-01-05 was a Monday.
        long monday = 4 * DAY_MS;
        long outage = monday + 8 * DAY_MS + 10 * 60 * MINUTE_MS;
        double highest = 0;
        for (long bucket = monday; bucket < outage + 4 * 60 * MINUTE_MS; bucket += COUNT_SPAN_MS) {
            long dayOfWeek = (bucket - monday) / DAY_MS % 7;
            boolean out = bucket >= outage && bucket < outage + 120 * MINUTE_MS;
            double score = addCounts(driver, bucket, out ? 0 : PoissonDraws.draw(random, dayOfWeek >= 5 ? 8 : 40));
            if (out) {
                highest = Math.max(highest, score);
            }
        }
        return highest;
    }

    /** Returns a driver of a job with one {@code count} detector and 15-minute buckets. */
    private static AnalyzerDriver countJob() {
        Job job = Jobs.job("15m", List.of("host"), Jobs.detector("count", null, null, null));
        return new AnalyzerDriver(job, new DefaultSeriesModelFactory(COUNT_SPAN_MS / 1000));
    }

    /** Adds {@code count} events to the bucket, finalizes it and returns its score. */
    private static double addCounts(AnalyzerDriver driver, long bucket, int count) {
        for (int event = 0; event < count; event++) {
            driver.add(bucket, bucket + event, Map.of("host", "h"));
        }
        return driver.finalizeBucket(bucket).bucket().anomalyScore();
    }

    private static double exponential(Random random) {
        return -Math.log(1 - random.nextDouble());
    }

    /** Prints the scores of each shape and seed. */
    public static void main(String[] args) {
        System.out.println("Autocorrelated skewed noise, highest bucket score from day 2 on");
        for (long seed = 1; seed <= SEEDS; seed++) {
            System.out.printf("seed %d: %.1f%n", seed, autocorrelatedSkewedMaximum(seed));
        }
        System.out.println("Weekly step in counts, highest bucket score in weeks 1 to 4");
        for (long seed = 1; seed <= SEEDS; seed++) {
            double[] maxima = weeklyStepMaxima(seed);
            System.out.printf("seed %d: %.1f %.1f %.1f %.1f%n", seed, maxima[0], maxima[1], maxima[2], maxima[3]);
        }
        System.out.println("Temporary doubling for two hours, highest bucket score at its start and at its end");
        for (long seed = 1; seed <= SEEDS; seed++) {
            double[] scores = temporaryShiftScores(seed);
            System.out.printf("seed %d: start %.1f, end %.1f%n", seed, scores[0], scores[1]);
        }
        System.out.println(
                "Burst of five times the count for two hours: score at its start, highest in the 3 hours after"
                        + " it, and at the start of a second burst 22 hours later");
        for (long seed = 1; seed <= SEEDS; seed++) {
            double[] scores = burstScores(seed);
            System.out.printf("seed %d: start %.1f, after %.1f, second %.1f%n", seed, scores[0], scores[1], scores[2]);
        }
        System.out.println(
                "Outage of two hours on the second Tuesday of counts quiet at weekends, highest bucket score");
        for (long seed = 1; seed <= SEEDS; seed++) {
            System.out.printf("seed %d: %.1f%n", seed, outageAfterWeekend(seed));
        }
        System.out.println(MachineInfo.describe());
    }
}
