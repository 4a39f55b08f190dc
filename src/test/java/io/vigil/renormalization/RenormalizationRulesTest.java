package io.vigil.renormalization;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.scoring.NormalizerSettings;
import io.vigil.scoring.Normalizers;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The write-back rule, the coalescing of requests and the split of a window into parts. */
class RenormalizationRulesTest {

    @Test
    void materialChangesFollowBandsDeltaAndRatio() {
        assertThat(ScoreChange.isMaterial(24.9, 25.1)).as("band change").isTrue();
        assertThat(ScoreChange.isMaterial(60.0, 61.5)).as("delta of 1.5").isTrue();
        assertThat(ScoreChange.isMaterial(60.0, 61.4)).as("delta below 1.5").isFalse();
        assertThat(ScoreChange.isMaterial(3.0, 0.9)).as("ratio below 0.33").isTrue();
        assertThat(ScoreChange.isMaterial(0.01, 0.04)).as("tiny scores").isFalse();
        assertThat(ScoreChange.isMaterial(0.0, 0.0)).as("unchanged zero").isFalse();
    }

    @Test
    void coalescedRequestKeepsNewestStateAndEarliestStart() {
        Normalizers older = new Normalizers(NormalizerSettings.forBucketSpan(3600));
        Normalizers newer = new Normalizers(NormalizerSettings.forBucketSpan(3600));
        RenormalizationRequest first = new RenormalizationRequest(older, 1_000, 5_000, 100);
        RenormalizationRequest second = new RenormalizationRequest(newer, 3_000, 8_000, 100);

        RenormalizationRequest merged = first.coalesce(second);

        assertThat(merged.normalizers()).isSameAs(newer);
        assertThat(merged.windowStartMs()).isEqualTo(1_000);
        assertThat(merged.windowEndMs()).isEqualTo(8_000);
    }

    @Test
    void windowSplitsIntoWholeBucketParts() {
        Normalizers normalizers = new Normalizers(NormalizerSettings.forBucketSpan(3600));
        RenormalizationRequest request = new RenormalizationRequest(normalizers, 0, 1_000, 100);

        List<RenormalizationRequest> parts = StoredScores.split(request, 3);

        assertThat(parts).extracting(RenormalizationRequest::windowStartMs).containsExactly(0L, 400L, 800L);
        assertThat(parts).extracting(RenormalizationRequest::windowEndMs).containsExactly(400L, 800L, 1_000L);
        assertThat(parts).extracting(RenormalizationRequest::normalizers).containsOnly(normalizers);
    }
}
