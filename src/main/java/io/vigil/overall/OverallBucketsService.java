package io.vigil.overall;

import io.vigil.common.VigilException;
import io.vigil.overall.OverallBucketsRepository.Run;
import io.vigil.overall.OverallBucketsRepository.ScoreRows;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Computes overall buckets: for each interval, the mean of the {@code top_n} highest per-job maximum bucket
 * {@code anomaly_score}s across the jobs. The steps follow the incumbent's algorithm so that dashboards see the same
 * numbers:
 * <ol>
 * <li>intervals are the longest job span, or the requested span when it is set and only one job or {@code top_n=1}
 * is involved (the maximum of maxima over a wider span is then the same);</li>
 * <li>otherwise a requested wider span takes the maximum of the overall scores of the narrower intervals it contains,
 * after the {@code overall_score} filter, and per job the maximum of its maxima;</li>
 * <li>{@code start} is rounded up and {@code end} down to the interval span, and the data is read in chunks of at
 * least 1,000 intervals;</li>
 * <li>an interval in which no job has a bucket produces no overall bucket.</li>
 * </ol>
 */
@Service
public class OverallBucketsService {

    /** The largest number of overall buckets one request may return. */
    static final int MAX_RESULTS = 10_000;

    /**
     * A chunk covers at least 1,000 intervals, as the incumbent's does, and more when few jobs take part, so that a
     * chunk contains at most about 1,000,000 non-zero job maxima (20 MB in arrays) even when every score is non-zero.
     * With mostly zero scores a year of 100 jobs at 15 minutes takes four queries.
     */
    private static final long MIN_INTERVALS_PER_CHUNK = 1_000;

    private static final long ROWS_PER_CHUNK = 1_000_000;

    private final OverallBucketsRepository repository;

    OverallBucketsService(OverallBucketsRepository repository) {
        this.repository = repository;
    }

    /** Checks {@code top_n} before anything else, as the incumbent does when it parses the request. */
    public static void validateTopN(int topN) {
        if (topN <= 0) {
            throw VigilException.badRequest("[topN] parameter must be positive, found [" + topN + "]");
        }
    }

    /** Returns the overall buckets of {@code jobs} in ascending time order. */
    public List<OverallBucket> overallBuckets(List<JobSpan> jobs, OverallBucketsParams params) {
        validateTopN(params.topN());
        if (jobs.isEmpty()) {
            return List.of();
        }
        JobSpan longest =
                jobs.stream().max(Comparator.comparing(JobSpan::bucketSpan)).orElseThrow();
        Duration requested = params.bucketSpan();
        if (requested != null && requested.compareTo(longest.bucketSpan()) < 0) {
            throw VigilException.statusError(
                    HttpStatus.BAD_REQUEST,
                    "Param [bucket_span] must be greater or equal to the max bucket_span ["
                            + longest.configuredBucketSpan() + "]");
        }
        long keySpanMs = longest.bucketSpan().toMillis();
        if (requested != null && (params.topN() == 1 || jobs.size() == 1)) {
            keySpanMs = requested.toMillis();
        }
        long windowSpanMs = requested == null ? keySpanMs : requested.toMillis();

        long from = params.start() == null ? Long.MIN_VALUE : ceil(params.start(), keySpanMs);
        long to = params.end() == null ? Long.MAX_VALUE : floor(params.end(), keySpanMs);
        if (from >= to) {
            return List.of();
        }
        List<String> jobIds =
                jobs.stream().map(JobSpan::jobId).sorted().distinct().toList();
        Map<String, Integer> jobIndex = new LinkedHashMap<>();
        jobIds.forEach(jobId -> jobIndex.put(jobId, jobIndex.size()));
        List<Run> runs = repository.presence(jobIds, from, to, params.excludeInterim());
        JobPresence presence = JobPresence.of(runs, jobIndex, from, to, keySpanMs);
        long intervalMs = keySpanMs;
        long[] interimKeys = runs.stream()
                .filter(Run::interim)
                .mapToLong(run -> floor(run.first(), intervalMs))
                .sorted()
                .distinct()
                .toArray();
        return readInChunks(presence, jobIndex, interimKeys, params, keySpanMs, windowSpanMs);
    }

    private List<OverallBucket> readInChunks(
            JobPresence presence,
            Map<String, Integer> jobIndex,
            long[] interimKeys,
            OverallBucketsParams params,
            long keySpanMs,
            long windowSpanMs) {
        var assembly =
                new OverallBucketAssembly(presence, List.copyOf(jobIndex.keySet()), keySpanMs, windowSpanMs, params);
        long intervalsPerChunk = Math.max(MIN_INTERVALS_PER_CHUNK, ROWS_PER_CHUNK / jobIndex.size());
        // Chunks start and end on window boundaries, so each window is computed whole within one chunk.
        // NOTE: a chunk is at least one window, and the assembly keeps three ints per interval of a chunk, so a
        // bucket_span of hundreds of millions of job intervals (years of 1-second buckets) needs gigabytes.
        long chunkMs = Math.max(1, intervalsPerChunk * keySpanMs / windowSpanMs) * windowSpanMs;
        long latest = presence.latestEnd();
        List<OverallBucket> result = new ArrayList<>();
        long next = presence.earliest();
        while (next < latest) {
            long chunkStart = floor(next, windowSpanMs);
            long keyFrom = Math.max(ceil(chunkStart, keySpanMs), next);
            long keyTo = Math.min(ceil(chunkStart + chunkMs, keySpanMs), latest);
            ScoreRows scores = repository.nonZeroMaxima(jobIndex, keyFrom, keyTo, keySpanMs, params.excludeInterim());
            result.addAll(assembly.chunk(keyFrom, keyTo, scores, interimKeys));
            if (result.size() > MAX_RESULTS) {
                throw VigilException.statusError(
                        HttpStatus.BAD_REQUEST,
                        "Unable to return more than [" + MAX_RESULTS
                                + "] results; please use parameters [start] and [end] to limit the time range");
            }
            // Chunks in which no job has a bucket are skipped without a query.
            next = presence.nextPresent(keyTo);
        }
        return result;
    }

    /**
     * Returns the mean of the {@code topN} highest of {@code jobCount} job maxima, of which {@code nonZero} contains the
     * non-zero ones (the others are 0): the sum of the highest {@code min(topN, jobCount)} divided by that count, or 0
     * when there are no jobs.
     */
    static double topNMean(double[] nonZero, int jobCount, int topN) {
        int k = Math.min(topN, jobCount);
        if (k == 0) {
            return 0.0;
        }
        Arrays.sort(nonZero);
        double sum = 0;
        for (int i = nonZero.length - 1; i >= Math.max(0, nonZero.length - k); i--) {
            sum += nonZero[i];
        }
        return sum / k;
    }

    static long floor(long value, long span) {
        return Math.floorDiv(value, span) * span;
    }

    static long ceil(long value, long span) {
        return -Math.floorDiv(-value, span) * span;
    }
}
