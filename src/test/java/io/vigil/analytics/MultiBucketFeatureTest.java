package io.vigil.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MultiBucketFeatureTest {

    @Test
    void isUndefinedBeforeMinimumFill() {
        MultiBucketFeature feature = new MultiBucketFeature();
        for (int i = 0; i < MultiBucketFeature.MIN_FILL - 2; i++) {
            feature.add(1);
        }

        assertThat(feature.value(1)).isNaN();
    }

    @Test
    void constantErrorsGiveThatError() {
        MultiBucketFeature feature = new MultiBucketFeature();
        for (int i = 0; i < 20; i++) {
            feature.add(1.5);
        }

        assertThat(feature.value(1.5)).isCloseTo(1.5, within(1e-6));
    }

    @Test
    void independentVarianceOfFullWindow() {
        MultiBucketFeature feature = new MultiBucketFeature();
        for (int i = 0; i < 20; i++) {
            feature.add(0);
        }
        // Σ0.81^i / (Σ0.9^i)² over i = 0..11.
        double expected = (1 - Math.pow(0.81, 12)) / 0.19 / Math.pow((1 - Math.pow(0.9, 12)) / 0.1, 2);

        assertThat(feature.sigma()).isCloseTo(Math.sqrt(expected), within(1e-9));
    }

    @Test
    void largeErrorsAreClipped() {
        MultiBucketFeature feature = new MultiBucketFeature();
        for (int i = 0; i < 20; i++) {
            feature.add(100);
        }

        assertThat(feature.value(100)).isCloseTo(MultiBucketFeature.ERROR_LIMIT, within(1e-6));
    }

    @Test
    void clearForgetsWindow() {
        MultiBucketFeature feature = new MultiBucketFeature();
        for (int i = 0; i < 20; i++) {
            feature.add(3);
        }

        feature.clear();

        assertThat(feature.value(0)).isNaN();
    }
}
