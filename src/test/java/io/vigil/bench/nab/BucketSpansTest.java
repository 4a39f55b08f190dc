package io.vigil.bench.nab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BucketSpansTest {

    @Test
    void regularStepIsSpan() {
        long[] times = {0, 300_000, 600_000, 900_000};

        assertThat(BucketSpans.medianPositiveStepSeconds("s", times)).isEqualTo(300);
    }

    @Test
    void duplicateAndBackwardStepsAreLeftOut() {
        long[] times = {0, 0, 0, 600_000, 300_000, 900_000, 1_500_000};

        // Positive steps: 600 s, 600 s, 600 s. Without filtering, the zeros and the backward step would win.
        assertThat(BucketSpans.medianPositiveStepSeconds("s", times)).isEqualTo(600);
    }

    @Test
    void irregularStepsGiveMedian() {
        long[] times = {0, 540_000, 1_140_000, 1_800_000, 2_400_000, 6_000_000};

        // Steps 540, 600, 660, 600 and 3,600 s sort to 540, 600, 600, 660, 3,600.
        assertThat(BucketSpans.medianPositiveStepSeconds("s", times)).isEqualTo(600);
    }

    @Test
    void evenStepCountTakesLowerMiddle() {
        long[] times = {0, 300_000, 600_000, 1_200_000, 1_800_000};

        // Steps 300, 300, 600 and 600 s: the middle pair is 300 and 600.
        assertThat(BucketSpans.medianPositiveStepSeconds("s", times)).isEqualTo(300);
    }

    @Test
    void seriesWithoutPositiveStepIsRejected() {
        assertThatThrownBy(() -> BucketSpans.medianPositiveStepSeconds("a/one.csv", new long[] {5, 5}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("a/one.csv has no positive step between timestamps");
    }
}
