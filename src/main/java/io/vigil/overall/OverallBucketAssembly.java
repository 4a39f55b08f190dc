package io.vigil.overall;

import io.vigil.overall.OverallBucketsRepository.IntervalJobs;
import io.vigil.overall.OverallBucketsRepository.IntervalSummary;
import io.vigil.overall.OverallBucketsRepository.JobMaximum;
import io.vigil.overall.OverallBucketsRepository.Selection;
import io.vigil.overall.OverallBucketsRepository.WindowJob;
import io.vigil.overall.OverallBucketsRepository.Windows;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns the per-interval aggregates read from PostgreSQL into overall buckets: the top-N mean of each interval, the
 * {@code overall_score} filter, and for a wider requested span the maximum over the intervals of each window.
 */
final class OverallBucketAssembly {

    private OverallBucketAssembly() {}

    /** Overall buckets at the interval span: one per interval whose top-N mean passes the filter. */
    static List<OverallBucket> intervals(List<IntervalJobs> intervals, long intervalMs, OverallBucketsParams params) {
        List<OverallBucket> buckets = new ArrayList<>();
        for (IntervalJobs interval : intervals) {
            Map<String, Double> maxima = new TreeMap<>();
            for (JobMaximum job : interval.jobs()) {
                maxima.merge(job.jobId(), job.maxScore(), Math::max);
            }
            double score = topNMean(
                    maxima.values().stream().mapToDouble(Double::doubleValue).toArray(), maxima.size(), params.topN());
            if (score >= params.overallScore()) {
                buckets.add(
                        new OverallBucket(interval.key(), intervalMs / 1000, score, jobs(maxima), interval.interim()));
            }
        }
        return buckets;
    }

    /**
     * Overall buckets at a span wider than the interval: each window takes the maximum overall score of its
     * intervals that pass the filter, and each job its maximum within those intervals.
     */
    static List<OverallBucket> windows(
            OverallBucketsRepository repository, Selection selection, long windowMs, OverallBucketsParams params) {
        Windows windows = repository.windows(selection, windowMs);
        Map<Long, double[]> windowScores = new TreeMap<>();
        Map<Long, Boolean> windowInterim = new TreeMap<>();
        List<Long> passing = new ArrayList<>();
        for (IntervalSummary interval : windows.intervals()) {
            double score = topNMean(interval.nonZeroScores(), interval.jobCount(), params.topN());
            if (score < params.overallScore()) {
                continue;
            }
            passing.add(interval.key());
            windowScores.merge(interval.window(), new double[] {score}, (a, b) -> a[0] >= b[0] ? a : b);
            windowInterim.merge(interval.window(), interval.interim(), Boolean::logicalOr);
        }
        List<WindowJob> windowJobs = passing.size() == windows.intervals().size()
                ? windows.windowJobs()
                : repository.windowJobs(
                        selection,
                        windowMs,
                        passing.stream().mapToLong(Long::longValue).toArray());

        Map<Long, Map<String, Double>> jobsByWindow = new TreeMap<>();
        for (WindowJob windowJob : windowJobs) {
            jobsByWindow
                    .computeIfAbsent(windowJob.window(), window -> new TreeMap<>())
                    .merge(windowJob.maximum().jobId(), windowJob.maximum().maxScore(), Math::max);
        }
        List<OverallBucket> buckets = new ArrayList<>();
        windowScores.forEach((window, score) -> buckets.add(new OverallBucket(
                window,
                windowMs / 1000,
                score[0],
                jobs(jobsByWindow.getOrDefault(window, Map.of())),
                windowInterim.get(window))));
        return buckets;
    }

    /**
     * Returns the mean of the {@code topN} highest of {@code jobCount} job maxima, of which {@code scores} holds at
     * least the non-zero ones (the others are 0): the sum of the highest {@code min(topN, jobCount)} divided by that
     * count, or 0 when there are no jobs.
     */
    static double topNMean(double[] scores, int jobCount, int topN) {
        int k = Math.min(topN, jobCount);
        if (k == 0) {
            return 0.0;
        }
        double[] sorted = scores.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (int i = sorted.length - 1; i >= Math.max(0, sorted.length - k); i--) {
            sum += sorted[i];
        }
        return sum / k;
    }

    private static List<OverallBucket.JobMaxScore> jobs(Map<String, Double> maxima) {
        List<OverallBucket.JobMaxScore> jobs = new ArrayList<>(maxima.size());
        maxima.forEach((jobId, maxScore) -> jobs.add(new OverallBucket.JobMaxScore(jobId, maxScore)));
        return jobs;
    }
}
