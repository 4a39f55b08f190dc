package io.vigil.overall;

import io.vigil.overall.OverallBucketsRepository.ScoreRows;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns the presence of jobs and their non-zero maxima in one chunk of intervals into overall buckets: the top-N mean
 * of each interval, the {@code overall_score} filter, then per window of the requested span the maximum over the
 * intervals that passed. A job present in an interval without a non-zero maximum has the maximum 0. When the window
 * span equals the interval span, each window is one interval.
 */
final class OverallBucketAssembly {

    private final JobPresence presence;
    private final List<String> jobIds;
    private final long intervalMs;
    private final long windowMs;
    private final OverallBucketsParams params;
    /** Per job, the index of the first range that may still reach the current window; windows come in time order. */
    private final int[] rangeCursor;

    OverallBucketAssembly(
            JobPresence presence, List<String> jobIds, long intervalMs, long windowMs, OverallBucketsParams params) {
        this.presence = presence;
        this.jobIds = jobIds;
        this.intervalMs = intervalMs;
        this.windowMs = windowMs;
        this.params = params;
        this.rangeCursor = new int[jobIds.size()];
    }

    /**
     * Returns the overall buckets of the intervals starting in {@code [keyFrom, keyTo)}, both multiples of the
     * interval span, whose windows lie wholly within that range. {@code interimKeys} lists, sorted, the intervals
     * with an interim bucket that takes part.
     */
    List<OverallBucket> chunk(long keyFrom, long keyTo, ScoreRows scores, long[] interimKeys) {
        int intervals = Math.toIntExact((keyTo - keyFrom) / intervalMs);
        int[] jobCounts = jobCounts(keyFrom, intervals);
        ScoresByInterval byInterval = ScoresByInterval.of(scores, keyFrom, intervalMs, intervals);
        List<OverallBucket> buckets = new ArrayList<>();
        int[] passing = new int[intervals];
        int first = 0;
        while (first < intervals) {
            long window = OverallBucketsService.floor(keyFrom + first * intervalMs, windowMs);
            int end = first;
            int passed = 0;
            double windowScore = 0;
            boolean interim = false;
            while (end < intervals && OverallBucketsService.floor(keyFrom + end * intervalMs, windowMs) == window) {
                if (jobCounts[end] > 0) {
                    double score =
                            OverallBucketsService.topNMean(byInterval.scores(end), jobCounts[end], params.topN());
                    if (score >= params.overallScore()) {
                        passing[passed++] = end;
                        windowScore = Math.max(windowScore, score);
                        interim |= isInterim(interimKeys, keyFrom + end * intervalMs);
                    }
                }
                end++;
            }
            if (passed > 0) {
                List<OverallBucket.JobMaxScore> jobs = jobs(keyFrom, Arrays.copyOf(passing, passed), byInterval);
                buckets.add(new OverallBucket(window, windowMs / 1000, windowScore, jobs, interim));
            }
            first = end;
        }
        return buckets;
    }

    /** Counts the jobs present in each interval of the chunk, from the difference of range starts and ends. */
    private int[] jobCounts(long keyFrom, int intervals) {
        int[] counts = new int[intervals + 1];
        long lastKey = keyFrom + (intervals - 1) * intervalMs;
        for (int job = 0; job < presence.jobCount(); job++) {
            long[] ranges = presence.ranges(job);
            for (int range = JobPresence.firstRangeEndingAtOrAfter(ranges, keyFrom);
                    range < ranges.length / 2 && ranges[2 * range] <= lastKey;
                    range++) {
                counts[index(Math.max(ranges[2 * range], keyFrom), keyFrom)]++;
                counts[index(Math.min(ranges[2 * range + 1], lastKey), keyFrom) + 1]--;
            }
        }
        for (int i = 1; i <= intervals; i++) {
            counts[i] += counts[i - 1];
        }
        return counts;
    }

    /**
     * Returns the jobs present in at least one of the passing intervals, in job-id order, each with its maximum over
     * those intervals.
     */
    private List<OverallBucket.JobMaxScore> jobs(long keyFrom, int[] passing, ScoresByInterval byInterval) {
        double[] maxima = new double[jobIds.size()];
        for (int interval : passing) {
            byInterval.forEach(interval, (job, score) -> maxima[job] = Math.max(maxima[job], score));
        }
        long[] passingKeys = new long[passing.length];
        for (int i = 0; i < passing.length; i++) {
            passingKeys[i] = keyFrom + passing[i] * intervalMs;
        }
        List<OverallBucket.JobMaxScore> jobs = new ArrayList<>();
        for (int job = 0; job < jobIds.size(); job++) {
            if (isPresentInAny(job, passingKeys)) {
                jobs.add(new OverallBucket.JobMaxScore(jobIds.get(job), maxima[job]));
            }
        }
        return jobs;
    }

    /** Returns whether one of {@code job}'s ranges contains one of the sorted {@code keys}, and advances its cursor. */
    private boolean isPresentInAny(int job, long[] keys) {
        long[] ranges = presence.ranges(job);
        int range = rangeCursor[job];
        while (range < ranges.length / 2 && ranges[2 * range + 1] < keys[0]) {
            range++;
        }
        rangeCursor[job] = range;
        long lastKey = keys[keys.length - 1];
        for (; range < ranges.length / 2 && ranges[2 * range] <= lastKey; range++) {
            int at = Arrays.binarySearch(keys, ranges[2 * range]);
            int next = at >= 0 ? at : -at - 1;
            if (next < keys.length && keys[next] <= ranges[2 * range + 1]) {
                return true;
            }
        }
        return false;
    }

    private static boolean isInterim(long[] interimKeys, long key) {
        return Arrays.binarySearch(interimKeys, key) >= 0;
    }

    private int index(long key, long keyFrom) {
        return (int) ((key - keyFrom) / intervalMs);
    }
}
