package io.vigil.bench;

import io.vigil.categorization.JobCategorizer;
import io.vigil.job.AnalysisConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code bin/vigil-bench loghub FOLDER [--out DIR]}: streams each system's messages in {@code LineId} order through
 * a categorizer with the standard analyzer, takes the category id each line got when it was processed and prints
 * its grouping accuracy (GA) and FGA against the ground truth templates, beside the GA that Drain and Brain publish.
 */
public final class LoghubBenchmark {

    /** Published GA on the original LogHub 2k ground truth (LogHub benchmark, logparser v1.0.5 results). */
    static final Map<String, Double> DRAIN_GA = Map.of(
            "Apache",
            1.000,
            "BGL",
            0.963,
            "HDFS",
            0.998,
            "HPC",
            0.887,
            "Hadoop",
            0.948,
            "HealthApp",
            0.780,
            "Linux",
            0.690,
            "OpenSSH",
            0.788,
            "Spark",
            0.920,
            "Zookeeper",
            0.967);

    static final Map<String, Double> BRAIN_GA = Map.of(
            "Apache",
            1.000,
            "BGL",
            0.986,
            "HDFS",
            0.998,
            "HPC",
            0.945,
            "Hadoop",
            0.949,
            "HealthApp",
            1.000,
            "Linux",
            0.996,
            "OpenSSH",
            1.000,
            "Spark",
            0.998,
            "Zookeeper",
            0.988);

    /** The result of one system. */
    record SystemResult(String system, GroupingAccuracy accuracy) {}

    private LoghubBenchmark() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1 && !(args.length == 3 && args[1].equals("--out"))) {
            System.err.println("Usage: bin/vigil-bench loghub FOLDER [--out DIR]");
            System.err.println("FOLDER holds one subfolder per system S with S_2k.log_structured.csv, for example"
                    + " ../shared/bench/loghub2k; --out DIR writes DIR/<S>.csv with LineId,category_id.");
            System.exit(2);
        }
        Path folder = Path.of(args[0]);
        Path out = args.length == 3 ? Path.of(args[2]) : null;
        System.out.println("LogHub grouping accuracy of " + folder + " (" + MachineInfo.describe() + ")");
        print(System.out, run(folder, out));
    }

    /** Categorizes every system of {@code folder}, writing per-line ids to {@code out} unless it is null. */
    static List<SystemResult> run(Path folder, Path out) throws IOException {
        if (out != null) {
            Files.createDirectories(out);
        }
        List<SystemResult> results = new ArrayList<>();
        for (String system : LoghubData.systems(folder)) {
            List<LoghubData.Line> lines = LoghubData.read(LoghubData.structuredLog(folder, system));
            List<Long> categoryIds = categorize(lines);
            List<String> truth = lines.stream().map(LoghubData.Line::template).toList();
            List<String> predicted = categoryIds.stream().map(String::valueOf).toList();
            results.add(new SystemResult(system, GroupingAccuracy.of(truth, predicted)));
            if (out != null) {
                writeIds(out.resolve(system + ".csv"), lines, categoryIds);
            }
        }
        return results;
    }

    /** Returns the id each line got when it was categorized, with one configuration for every system. */
    static List<Long> categorize(List<LoghubData.Line> lines) {
        AnalysisConfig config =
                new AnalysisConfig(null, "message", null, null, null, null, null, List.of(), null, null, null);
        JobCategorizer categorizer = JobCategorizer.forJob("loghub", config, null);
        List<Long> ids = new ArrayList<>(lines.size());
        for (LoghubData.Line line : lines) {
            ids.add(categorizer.categorize(line.content()));
        }
        return ids;
    }

    private static void writeIds(Path file, List<LoghubData.Line> lines, List<Long> categoryIds) throws IOException {
        StringBuilder csv = new StringBuilder("LineId,category_id\n");
        for (int i = 0; i < lines.size(); i++) {
            csv.append(lines.get(i).lineId())
                    .append(',')
                    .append(categoryIds.get(i))
                    .append('\n');
        }
        Files.writeString(file, csv);
    }

    static void print(PrintStream out, List<SystemResult> results) {
        double gaSum = 0;
        double fgaSum = 0;
        for (SystemResult result : results) {
            gaSum += result.accuracy().groupingAccuracy();
            fgaSum += result.accuracy().fgaScore();
            out.printf(
                    "%s GA=%.4f FGA=%.4f%s%n",
                    result.system(),
                    result.accuracy().groupingAccuracy(),
                    result.accuracy().fgaScore(),
                    published(result.system()));
        }
        if (!results.isEmpty()) {
            out.printf(
                    "mean GA=%.4f FGA=%.4f%s%n",
                    gaSum / results.size(), fgaSum / results.size(), publishedMeans(results));
        }
    }

    private static String published(String system) {
        if (!DRAIN_GA.containsKey(system)) {
            return "";
        }
        return String.format("   (published GA: Drain %.3f, Brain %.3f)", DRAIN_GA.get(system), BRAIN_GA.get(system));
    }

    /** Returns the published means over the systems that have published figures, when all of them have. */
    private static String publishedMeans(List<SystemResult> results) {
        double drain = 0;
        double brain = 0;
        for (SystemResult result : results) {
            if (!DRAIN_GA.containsKey(result.system())) {
                return "";
            }
            drain += DRAIN_GA.get(result.system());
            brain += BRAIN_GA.get(result.system());
        }
        return String.format(
                "   (published GA: Drain %.3f, Brain %.3f)", drain / results.size(), brain / results.size());
    }
}
