package io.vigil.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The embedded PostgreSQL servers of this JVM, one per data directory. Test contexts and the service share the
 * server of a directory instead of starting a second one on it; each server stops when the JVM exits.
 */
public final class EmbeddedPostgresServer {

    private static final ConcurrentMap<Path, EmbeddedPostgres> SERVERS = new ConcurrentHashMap<>();

    private EmbeddedPostgresServer() {}

    /**
     * Returns the running server for {@code dataDirectory}, starting it (and stopping a stale one) if needed. With
     * {@code cleanOnStart} a new server starts on an empty directory, as tests need.
     */
    public static EmbeddedPostgres forDirectory(Path dataDirectory, boolean cleanOnStart) {
        Path directory = dataDirectory.toAbsolutePath().normalize();
        return SERVERS.computeIfAbsent(directory, key -> start(key, cleanOnStart));
    }

    private static EmbeddedPostgres start(Path directory, boolean cleanOnStart) {
        try {
            Files.createDirectories(directory);
            StalePostmaster.stopIfRunning(directory);
            return EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(cleanOnStart)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "128MB")
                    .setRegisterShutdownHook(true)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to start embedded PostgreSQL on " + directory, e);
        }
    }
}
