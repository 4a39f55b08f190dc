package io.vigil.bench;

import io.vigil.bench.nab.NabBenchmark;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Entry point of {@code bin/vigil-bench}: dispatches a subcommand to its benchmark class, whose
 * {@code main(String[])} receives the remaining arguments.
 */
public final class BenchMain {

    /** Subcommand name to the benchmark class and a one-line description of what it measures. */
    private static final Map<String, String[]> SUBCOMMANDS = new LinkedHashMap<>();

    static {
        register("help", BenchMain.class, "lists the subcommands");
        register(
                "series-model",
                io.vigil.bench.analytics.SeriesModelBenchmark.class,
                "JMH: ns per assess + learn of one series model bucket");
        register(
                "series-memory",
                io.vigil.bench.analytics.SeriesMemoryBenchmark.class,
                "retained heap per series model after four weeks of 5-minute buckets [SERIES, default 100000]");
        register(
                "records-query",
                RecordsQueryBench.class,
                "first page of records by score with exact count, 1M records, 16 clients");
        register(
                "nab",
                NabBenchmark.class,
                "NAB scores of Vigil on NAB series streamed through the HTTP API, beside published detectors");
        register(
                "loghub",
                LoghubBenchmark.class,
                "grouping accuracy (GA, FGA) of log categorization on LogHub samples: loghub FOLDER [--out DIR]");
        register(
                "categorizer",
                CategorizerBenchmark.class,
                "messages per second through the log categorizer alone (JMH, LogHub messages when present)");
        register("engine", EngineBench.class, "records/s through the detection engine alone (JMH) [SECONDS]");
        register(
                "nab-models",
                io.vigil.bench.nab.InProcessNab.class,
                "NAB scores of the series models alone, in process, scored s(p)/100: nab-models [FOLDER]");
        register(
                "nab-engine",
                io.vigil.bench.nab.NabEngine.class,
                "NAB scores through the detection engine in process, with a per-file breakdown: nab-engine [FOLDER]");
        register(
                "skewed-metrics",
                io.vigil.engine.SkewedStreams.class,
                "maximum scores of 14 days of independent log-normal, gamma and exponential values, 24 streams");
        register(
                "normal-patterns",
                io.vigil.engine.PatternStreams.class,
                "highest scores of skewed runs, a weekly step, and the starts and ends of a temporary shift and a burst");
        register(
                "overall",
                OverallBench.class,
                "overall-bucket p50/p99 over 10 to 100 jobs and a year of 15-minute buckets [--data DIR] [--url URL]");
        register("ingest", IngestBench.class, "records per second end to end: HTTP _data into results in PostgreSQL");
        register(
                "categorize-ingest",
                CategorizeIngestBench.class,
                "messages per second of a count by mlcategory job through _data, with a burst to detect [FOLDER]");
        register(
                "results-write",
                ResultsWriteBench.class,
                "ms per write of finalized buckets with their records and influencers, the ingest write path alone");
        register(
                "population",
                PopulationBench.class,
                "records/s and peak heap of count by action over 100,000 users, end to end or --engine-only");
        register(
                "renormalize",
                RenormalizeBench.class,
                "seconds to renormalize 500,000 stored results while another job ingests over HTTP");
    }

    private BenchMain() {}

    private static void register(String name, Class<?> type, String description) {
        SUBCOMMANDS.put(name, new String[] {type.getName(), description});
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args[0].equals("help") || !SUBCOMMANDS.containsKey(args[0])) {
            printHelp(args.length == 0 || args[0].equals("help") ? null : args[0]);
            return;
        }
        Class<?> type = Class.forName(SUBCOMMANDS.get(args[0])[0]);
        Method main = type.getMethod("main", String[].class);
        main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    }

    private static void printHelp(String unknown) {
        if (unknown != null) {
            System.err.println("Unknown subcommand: " + unknown);
        }
        System.out.println("Usage: bin/vigil-bench SUBCOMMAND [ARGS...]");
        System.out.println("Each subcommand prints its figures with the machine's core count and memory.");
        System.out.println();
        SUBCOMMANDS.forEach((name, entry) -> System.out.printf("  %-16s %s%n", name, entry[1]));
    }
}
