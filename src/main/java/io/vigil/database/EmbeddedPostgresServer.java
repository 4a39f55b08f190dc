package io.vigil.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * The embedded PostgreSQL servers of this JVM, one per data directory. Test contexts and the service share the
 * server of a directory instead of starting a second one on it. At JVM exit one shutdown hook closes the application
 * contexts that use the servers, so open jobs can still save their snapshots, and then stops the servers. Separate
 * hooks would run concurrently and could stop a database that a closing context still writes to.
 */
public final class EmbeddedPostgresServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final ConcurrentMap<Path, EmbeddedPostgres> SERVERS = new ConcurrentHashMap<>();
    private static final Deque<ConfigurableApplicationContext> CONTEXTS = new ConcurrentLinkedDeque<>();
    private static final AtomicBoolean HOOK_REGISTERED = new AtomicBoolean();

    private EmbeddedPostgresServer() {}

    /**
     * Returns the running server for {@code dataDirectory}, starting it (and stopping a stale one) if needed. With
     * {@code cleanOnStart} a new server starts on an empty directory, as tests need.
     */
    public static EmbeddedPostgres forDirectory(Path dataDirectory, boolean cleanOnStart) {
        Path directory = dataDirectory.toAbsolutePath().normalize();
        if (HOOK_REGISTERED.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedPostgresServer::stopAll, "embedded-postgres-stop"));
        }
        return SERVERS.computeIfAbsent(directory, key -> start(key, cleanOnStart));
    }

    /** Registers a context to be closed at JVM exit before the servers stop. */
    public static void closeBeforeStopping(ConfigurableApplicationContext context) {
        CONTEXTS.addFirst(context);
    }

    private static void stopAll() {
        // Closing a context that Spring's own shutdown hook is closing too waits for that close to finish.
        for (ConfigurableApplicationContext context : CONTEXTS) {
            try {
                context.close();
            } catch (RuntimeException | LinkageError e) {
                // The servers must stop even when a context fails to close, or they outlive the JVM.
                log.warn("Failed to close an application context before stopping embedded PostgreSQL", e);
            }
        }
        SERVERS.forEach((directory, server) -> {
            try {
                server.close();
            } catch (IOException e) {
                log.warn("Failed to stop embedded PostgreSQL on {}", directory, e);
            }
        });
    }

    private static EmbeddedPostgres start(Path directory, boolean cleanOnStart) {
        try {
            Files.createDirectories(directory);
            StalePostmaster.stopIfRunning(directory);
            if (cleanOnStart) {
                // A run killed during initdb leaves a directory that initdb rejects, because it is not empty.
                FileSystemUtils.deleteRecursively(directory);
                Files.createDirectories(directory);
            }
            return EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(cleanOnStart)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "128MB")
                    .setRegisterShutdownHook(false)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to start embedded PostgreSQL on " + directory, e);
        }
    }
}
