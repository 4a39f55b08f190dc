package io.vigil.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Location of the public benchmark data (NAB time series, LogHub logs). It is the system property
 * {@code vigil.bench.dir}, else the environment variable {@code VIGIL_BENCH_DIR}, else {@code ../shared/bench}.
 * Tests that need the data skip with a message naming the folder when it is absent.
 */
public final class BenchData {

    private BenchData() {}

    /** Returns the configured folder, whether or not it exists. */
    public static Path directory() {
        String property = System.getProperty("vigil.bench.dir");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String environment = System.getenv("VIGIL_BENCH_DIR");
        if (environment != null && !environment.isBlank()) {
            return Path.of(environment);
        }
        return Path.of("..", "shared", "bench");
    }

    /** Returns {@code directory()/relative} when it exists. */
    public static Optional<Path> find(String relative) {
        Path path = directory().resolve(relative);
        return Files.exists(path) ? Optional.of(path) : Optional.empty();
    }

    /** Returns the message a test prints when it skips because {@code relative} is missing. */
    public static String missingMessage(String relative) {
        return "Benchmark data "
                + directory().resolve(relative).toAbsolutePath().normalize()
                + " is absent; set -Dvigil.bench.dir or VIGIL_BENCH_DIR to the folder holding nab/ and loghub2k/";
    }
}
