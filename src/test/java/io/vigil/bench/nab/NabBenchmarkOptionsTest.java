package io.vigil.bench.nab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class NabBenchmarkOptionsTest {

    @Test
    void defaultsApplyToFolderAlone() {
        NabBenchmarkOptions options = NabBenchmarkOptions.parse(new String[] {"/data/NAB"});

        assertThat(options.folder()).isEqualTo(Path.of("/data/NAB"));
        assertThat(options.url()).isEmpty();
        assertThat(options.out()).isEqualTo(Path.of("target", "nab"));
        assertThat(options.seriesGlob()).isEqualTo("**");
    }

    @Test
    void optionsMayFollowOrPrecedeFolder() {
        NabBenchmarkOptions options = NabBenchmarkOptions.parse(
                new String[] {"--url", "http://127.0.0.1:8080", "nab", "--series", "realTraffic/*", "--out", "/tmp/out"
                });

        assertThat(options.folder()).isEqualTo(Path.of("nab"));
        assertThat(options.url()).contains(URI.create("http://127.0.0.1:8080"));
        assertThat(options.out()).isEqualTo(Path.of("/tmp/out"));
        assertThat(options.seriesGlob()).isEqualTo("realTraffic/*");
    }

    @Test
    void invalidCommandLinesAreRejected() {
        assertThatThrownBy(() -> NabBenchmarkOptions.parse(new String[] {})).hasMessageStartingWith("Missing FOLDER");
        assertThatThrownBy(() -> NabBenchmarkOptions.parse(new String[] {"nab", "--url"}))
                .hasMessageStartingWith("Missing value of --url");
        assertThatThrownBy(() -> NabBenchmarkOptions.parse(new String[] {"nab", "--port", "1"}))
                .hasMessageStartingWith("Unknown argument [--port]");
        assertThatThrownBy(() -> NabBenchmarkOptions.parse(new String[] {"nab", "other"}))
                .hasMessageStartingWith("Unknown argument [other]");
    }
}
