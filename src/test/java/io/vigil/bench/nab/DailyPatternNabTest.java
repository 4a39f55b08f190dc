package io.vigil.bench.nab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.vigil.bench.BenchData;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * NAB's noise-free and low-noise daily patterns are normal data: once the first day has been seen, no bucket of
 * theirs scores 25 or more through the engine. The first day itself is left out, because a step that has never been
 * seen before is unusual there.
 */
class DailyPatternNabTest {

    private static final long DAY_MS = 86_400_000L;
    private static final double MAX_SCORE = 25;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "artificialNoAnomaly/art_daily_perfect_square_wave.csv",
                "artificialNoAnomaly/art_daily_no_noise.csv",
                "artificialNoAnomaly/art_daily_small_noise.csv"
            })
    void dailyPatternScoresLowAfterFirstDay(String name) throws IOException {
        Optional<Path> folder = BenchData.find("nab");
        assumeThat(folder).as(BenchData.missingMessage("nab")).isPresent();
        NabSeries series = NabCorpus.load(folder.orElseThrow(), name).series(name);

        EngineNabDetector.Run run = EngineNabDetector.run(series);

        long[] starts = run.bucketStartsMillis();
        double maxScore = 0;
        long maxStart = 0;
        for (int i = 0; i < starts.length; i++) {
            if (starts[i] - starts[0] >= DAY_MS && run.bucketScores()[i] > maxScore) {
                maxScore = run.bucketScores()[i];
                maxStart = starts[i];
            }
        }
        assertThat(maxScore)
                .as("highest bucket score after the first day, at %s", Instant.ofEpochMilli(maxStart))
                .isLessThan(MAX_SCORE);
    }
}
