package io.vigil.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SeverityTest {

    @ParameterizedTest
    @CsvSource({
        "0, WARNING",
        "24.99, WARNING",
        "25, MINOR",
        "49.99, MINOR",
        "50, MAJOR",
        "74.99, MAJOR",
        "75, CRITICAL",
        "100, CRITICAL"
    })
    void bandsStartEveryTwentyFivePoints(double score, Severity expected) {
        assertThat(Severity.of(score)).isEqualTo(expected);
    }
}
