package io.vigil.bench.nab;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Command line of {@code bin/vigil-bench nab}.
 *
 * @param folder a folder laid out like NAB: {@code data/}, {@code labels/combined_windows.json}, and optionally the
 *     published detectors' rows under {@code reference/}
 * @param url a running service to use, or empty to start one
 * @param out where result files and the service log go
 * @param seriesGlob the series to run, as a glob on their path under {@code data/}
 */
record NabBenchmarkOptions(Path folder, Optional<URI> url, Path out, String seriesGlob) {

    static final String USAGE = """
            Usage: bin/vigil-bench nab FOLDER [--url URL] [--out DIR] [--series GLOB]

            Streams each NAB series of FOLDER through Vigil's HTTP API (one job per series: mean(value), bucket_span
            the series' median positive step), gives each row the initial_anomaly_score / 100 of its bucket, writes
            NAB result files and prints the NAB scores of the three profiles beside published detectors on the same
            series.

              FOLDER         a folder laid out like NAB: data/<category>/<file>.csv, labels/combined_windows.json,
                             and reference/ with published per-row results for the comparison
              --url URL      use the Vigil service at URL; without it a service is started on a free port of
                             127.0.0.1 with a fresh embedded database under DIR, and stopped at the end
              --out DIR      folder for result files (DIR/vigil/<category>/vigil_<file>.csv) and the service log
                             (default: target/nab)
              --series GLOB  run only the series whose path under data/ matches GLOB, for example
                             'realKnownCause/*' or 'realTraffic/speed_*.csv' (default: all)
            """;

    static NabBenchmarkOptions parse(String[] args) {
        Path folder = null;
        URI url = null;
        Path out = Path.of("target", "nab");
        String seriesGlob = "**";
        for (int index = 0; index < args.length; index++) {
            String arg = args[index];
            switch (arg) {
                case "--url" -> url = URI.create(valueOf(args, ++index, arg));
                case "--out" -> out = Path.of(valueOf(args, ++index, arg));
                case "--series" -> seriesGlob = valueOf(args, ++index, arg);
                default -> {
                    if (arg.startsWith("--") || folder != null) {
                        throw new IllegalArgumentException("Unknown argument [" + arg + "]\n\n" + USAGE);
                    }
                    folder = Path.of(arg);
                }
            }
        }
        if (folder == null) {
            throw new IllegalArgumentException("Missing FOLDER\n\n" + USAGE);
        }
        return new NabBenchmarkOptions(folder, Optional.ofNullable(url), out, seriesGlob);
    }

    private static String valueOf(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException("Missing value of " + option + "\n\n" + USAGE);
        }
        return args[index];
    }
}
