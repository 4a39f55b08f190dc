package io.vigil.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TailCalibratorTest {

    @Test
    void isIdentityWithoutData() {
        TailCalibrator calibrator = new TailCalibrator();

        for (double p : new double[] {0.5, 0.05, 1e-3, 1e-4, 1e-9}) {
            assertThat(calibrator.calibrate(true, p)).isCloseTo(p, within(p * 1e-9));
        }
    }

    /** One excess of about 700 among none is the largest, which the mean leaves out, so the slope stays 1. */
    @Test
    void oneExtremeBarelyFlattensTail() {
        TailCalibrator calibrator = new TailCalibrator();
        for (int i = 0; i < 1000; i++) {
            calibrator.record(true, 1);
        }
        calibrator.record(true, Probabilities.SMALLEST);

        assertThat(calibrator.calibrate(true, 1e-23)).isLessThan(1e-20);
    }

    /** Two extreme excesses: the second joins the mean winsorized at 30 times the prior mean excess. */
    @Test
    void secondExtremeFlattensTail() {
        TailCalibrator calibrator = new TailCalibrator();
        for (int i = 0; i < 1000; i++) {
            calibrator.record(true, 1);
        }
        calibrator.record(true, Probabilities.SMALLEST);
        calibrator.record(true, Probabilities.SMALLEST);

        assertThat(calibrator.calibrate(true, 1e-23)).isGreaterThan(1e-15);
        assertThat(calibrator.calibrate(true, 1e-23)).isLessThan(1e-10);
    }

    @Test
    void repeatedExtremesStillFlattenTail() {
        TailCalibrator calibrator = new TailCalibrator();
        for (int i = 0; i < 1000; i++) {
            calibrator.record(true, 1);
        }
        for (int i = 0; i < 20; i++) {
            calibrator.record(true, Probabilities.SMALLEST);
        }

        assertThat(calibrator.calibrate(true, 1e-23)).isGreaterThan(1e-6);
    }

    @Test
    void staysNearIdentityForCalibratedInput() {
        TailCalibrator calibrator = new TailCalibrator();
        Random random = new Random(5);
        for (int i = 0; i < 5000; i++) {
            calibrator.record(random.nextBoolean(), random.nextDouble());
        }

        assertThat(calibrator.calibrate(true, 1e-2)).isBetween(1e-2, 1.5e-2);
        assertThat(calibrator.calibrate(false, 1e-6)).isBetween(1e-6, 1e-5);
    }

    @Test
    void raisesProbabilitiesOfHeavyTail() {
        TailCalibrator calibrator = new TailCalibrator();
        Random random = new Random(7);
        for (int i = 0; i < 5000; i++) {
            // Raw probabilities cubed: far more small values than a calibrated model gives.
            double uniform = random.nextDouble();
            calibrator.record(true, uniform * uniform * uniform);
        }

        // The true one-sided probability of 1e-6 here is 2e-2. The prior pulls the deep levels towards the identity,
        // and the tail slope estimated from the excesses (about 1/3) still raises it by a factor of more than 50.
        assertThat(calibrator.calibrate(true, 1e-6)).isGreaterThan(5e-5);
        assertThat(calibrator.calibrate(false, 1e-6)).isLessThan(1e-5);
    }

    @Test
    void isMonotone() {
        TailCalibrator calibrator = new TailCalibrator();
        Random random = new Random(9);
        for (int i = 0; i < 3000; i++) {
            calibrator.record(true, Math.pow(random.nextDouble(), 4));
        }

        double previous = 1;
        for (double logP = 0; logP > -300; logP -= 0.5) {
            double calibrated = calibrator.calibrate(true, Math.pow(10, logP));
            assertThat(calibrated).isLessThanOrEqualTo(previous);
            previous = calibrated;
        }
    }
}
