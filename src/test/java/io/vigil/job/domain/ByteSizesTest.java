package io.vigil.job.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.common.VigilException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ByteSizesTest {

    @Test
    void parseReadsEveryUnit() {
        Map<String, Long> sizes = Map.of(
                "512b",
                512L,
                "2k",
                2048L,
                "2KB",
                2048L,
                "3m",
                3L << 20,
                "3000g",
                3000L << 30,
                "1.5gb",
                3L << 29,
                "1tb",
                1L << 40,
                "1pb",
                1L << 50,
                "-1",
                -1L,
                "0",
                0L);

        sizes.forEach((text, bytes) ->
                assertThat(ByteSizes.parse(text, "size")).as(text).isEqualTo(bytes));
    }

    @Test
    void parseRejectsMissingUnitsAndNegativeSizes() {
        assertThatThrownBy(() -> ByteSizes.parse("100", "model_memory_limit"))
                .isInstanceOf(VigilException.class)
                .hasMessageStartingWith("failed to parse setting [model_memory_limit] with value [100] as a size in "
                        + "bytes: unit is missing or unrecognized");
        assertThatThrownBy(() -> ByteSizes.parse("-5mb", "size")).hasMessageContaining("less than -1 bytes");
        assertThatThrownBy(() -> ByteSizes.parse("abcmb", "size")).hasMessageContaining("not valid");
    }

    @Test
    void formatUsesTheLargestWholeUnit() {
        assertThat(ByteSizes.format(10240 * ByteSizes.MB)).isEqualTo("10gb");
        assertThat(ByteSizes.format(1536 * ByteSizes.MB)).isEqualTo("1.5gb");
        assertThat(ByteSizes.format(1024 * ByteSizes.MB)).isEqualTo("1gb");
        assertThat(ByteSizes.format(18 * ByteSizes.MB)).isEqualTo("18mb");
        assertThat(ByteSizes.format(512)).isEqualTo("512b");
        assertThat(ByteSizes.format(0)).isEqualTo("0b");
    }
}
