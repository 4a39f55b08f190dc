package io.vigil.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import org.junit.jupiter.api.Test;

class TimeParserTest {

    @Test
    void epochSecondsWithFraction() {
        TimeParser epoch = TimeParser.of("epoch");

        assertThat(epoch.parseMillis("1403481600")).isEqualTo(1403481600000L);
        assertThat(epoch.parseMillis("1403481600.5")).isEqualTo(1403481600500L);
        assertThat(epoch.parseMillis("1403481600.1239")).isEqualTo(1403481600123L);
        assertThat(epoch.parseMillis("-1.5")).isEqualTo(-1500L);
    }

    @Test
    void epochMillisIsTheDefault() {
        assertThat(TimeParser.of(null).parseMillis("1403481600123")).isEqualTo(1403481600123L);
        assertThat(TimeParser.of("epoch_ms").parseMillis("1403481600123.9")).isEqualTo(1403481600123L);
    }

    @Test
    void patternWithoutZoneIsUtc() {
        TimeParser pattern = TimeParser.of("yyyy-MM-dd HH:mm:ss");

        assertThat(pattern.parseMillis("2014-06-23 00:00:00")).isEqualTo(1403481600000L);
    }

    @Test
    void patternWithZoneUsesIt() {
        TimeParser pattern = TimeParser.of("yyyy-MM-dd'T'HH:mm:ssXXX");

        assertThat(pattern.parseMillis("2014-06-23T02:00:00+02:00")).isEqualTo(1403481600000L);
    }

    @Test
    void datePatternMeansStartOfDay() {
        assertThat(TimeParser.of("dd/MM/yyyy").parseMillis("23/06/2014")).isEqualTo(1403481600000L);
    }

    @Test
    void invalidTimesAreRejected() {
        assertThatThrownBy(() -> TimeParser.of("epoch").parseMillis("yesterday"))
                .isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> TimeParser.of("epoch").parseMillis("1.2.3")).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> TimeParser.of("epoch_ms").parseMillis("")).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> TimeParser.of("yyyy-MM-dd").parseMillis("2014-13-45"))
                .isInstanceOf(DateTimeException.class);
    }
}
