package io.vigil.overall;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Overall buckets computed the plain way from every bucket row, to check the service's result against. The steps are
 * those of the API: per-job maxima per interval, the top-N mean, the score filter, then the maximum over each window
 * of a wider span.
 */
final class OverallBucketsReference {

    /** One stored bucket. */
    record Row(String jobId, long timestamp, double score, boolean interim) {}

    private OverallBucketsReference() {}

    static List<OverallBucket> compute(List<JobSpan> jobs, List<Row> rows, OverallBucketsParams params) {
        long longest = jobs.stream()
                .map(JobSpan::bucketSpan)
                .max(Comparator.naturalOrder())
                .orElseThrow()
                .toMillis();
        long requested = params.bucketSpan() == null ? 0 : params.bucketSpan().toMillis();
        long intervalMs = requested > 0 && (params.topN() == 1 || jobs.size() == 1) ? requested : longest;
        long windowMs = requested > 0 ? requested : intervalMs;
        long from = params.start() == null ? Long.MIN_VALUE : OverallBucketsService.ceil(params.start(), intervalMs);
        long to = params.end() == null ? Long.MAX_VALUE : OverallBucketsService.floor(params.end(), intervalMs);
        List<String> jobIds = jobs.stream().map(JobSpan::jobId).toList();

        Map<Long, Map<String, Double>> maxima = new TreeMap<>();
        Map<Long, Boolean> interim = new TreeMap<>();
        for (Row row : rows) {
            boolean counted = jobIds.contains(row.jobId())
                    && row.timestamp() >= from
                    && row.timestamp() < to
                    && !(params.excludeInterim() && row.interim());
            if (counted) {
                long key = OverallBucketsService.floor(row.timestamp(), intervalMs);
                maxima.computeIfAbsent(key, k -> new TreeMap<>()).merge(row.jobId(), row.score(), Math::max);
                interim.merge(key, row.interim(), Boolean::logicalOr);
            }
        }

        Map<Long, Double> windowScores = new TreeMap<>();
        Map<Long, Map<String, Double>> windowJobs = new TreeMap<>();
        Map<Long, Boolean> windowInterim = new TreeMap<>();
        maxima.forEach((key, jobMaxima) -> {
            double score = topNMean(new ArrayList<>(jobMaxima.values()), params.topN());
            if (score >= params.overallScore()) {
                long window = OverallBucketsService.floor(key, windowMs);
                windowScores.merge(window, score, Math::max);
                windowInterim.merge(window, interim.get(key), Boolean::logicalOr);
                jobMaxima.forEach((jobId, max) ->
                        windowJobs.computeIfAbsent(window, w -> new TreeMap<>()).merge(jobId, max, Math::max));
            }
        });
        List<OverallBucket> buckets = new ArrayList<>();
        windowScores.forEach((window, score) -> {
            List<OverallBucket.JobMaxScore> jobsInWindow = new ArrayList<>();
            windowJobs.get(window).forEach((jobId, max) -> jobsInWindow.add(new OverallBucket.JobMaxScore(jobId, max)));
            buckets.add(new OverallBucket(window, windowMs / 1000, score, jobsInWindow, windowInterim.get(window)));
        });
        return buckets;
    }

    /** Returns the mean of the {@code topN} highest values, or of all when there are fewer, summed from the highest. */
    private static double topNMean(List<Double> values, int topN) {
        values.sort(Comparator.reverseOrder());
        int k = Math.min(topN, values.size());
        double sum = 0;
        for (int i = 0; i < k; i++) {
            sum += values.get(i);
        }
        return k == 0 ? 0 : sum / k;
    }
}
