package io.vigil.process;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Decides whether a finalized bucket is sparse: non-empty, but with fewer than a tenth of the events of the recent
 * non-empty buckets on average.
 */
final class SparseBuckets {

    // NOTE: Vigil's own rule. The average spans about the last 20 non-empty buckets (an exponential average with
    // weight 1/20), and a bucket below a tenth of it is sparse.
    private static final double AVERAGE_WEIGHT = 1.0 / 20;
    private static final double SPARSE_FRACTION = 0.1;
    private static final int WARM_UP_BUCKETS = 5;

    private double averageEventCount;
    private long nonEmptyBuckets;

    /** Records a finalized bucket's event count and returns whether the bucket is sparse. */
    boolean observe(long eventCount) {
        if (eventCount == 0) {
            return false;
        }
        boolean sparse = nonEmptyBuckets >= WARM_UP_BUCKETS && eventCount < SPARSE_FRACTION * averageEventCount;
        if (nonEmptyBuckets == 0) {
            averageEventCount = eventCount;
        } else {
            averageEventCount += AVERAGE_WEIGHT * (eventCount - averageEventCount);
        }
        nonEmptyBuckets++;
        return sparse;
    }

    void write(DataOutput out) throws IOException {
        out.writeDouble(averageEventCount);
        out.writeLong(nonEmptyBuckets);
    }

    static SparseBuckets read(DataInput in) throws IOException {
        SparseBuckets sparse = new SparseBuckets();
        sparse.averageEventCount = in.readDouble();
        sparse.nonEmptyBuckets = in.readLong();
        return sparse;
    }
}
