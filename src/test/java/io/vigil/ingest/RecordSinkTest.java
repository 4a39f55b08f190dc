package io.vigil.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecordSinkTest {

    @Test
    void quotedValueCannotBreakLogLine() {
        assertThat(RecordSink.quoted("2024-01-01\nFAKE line\r")).isEqualTo("2024-01-01?FAKE line?");
    }

    @Test
    void quotedValueIsCut() {
        assertThat(RecordSink.quoted("x".repeat(500))).hasSize(RecordSink.QUOTED_LENGTH);
    }
}
