package io.vigil.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a PostgreSQL server left running on a data directory by a service that was killed without shutting it
 * down ({@code kill -9} leaves the postmaster orphaned and holding {@code postmaster.pid}).
 */
final class StalePostmaster {

    private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(30);

    private StalePostmaster() {}

    /** Stops the server recorded in {@code dataDirectory/postmaster.pid} if it is still running. */
    static void stopIfRunning(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> postmaster =
                readPid(pidFile).flatMap(ProcessHandle::of).filter(process -> isPostgres(process, dataDirectory));
        if (postmaster.isEmpty()) {
            // The recorded process is gone; PostgreSQL removes its own stale pid file on start.
            return;
        }
        ProcessHandle process = postmaster.get();
        log.warn("Stopping PostgreSQL server {} left running on {} by an earlier run", process.pid(), dataDirectory);
        // SIGTERM is PostgreSQL's smart shutdown: the killed service's connections are already gone.
        process.destroy();
        try {
            process.onExit().get(SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception timedOut) {
            log.warn("PostgreSQL server {} did not stop within {}; killing it", process.pid(), SHUTDOWN_WAIT);
            process.destroyForcibly();
        }
    }

    private static Optional<Long> readPid(Path pidFile) throws IOException {
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (NumberFormatException unreadable) {
            return Optional.empty();
        }
    }

    private static boolean isPostgres(ProcessHandle process, Path dataDirectory) {
        // The pid may have been reused by an unrelated process after a reboot, so check what it runs.
        Path cmdline = Path.of("/proc", Long.toString(process.pid()), "cmdline");
        try {
            String command = Files.readString(cmdline).replace('\0', ' ');
            return command.contains("postgres") && command.contains(dataDirectory.toString());
        } catch (IOException | UnsupportedOperationException noProcFs) {
            return process.info().command().map(c -> c.contains("postgres")).orElse(false);
        }
    }
}
