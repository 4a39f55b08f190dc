package io.vigil.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BucketStatisticsTest {

    private static final double TOLERANCE = 1e-12;

    private static BucketStatistics of(double... values) {
        BucketStatistics statistics = new BucketStatistics(true, false);
        for (double value : values) {
            statistics.addValue(value, 1.0);
        }
        return statistics;
    }

    @Test
    void medianOfEvenCountIsMidpoint() {
        assertThat(of(4, 1, 3, 2).value(Feature.MEDIAN)).isEqualTo(2.5);
        assertThat(of(5, 1, 3).value(Feature.MEDIAN)).isEqualTo(3.0);
    }

    @Test
    void valueWithoutPartMatchesRecomputation() {
        BucketStatistics whole = of(1, 2, 3, 10, 20);
        BucketStatistics part = of(10, 20);
        BucketStatistics rest = of(1, 2, 3);

        assertThat(whole.valueWithout(Feature.COUNT, part)).isEqualTo(3.0);
        assertThat(whole.valueWithout(Feature.SUM, part)).isCloseTo(6.0, within(TOLERANCE));
        assertThat(whole.valueWithout(Feature.MEAN, part)).isCloseTo(2.0, within(TOLERANCE));
        assertThat(whole.valueWithout(Feature.VARP, part)).isCloseTo(rest.value(Feature.VARP), within(1e-9));
    }

    @Test
    void opposedExtremesKeepFiniteMean() {
        BucketStatistics statistics = of(-1e308, 1e308);

        assertThat(statistics.value(Feature.MEAN)).isEqualTo(0.0);
        assertThat(statistics.value(Feature.VARP)).isEqualTo(Double.MAX_VALUE);
    }

    @Test
    void overflowingSumSaturates() {
        assertThat(of(1e308, 1e308).value(Feature.SUM)).isEqualTo(Double.MAX_VALUE);
        assertThat(of(-1e308, -1e308).value(Feature.SUM)).isEqualTo(-Double.MAX_VALUE);
        assertThat(of(100, 1e308).value(Feature.VARP)).isEqualTo(Double.MAX_VALUE);
    }

    @Test
    void opposedExtremesCancelInSum() {
        BucketStatistics statistics = of(1e308, 1e308, -1e308, -1e308, 50, 51, 49);

        assertThat(statistics.value(Feature.SUM)).isEqualTo(150.0);
        assertThat(statistics.value(Feature.MEAN)).isCloseTo(150.0 / 7, within(TOLERANCE));
    }

    @Test
    void smallValuesSurviveBesideExtremes() {
        BucketStatistics statistics = of(1e308, 150, -1e308);

        assertThat(statistics.value(Feature.SUM)).isEqualTo(150.0);
    }

    @Test
    void valueWithoutExtremePartIsFinite() {
        BucketStatistics whole = of(1e308, 1e308, 50, 51);
        BucketStatistics part = of(1e308, 1e308);

        assertThat(whole.value(Feature.SUM)).isEqualTo(Double.MAX_VALUE);
        assertThat(whole.valueWithout(Feature.SUM, part)).isEqualTo(101.0);
        assertThat(whole.valueWithout(Feature.MEAN, part)).isEqualTo(50.5);
    }

    @Test
    void valueWithoutEverythingIsUndefined() {
        BucketStatistics whole = of(1, 2);

        assertThat(whole.valueWithout(Feature.MEAN, of(1, 2))).isNaN();
    }

    @Test
    void weightedVarianceMatchesExpandedValues() {
        BucketStatistics weighted = new BucketStatistics(false, false);
        weighted.addValue(1.0, 2.0);
        weighted.addValue(4.0, 1.0);

        assertThat(weighted.value(Feature.VARP)).isCloseTo(of(1, 1, 4).value(Feature.VARP), within(TOLERANCE));
        assertThat(weighted.value(Feature.MEAN)).isCloseTo(2.0, within(TOLERANCE));
        assertThat(weighted.valueWeight(Feature.MEAN)).isEqualTo(3.0);
    }
}
