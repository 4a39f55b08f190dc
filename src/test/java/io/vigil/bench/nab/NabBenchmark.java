package io.vigil.bench.nab;

import io.vigil.bench.MachineInfo;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code bin/vigil-bench nab}: measures Vigil's detection quality on NAB by streaming each series through the real
 * HTTP API, and prints its NAB scores beside published detectors scored by the same scorer on the same series.
 */
public final class NabBenchmark {

    /** Detector name of Vigil's result files. */
    static final String DETECTOR = "vigil";

    /** Published detectors to compare with: display name, folder under the NAB folder, file prefix. */
    private static final List<String[]> PUBLISHED = List.of(
            new String[] {"ARTime", "reference/rows_published/ARTime", "ARTime"},
            new String[] {"Numenta HTM", "reference/rows_numenta", "numenta"},
            new String[] {"CAD OSE", "reference/rows_published/contextOSE", "contextOSE"},
            new String[] {"Random Cut Forest", "reference/rows_published/randomCutForest", "randomCutForest"},
            new String[] {"Windowed Gaussian", "reference/rows_published/windowedGaussian", "windowedGaussian"});

    private NabBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.print(NabBenchmarkOptions.USAGE);
            return;
        }
        NabBenchmarkOptions options;
        try {
            options = NabBenchmarkOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        try {
            run(options);
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("NAB benchmark failed: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void run(NabBenchmarkOptions options) throws IOException, InterruptedException {
        NabCorpus corpus = NabCorpus.load(options.folder(), options.seriesGlob());
        System.out.println("NAB folder " + options.folder().toAbsolutePath().normalize() + ": " + corpus);
        if (options.url().isPresent()) {
            stream(corpus, options, options.url().get());
            return;
        }
        try (ServiceProcess service = ServiceProcess.start(options.out())) {
            System.out.println("Started Vigil at " + service.baseUrl() + " (log: " + service.logFile() + ")");
            stream(corpus, options, service.baseUrl());
        }
    }

    private static void stream(NabCorpus corpus, NabBenchmarkOptions options, URI url)
            throws IOException, InterruptedException {
        NabSeriesJob job = new NabSeriesJob(new VigilClient(url));
        Path resultFolder = options.out().resolve(DETECTOR);
        long started = System.nanoTime();
        for (NabSeries series : corpus.series()) {
            long seriesStarted = System.nanoTime();
            NabSeriesJob.Outcome outcome = job.run(series);
            NabResultFiles.write(resultFolder, DETECTOR, series, outcome.scores());
            printSeries(series, outcome, (System.nanoTime() - seriesStarted) / 1e9);
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        Map<String, Map<Profile, NabScore>> scores = new LinkedHashMap<>();
        Map<Profile, NabScore> vigil =
                NabScorer.scoreAllProfiles(corpus, NabResultFiles.read(resultFolder, DETECTOR, corpus));
        scores.put("Vigil", vigil);
        for (String[] detector : PUBLISHED) {
            publishedScores(corpus, options.folder(), detector).ifPresent(each -> scores.put(detector[0], each));
        }
        printTable(corpus, scores);
        NabScore standard = vigil.get(Profile.STANDARD);
        System.out.printf(
                "Vigil (standard): threshold %.4f, %d of %d windows detected, %d false positives%n",
                standard.threshold(), standard.detectedWindows(), standard.windowCount(), standard.falsePositives());
        System.out.printf(
                "Streamed %d rows in %.1f s (%.0f rows/s) through %s; result files in %s%n",
                corpus.rowCount(), seconds, corpus.rowCount() / seconds, url, resultFolder);
        System.out.println(MachineInfo.describe());
    }

    private static Optional<Map<Profile, NabScore>> publishedScores(NabCorpus corpus, Path folder, String[] detector)
            throws IOException {
        Path rows = folder.resolve(detector[1]);
        if (!NabResultFiles.existFor(rows, detector[2], corpus)) {
            return Optional.empty();
        }
        return Optional.of(NabScorer.scoreAllProfiles(corpus, NabResultFiles.read(rows, detector[2], corpus)));
    }

    private static void printSeries(NabSeries series, NabSeriesJob.Outcome outcome, double seconds) {
        System.out.printf(
                "%-55s %6d rows  span %5ds  %5d buckets  max initial score %5.1f  %5.1f s%n",
                series.name(),
                series.rowCount(),
                outcome.bucketSpanSeconds(),
                outcome.bucketCount(),
                100 * max(outcome.scores()),
                seconds);
        if (outcome.rowsWithoutBucket() > 0 || outcome.outOfOrderRecords() > 0 || outcome.invalidDateRecords() > 0) {
            System.out.printf(
                    "  WARNING: %d rows without a bucket (scored 0), %d out-of-order and %d invalid-date records%n",
                    outcome.rowsWithoutBucket(), outcome.outOfOrderRecords(), outcome.invalidDateRecords());
        }
    }

    private static void printTable(NabCorpus corpus, Map<String, Map<Profile, NabScore>> scores) {
        System.out.println();
        System.out.printf("NAB normalized scores on %s (threshold chosen per detector and profile)%n", corpus);
        System.out.printf("%-20s %10s %10s %10s%n", "detector", "standard", "low FP", "low FN");
        scores.forEach((detector, byProfile) -> System.out.printf(
                "%-20s %10.2f %10.2f %10.2f%n",
                detector,
                byProfile.get(Profile.STANDARD).normalizedScore(),
                byProfile.get(Profile.REWARD_LOW_FP_RATE).normalizedScore(),
                byProfile.get(Profile.REWARD_LOW_FN_RATE).normalizedScore()));
        System.out.println();
    }

    private static double max(double[] values) {
        double max = 0;
        for (double value : values) {
            max = Math.max(max, value);
        }
        return max;
    }
}
