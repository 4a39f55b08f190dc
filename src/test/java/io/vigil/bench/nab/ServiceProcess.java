package io.vigil.bench.nab;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Vigil started in a child JVM for a benchmark: the application's main class on this JVM's class path (less the
 * test classes), a free port on 127.0.0.1 and an embedded PostgreSQL on a fresh data folder, which {@link #close()}
 * deletes after stopping the service.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final String MAIN_CLASS = "io.vigil.VigilApplication";

    /** Start-up on a fresh data folder took about 11 s on a 2-core machine; the margin covers a busy machine. */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);

    private static final String HEAP = "-Xmx2g";

    private final Process process;
    private final Path dataFolder;
    private final Path logFile;
    private final VigilClient client;
    private final Thread stopOnExit;
    private final boolean keepData;

    private ServiceProcess(Process process, Path dataFolder, Path logFile, VigilClient client, boolean keepData) {
        this.process = process;
        this.dataFolder = dataFolder;
        this.keepData = keepData;
        this.logFile = logFile;
        this.client = client;
        this.stopOnExit = new Thread(process::destroy, "vigil-service-stop");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /**
     * Starts the service with its data folder and log file under {@code workFolder}, and waits until {@code
     * /actuator/health} reports status UP.
     *
     * @throws IllegalStateException when the service exits or is not healthy within 3 minutes
     */
    public static ServiceProcess start(Path workFolder) throws IOException, InterruptedException {
        Files.createDirectories(workFolder);
        Path dataFolder = Files.createTempDirectory(workFolder.toAbsolutePath(), "service-data-");
        return start(dataFolder, workFolder.resolve("service.log"), freePort(), false);
    }

    /**
     * Starts the service on the data folder {@code dataFolder}, which {@link #close()} keeps so that a later run
     * reuses its data, listening on 127.0.0.1 at {@code port}, and waits until it is healthy. The log file is
     * {@code service.log} in the same folder.
     */
    public static ServiceProcess startKeepingData(Path dataFolder, int port) throws IOException, InterruptedException {
        Files.createDirectories(dataFolder);
        return start(dataFolder, dataFolder.resolve("service.log"), port, true);
    }

    /** Returns the folder of the embedded PostgreSQL data directory. */
    public Path postgresFolder() {
        return dataFolder.resolve("postgres");
    }

    private static ServiceProcess start(Path dataFolder, Path logFile, int port, boolean keepData)
            throws IOException, InterruptedException {
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                HEAP,
                "-cp",
                serviceClassPath(),
                MAIN_CLASS,
                "--server.address=127.0.0.1",
                "--server.port=" + port,
                "--vigil.embedded-database.data-directory=" + dataFolder.resolve("postgres"));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile())
                .start();
        ServiceProcess service = new ServiceProcess(
                process, dataFolder, logFile, new VigilClient(URI.create("http://127.0.0.1:" + port)), keepData);
        try {
            service.awaitHealthy();
        } catch (RuntimeException | InterruptedException e) {
            service.close();
            throw e;
        }
        return service;
    }

    public URI baseUrl() {
        return client.baseUrl();
    }

    Path logFile() {
        return logFile;
    }

    private void awaitHealthy() throws InterruptedException, IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!client.isHealthy()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Vigil exited with code " + process.exitValue()
                        + " before it was healthy; its log " + logFile + " ends with:\n" + logTail());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Vigil was not healthy at " + client.baseUrl() + "/actuator/health"
                        + " within " + START_TIMEOUT.toSeconds() + " s; its log " + logFile + " ends with:\n"
                        + logTail());
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
    }

    private String logTail() throws IOException {
        List<String> lines = Files.readAllLines(logFile);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    /** Stops the service (SIGTERM, then a forced kill after 60 s) and deletes its data folder unless it is kept. */
    @Override
    public void close() throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already exiting and runs the hook itself.
        }
        if (!keepData) {
            deleteRecursively(dataFolder);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Returns this JVM's class path without test-class folders, so test configuration stays out of the service. */
    private static String serviceClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes/"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            List<Path> all =
                    new ArrayList<>(paths.sorted(Comparator.reverseOrder()).toList());
            for (Path path : all) {
                Files.deleteIfExists(path);
            }
        }
    }
}
