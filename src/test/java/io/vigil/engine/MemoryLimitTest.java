package io.vigil.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.common.VigilException;
import io.vigil.job.AnalysisLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.node.JsonNodeFactory;

class MemoryLimitTest {

    @ParameterizedTest
    @CsvSource({
        "1024mb, 1073741824",
        "2gb, 2147483648",
        "512KB, 524288",
        "100b, 100",
        "3000g, 3221225472000",
        "16, 16777216",
        "1.5m, 1572864"
    })
    void byteSizeStringsParse(String text, long expected) {
        assertThat(MemoryLimit.parse(text)).isEqualTo(expected);
    }

    @Test
    void numberIsMegabytes() {
        AnalysisLimits limits = new AnalysisLimits(JsonNodeFactory.instance.numberNode(2048), null);

        assertThat(MemoryLimit.bytesOf(limits)).isEqualTo(2048L * 1024 * 1024);
    }

    @Test
    void missingLimitIsDefault() {
        assertThat(MemoryLimit.bytesOf(null)).isEqualTo(1024L * 1024 * 1024);
        assertThat(MemoryLimit.bytesOf(new AnalysisLimits(null, 4L))).isEqualTo(1024L * 1024 * 1024);
    }

    @Test
    void unknownUnitIsRejected() {
        assertThatThrownBy(() -> MemoryLimit.parse("12 parsecs"))
                .isInstanceOf(VigilException.class)
                .hasMessageContaining("model_memory_limit [12 parsecs]");
    }
}
