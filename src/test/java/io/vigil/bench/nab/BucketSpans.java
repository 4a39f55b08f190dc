package io.vigil.bench.nab;

import java.util.Arrays;

/** The one bucket-span rule of the NAB benchmark: a series' median positive step between consecutive rows. */
final class BucketSpans {

    private BucketSpans() {}

    /**
     * Returns the median of the positive steps between consecutive timestamps, in whole seconds (at least 1). Zero
     * steps (duplicate timestamps) and backward steps are left out. With an even number of steps this is the lower
     * of the two middle steps, so the span is always a step that occurs in the data.
     *
     * @throws IllegalArgumentException when no step is positive
     */
    static long medianPositiveStepSeconds(String seriesName, long[] timestampsMillis) {
        long[] steps = new long[Math.max(0, timestampsMillis.length - 1)];
        int count = 0;
        for (int row = 1; row < timestampsMillis.length; row++) {
            long step = timestampsMillis[row] - timestampsMillis[row - 1];
            if (step > 0) {
                steps[count++] = step;
            }
        }
        if (count == 0) {
            throw new IllegalArgumentException(
                    seriesName + " has no positive step between timestamps; a bucket span needs at least two times");
        }
        Arrays.sort(steps, 0, count);
        long medianMillis = steps[(count - 1) / 2];
        return Math.max(1, Math.round(medianMillis / 1000.0));
    }
}
