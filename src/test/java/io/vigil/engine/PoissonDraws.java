package io.vigil.engine;

import java.util.Random;

/** Poisson counts for seeded test streams. */
final class PoissonDraws {

    private PoissonDraws() {}

    /** Draws a Poisson variate by Knuth's multiplication method (The Art of Computer Programming, vol. 2, 3.4.1). */
    static int draw(Random random, double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }
}
