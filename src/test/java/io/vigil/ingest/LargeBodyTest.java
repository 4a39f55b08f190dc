package io.vigil.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.vigil.process.EventCountingAnalyzerFactory;
import io.vigil.process.JobFixtures;
import io.vigil.process.ServiceTest;
import io.vigil.process.TestApi;
import io.vigil.process.TestApi.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * Streams a 200 MB NDJSON body, generated while it is sent, into a service process whose heap is 256 MB. The
 * process shares this test's database, so the job is created here and the counts are read back here.
 */
@Import(EventCountingAnalyzerFactory.Beans.class)
class LargeBodyTest extends ServiceTest {

    private static final long BODY_BYTES = 200L * 1024 * 1024;
    private static final String HEAP = "-Xmx256m";

    @Autowired
    DataSource dataSource;

    @Test
    void streamsBodyLargerThanHeap() throws Exception {
        String jobId = "large-body";
        jobs.create(JobFixtures.metricJob(jobId, "5m", "epoch_ms"));
        int childPort = freePort();
        Path directory = Files.createTempDirectory("vigil-large-body");
        Process child = startService(childPort, directory);
        try {
            TestApi childApi = new TestApi(json, childPort);
            awaitHealthy(childApi, child);
            assertThat(childApi.post(path(jobId, "_open")).status()).isEqualTo(200);
            GeneratedRecords body = new GeneratedRecords(BODY_BYTES);

            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(childApi.uri(path(jobId, "_data")))
                                    .header("Content-Type", "application/x-ndjson")
                                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            Response close = childApi.post(path(jobId, "_close"));

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.body()).contains("\"processed_record_count\":" + body.records());
            assertThat(response.body()).contains("\"input_bytes\":" + body.bytes());
            assertThat(body.bytes()).isGreaterThanOrEqualTo(BODY_BYTES);
            assertThat(close.status()).isEqualTo(200);
            assertThat(child.isAlive()).isTrue();
            assertThat(dataCounts(jobId).get("processed_record_count")).isEqualTo((int) body.records());
        } finally {
            child.destroy();
            if (!child.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
    }

    private Process startService(int port, Path directory) throws IOException, java.sql.SQLException {
        HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                HEAP,
                "-cp",
                System.getProperty("java.class.path"),
                EventCountingAnalyzerFactory.class.getName(),
                "--server.port=" + port,
                "--spring.datasource.url=" + hikari.getJdbcUrl(),
                "--spring.datasource.username=" + hikari.getUsername(),
                "--spring.datasource.password=" + hikari.getPassword(),
                "--vigil.node.id-file=" + directory.resolve("node-id"),
                "--vigil.jobs.reopen-on-start=false",
                "--logging.level.root=WARN"));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("service.log").toFile())
                .start();
    }

    private static void awaitHealthy(TestApi api, Process child) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline && child.isAlive()) {
            try {
                if (api.get("/actuator/health").status() == 200) {
                    return;
                }
            } catch (IllegalStateException notListeningYet) {
                // The service is still starting.
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("The service process did not become healthy; see its service.log");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** NDJSON records generated as they are read, until at least the requested number of bytes. */
    private static final class GeneratedRecords extends InputStream {

        private static final long START_MS = 1_600_000_000_000L;

        private final long targetBytes;
        private byte[] current = new byte[0];
        private int position;
        private long records;
        private long bytes;

        GeneratedRecords(long targetBytes) {
            this.targetBytes = targetBytes;
        }

        long records() {
            return records;
        }

        long bytes() {
            return bytes;
        }

        @Override
        public int read() {
            if (!fill()) {
                return -1;
            }
            bytes++;
            return current[position++] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (!fill()) {
                return -1;
            }
            int count = Math.min(length, current.length - position);
            System.arraycopy(current, position, buffer, offset, count);
            position += count;
            bytes += count;
            return count;
        }

        private boolean fill() {
            if (position < current.length) {
                return true;
            }
            if (bytes >= targetBytes) {
                return false;
            }
            StringBuilder chunk = new StringBuilder(64 * 1024);
            for (int i = 0; i < 1000; i++) {
                long time = START_MS + records * 10;
                chunk.append("{\"time\":")
                        .append(time)
                        .append(",\"airline\":\"AL")
                        .append(records % 20)
                        .append("\",\"responsetime\":")
                        .append(records % 997)
                        .append(",\"comment\":\"padding to make records longer\"}\n");
                records++;
            }
            current = chunk.toString().getBytes(StandardCharsets.UTF_8);
            position = 0;
            return true;
        }
    }
}
