package io.vigil.categorization;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.job.AnalysisConfig;
import io.vigil.job.AnalysisConfig.PerPartitionCategorization;
import io.vigil.job.Detector;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CategorizerStateTest {

    private static final List<String> MESSAGES = List.of(
            "Invalid user webmaster from 173.234.31.186",
            "Invalid user chen from 202.100.179.208",
            "Failed password for root from 5.36.59.76 port 42393 ssh2",
            "Received disconnect from 5.36.59.76: 11: Bye Bye [preauth]",
            "Failed password for root from 112.95.230.3 port 4242 ssh2",
            "Invalid user pgadmin from 112.95.230.3",
            "pam_unix(sshd:auth): check pass; user unknown");

    @Test
    void restoredStateWritesTheSameBytes() throws IOException {
        JobCategorizer original = partitioned();
        feed(original, MESSAGES);

        byte[] written = write(original);
        JobCategorizer restored = partitioned();
        restored.readState(new DataInputStream(new ByteArrayInputStream(written)));

        assertThat(write(restored)).isEqualTo(written);
    }

    @Test
    void restoredCategorizerContinuesIdentically() throws IOException {
        JobCategorizer original = partitioned();
        feed(original, MESSAGES);
        JobCategorizer restored = partitioned();
        restored.readState(new DataInputStream(new ByteArrayInputStream(write(original))));
        List<String> more = List.of(
                "Invalid user oracle from 10.0.0.1",
                "Connection closed by 10.0.0.1 [preauth]",
                "Failed password for root from 10.0.0.2 port 22 ssh2");

        List<Long> originalIds = feed(original, more);
        List<Long> restoredIds = feed(restored, more);

        assertThat(restoredIds).isEqualTo(originalIds);
        assertThat(restored.definitions()).isEqualTo(original.definitions());
        assertThat(restored.stats()).isEqualTo(original.stats());
    }

    @Test
    void emptyStateRoundTrips() throws IOException {
        JobCategorizer restored = partitioned();
        restored.readState(new DataInputStream(new ByteArrayInputStream(write(partitioned()))));

        assertThat(restored.definitions()).isEmpty();
        assertThat(restored.categorize("first message here", "a")).isEqualTo(1);
    }

    private static List<Long> feed(JobCategorizer categorizer, List<String> messages) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            ids.add(categorizer.categorize(messages.get(i), i % 2 == 0 ? "east" : "west"));
        }
        return ids;
    }

    private static byte[] write(JobCategorizer categorizer) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        categorizer.writeState(new DataOutputStream(bytes));
        return bytes.toByteArray();
    }

    private static JobCategorizer partitioned() {
        Detector detector = new Detector(null, "count", null, "mlcategory", null, "region", null, null, null, null);
        AnalysisConfig config = new AnalysisConfig(
                "5m",
                "message",
                null,
                null,
                new PerPartitionCategorization(true, false),
                null,
                null,
                List.of(detector),
                null,
                null,
                null);
        return JobCategorizer.forJob("job", config, null);
    }
}
