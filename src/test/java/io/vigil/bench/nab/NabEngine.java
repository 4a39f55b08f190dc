package io.vigil.bench.nab;

import io.vigil.bench.BenchData;
import io.vigil.bench.MachineInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bin/vigil-bench nab-engine [FOLDER] [--series GLOB] [--out DIR]}: NAB scores of the detection engine in
 * process. Each series runs through {@link EngineNabDetector}, the real analyzer with the real series models and
 * normalizers, and each row gets its bucket's initial anomaly score / 100, as {@code bin/vigil-bench nab} measures
 * over HTTP. Prints the three profiles beside the published detectors, where the standard profile gains and loses
 * points per category and per file, and the five highest buckets of {@code realKnownCause/nyc_taxi.csv}.
 */
public final class NabEngine {

    static final String DETECTOR = "vigil";

    static final String TAXI = "realKnownCause/nyc_taxi.csv";

    static final String USAGE = """
            Usage: bin/vigil-bench nab-engine [FOLDER] [--series GLOB] [--out DIR]

              FOLDER         a folder laid out like NAB (default: the benchmark data's nab folder)
              --series GLOB  run only the series whose path under data/ matches GLOB (default: all)
              --out DIR      folder for the result files (default: target/nab-engine)
            """;

    private NabEngine() {}

    public static void main(String[] args) throws IOException {
        Path folder = BenchData.directory().resolve("nab");
        String glob = "**";
        Path out = Path.of("target", "nab-engine");
        for (int index = 0; index < args.length; index++) {
            switch (args[index]) {
                case "--series" -> glob = args[++index];
                case "--out" -> out = Path.of(args[++index]);
                case "--help", "-h" -> {
                    System.out.print(USAGE);
                    return;
                }
                default -> folder = Path.of(args[index]);
            }
        }
        NabCorpus corpus = NabCorpus.load(folder, glob);
        long started = System.nanoTime();
        Map<String, EngineNabDetector.Run> runs = runs(corpus);
        double seconds = (System.nanoTime() - started) / 1e9;

        Map<String, double[]> scores = rowScores(runs);
        for (NabSeries series : corpus.series()) {
            NabResultFiles.write(out, DETECTOR, series, scores.get(series.name()));
        }
        Map<String, Map<Profile, NabScore>> table = new LinkedHashMap<>();
        Map<Profile, NabScore> vigil = NabScorer.scoreAllProfiles(corpus, scores);
        table.put("Vigil (engine)", vigil);
        for (String[] detector : NabBenchmark.PUBLISHED) {
            NabBenchmark.publishedScores(corpus, folder, detector).ifPresent(each -> table.put(detector[0], each));
        }
        NabBenchmark.printTable(corpus, table);
        printBreakdown(corpus, scores, vigil.get(Profile.STANDARD));
        if (runs.containsKey(TAXI)) {
            printTaxi(corpus.series(TAXI), runs.get(TAXI));
        }
        System.out.printf(
                "Ran %,d rows in %.1f s; result files in %s%n", corpus.rowCount(), seconds, out.toAbsolutePath());
        System.out.println(MachineInfo.describe());
    }

    /** Runs every series of the corpus through the engine, by series name. */
    static Map<String, EngineNabDetector.Run> runs(NabCorpus corpus) {
        Map<String, EngineNabDetector.Run> runs = new LinkedHashMap<>();
        for (NabSeries series : corpus.series()) {
            runs.put(series.name(), EngineNabDetector.run(series));
        }
        return runs;
    }

    static Map<String, double[]> rowScores(Map<String, EngineNabDetector.Run> runs) {
        Map<String, double[]> scores = new LinkedHashMap<>();
        runs.forEach((name, run) -> scores.put(name, run.rowScores()));
        return scores;
    }

    private static void printBreakdown(NabCorpus corpus, Map<String, double[]> scores, NabScore standard) {
        double threshold = standard.threshold();
        System.out.printf(
                "Standard profile at threshold %.4f: %d of %d windows detected, %d false positives%n%n",
                threshold, standard.detectedWindows(), standard.windowCount(), standard.falsePositives());
        List<NabBreakdown.FileOutcome> files = NabBreakdown.files(corpus, scores, Profile.STANDARD, threshold);

        System.out.printf("%-24s %5s %9s %6s %8s%n", "category", "files", "windows", "FP", "raw");
        for (NabBreakdown.CategoryOutcome category : NabBreakdown.categories(files)) {
            System.out.printf(
                    "%-24s %5d %4d/%-4d %6d %8.2f%n",
                    category.category(),
                    category.files(),
                    category.detectedWindows(),
                    category.windows(),
                    category.falsePositives(),
                    category.rawScore());
        }
        System.out.println();
        System.out.println("Per file: windows detected, false positives, raw score, largest score outside windows,");
        System.out.println(
                "and per window the first detection (0 = left edge, 1 = right edge, - = missed) @ max score");
        for (NabBreakdown.FileOutcome file : files) {
            StringBuilder windows = new StringBuilder();
            for (NabBreakdown.WindowOutcome window : file.windows()) {
                windows.append(window.detected() ? String.format(" %.2f", window.firstDetection()) : "    -");
                windows.append(String.format("@%.3f", window.maxScore()));
            }
            System.out.printf(
                    "%-58s %d/%d %4d %7.2f %6.3f %s%n",
                    file.name(),
                    file.detectedWindows(),
                    file.windows().size(),
                    file.falsePositives(),
                    file.rawScore(),
                    file.maxOutsideScore(),
                    windows);
        }
        System.out.println();
    }

    private static void printTaxi(NabSeries taxi, EngineNabDetector.Run run) {
        List<TopBuckets.Entry> top = TopBuckets.of(taxi, run, 5);
        long inside = top.stream().filter(TopBuckets.Entry::inWindow).count();
        System.out.printf(
                "%s, %d-second buckets: %d of the 5 highest buckets in labelled windows%n",
                TAXI, run.bucketSpanSeconds(), inside);
        top.forEach(entry -> System.out.println("  " + entry));
        System.out.println();
    }
}
