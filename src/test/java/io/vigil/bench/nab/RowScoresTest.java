package io.vigil.bench.nab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RowScoresTest {

    @Test
    void rowTakesInitialScoreOfItsBucket() {
        long[] times = {3_600_000, 3_700_000, 5_399_999, 5_400_000, 7_000_000};
        List<BucketScore> buckets =
                List.of(new BucketScore(3_600_000, 12.5, 99.0), new BucketScore(5_400_000, 80.0, 3.0));

        RowScores.Result result = RowScores.of(times, 1800, buckets);

        assertThat(result.scores()).containsExactly(0.125, 0.125, 0.125, 0.8, 0.8);
        assertThat(result.rowsWithoutBucket()).isZero();
    }

    @Test
    void rowWithoutBucketScoresZero() {
        long[] times = {0, 600_000, 1_200_000};
        List<BucketScore> buckets = List.of(new BucketScore(0, 40.0, 40.0), new BucketScore(1_200_000, 100.0, 1.0));

        RowScores.Result result = RowScores.of(times, 600, buckets);

        assertThat(result.scores()).containsExactly(0.4, 0.0, 1.0);
        assertThat(result.rowsWithoutBucket()).isEqualTo(1);
    }

    @Test
    void bucketStartAlignsToEpochMultiples() {
        assertThat(RowScores.bucketStart(1_404_172_800_000L + 1_799_999, 1_800_000))
                .isEqualTo(1_404_172_800_000L);
        assertThat(RowScores.bucketStart(1_404_172_800_000L + 1_800_000, 1_800_000))
                .isEqualTo(1_404_174_600_000L);
        assertThat(RowScores.bucketStart(-1, 300_000)).isEqualTo(-300_000);
    }
}
