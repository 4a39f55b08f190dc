package io.vigil.overall;

import io.vigil.overall.OverallBucketsRepository.Run;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The intervals in which each job has at least one bucket: per job, sorted disjoint ranges of interval starts
 * (inclusive at both ends), built from runs of buckets. Jobs are numbered in job-id order.
 */
final class JobPresence {

    private final long intervalMs;
    /** Per job, the range bounds as pairs: start of range 0, end of range 0, start of range 1, ... */
    private final long[][] ranges;

    private JobPresence(long intervalMs, long[][] ranges) {
        this.intervalMs = intervalMs;
        this.ranges = ranges;
    }

    /**
     * Maps the runs within {@code [from, to)} onto intervals of {@code intervalMs}. A run whose stride is at most
     * the interval has a bucket in every interval from that of its first bucket to that of its last, because
     * consecutive buckets are at most an interval apart. A run with a longer stride is mapped bucket by bucket.
     */
    static JobPresence of(List<Run> runs, Map<String, Integer> jobIndex, long from, long to, long intervalMs) {
        long[][] bounds = new long[jobIndex.size()][];
        int[] sizes = new int[jobIndex.size()];
        Arrays.setAll(bounds, job -> new long[8]);
        for (Run run : runs) {
            int job = jobIndex.get(run.jobId());
            long first = firstAtOrAfter(run, from);
            long last = lastBefore(run, to);
            if (first > last) {
                continue;
            }
            if (run.stride() <= intervalMs) {
                sizes[job] = append(bounds, sizes[job], job, floor(first, intervalMs), floor(last, intervalMs));
            } else {
                for (long timestamp = first; timestamp <= last; timestamp += run.stride()) {
                    long key = floor(timestamp, intervalMs);
                    sizes[job] = append(bounds, sizes[job], job, key, key);
                }
            }
        }
        long[][] merged = new long[bounds.length][];
        for (int job = 0; job < bounds.length; job++) {
            merged[job] = merge(bounds[job], sizes[job], intervalMs);
        }
        return new JobPresence(intervalMs, merged);
    }

    int jobCount() {
        return ranges.length;
    }

    /** Returns the bounds of {@code job}'s ranges as pairs (start, end), sorted and disjoint. */
    long[] ranges(int job) {
        return ranges[job];
    }

    /** Returns the earliest interval start with a bucket of any job, or {@link Long#MAX_VALUE} when none has one. */
    long earliest() {
        long earliest = Long.MAX_VALUE;
        for (long[] bounds : ranges) {
            if (bounds.length > 0) {
                earliest = Math.min(earliest, bounds[0]);
            }
        }
        return earliest;
    }

    /** Returns the end of the latest interval with a bucket of any job, or {@link Long#MIN_VALUE} when none has one. */
    long latestEnd() {
        long latest = Long.MIN_VALUE;
        for (long[] bounds : ranges) {
            if (bounds.length > 0) {
                latest = Math.max(latest, bounds[bounds.length - 1] + intervalMs);
            }
        }
        return latest;
    }

    /**
     * Returns the earliest interval start at or after {@code key} in which some job has a bucket, or
     * {@link Long#MAX_VALUE} when there is none.
     */
    long nextPresent(long key) {
        long next = Long.MAX_VALUE;
        for (long[] bounds : ranges) {
            int range = firstRangeEndingAtOrAfter(bounds, key);
            if (range < bounds.length / 2) {
                next = Math.min(next, Math.max(bounds[2 * range], key));
            }
        }
        return next;
    }

    /** Returns the index of the first range of {@code bounds} whose end is at or after {@code key}. */
    static int firstRangeEndingAtOrAfter(long[] bounds, long key) {
        int low = 0;
        int high = bounds.length / 2;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (bounds[2 * middle + 1] < key) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private static long firstAtOrAfter(Run run, long from) {
        if (run.first() >= from) {
            return run.first();
        }
        return run.first() - Math.floorDiv(run.first() - from, run.stride()) * run.stride();
    }

    private static long lastBefore(Run run, long to) {
        if (run.last() < to) {
            return run.last();
        }
        return run.first() + Math.floorDiv(to - 1 - run.first(), run.stride()) * run.stride();
    }

    private static int append(long[][] bounds, int size, int job, long start, long end) {
        if (size + 2 > bounds[job].length) {
            bounds[job] = Arrays.copyOf(bounds[job], bounds[job].length * 2);
        }
        bounds[job][size] = start;
        bounds[job][size + 1] = end;
        return size + 2;
    }

    /** Sorts the ranges by start and joins those that overlap or touch, so that each interval is counted once. */
    private static long[] merge(long[] bounds, int size, long intervalMs) {
        int count = size / 2;
        long[][] pairs = new long[count][];
        for (int i = 0; i < count; i++) {
            pairs[i] = new long[] {bounds[2 * i], bounds[2 * i + 1]};
        }
        Arrays.sort(pairs, (a, b) -> Long.compare(a[0], b[0]));
        long[] merged = new long[size];
        int length = 0;
        for (long[] pair : pairs) {
            if (length > 0 && pair[0] <= merged[length - 1] + intervalMs) {
                merged[length - 1] = Math.max(merged[length - 1], pair[1]);
            } else {
                merged[length++] = pair[0];
                merged[length++] = pair[1];
            }
        }
        return Arrays.copyOf(merged, length);
    }

    static long floor(long value, long span) {
        return Math.floorDiv(value, span) * span;
    }
}
