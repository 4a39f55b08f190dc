package io.vigil.overall;

import io.vigil.common.VigilException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
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
 * <li>{@code start} is rounded up and {@code end} down to the interval span, and the data is read in chunks of about
 * 1,000 intervals;</li>
 * <li>an interval in which no job has a bucket produces no overall bucket.</li>
 * </ol>
 */
@Service
public class OverallBucketsService {

    /** The largest number of overall buckets one request may return. */
    static final int MAX_RESULTS = 10_000;

    /**
     * A chunk covers at least 1,000 intervals, as the incumbent's does, and more when few jobs take part, so that a
     * chunk holds about 500,000 buckets: large enough that a year of 100 jobs takes a handful of queries, small
     * enough that PostgreSQL groups it in memory.
     */
    private static final long MIN_INTERVALS_PER_CHUNK = 1_000;

    private static final long BUCKETS_PER_CHUNK = 500_000;

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

        List<String> jobIds = jobs.stream().map(JobSpan::jobId).toList();
        long from = params.start() == null ? Long.MIN_VALUE : ceil(params.start(), keySpanMs);
        long to = params.end() == null ? Long.MAX_VALUE : floor(params.end(), keySpanMs);
        if (from >= to) {
            return List.of();
        }
        Optional<long[]> bounds = repository.timeBounds(jobIds, from, to, params.excludeInterim());
        if (bounds.isEmpty()) {
            return List.of();
        }
        long earliest = floor(bounds.get()[0], keySpanMs);
        long latest = ceil(bounds.get()[1] + 1, keySpanMs);
        return readInChunks(jobs, params, earliest, latest, keySpanMs, windowSpanMs);
    }

    private List<OverallBucket> readInChunks(
            List<JobSpan> jobs,
            OverallBucketsParams params,
            long earliest,
            long latest,
            long keySpanMs,
            long windowSpanMs) {
        List<String> jobIds = jobs.stream().map(JobSpan::jobId).toList();
        // Jobs with buckets shorter than the interval need their maxima per interval before the top-N mean.
        // NOTE: a job whose span equals the interval is taken to have at most one bucket per interval, as the
        // processor writes them; two imported buckets off that grid within one interval would count as two jobs.
        boolean perJobMaxima = jobs.stream().anyMatch(job -> job.bucketSpan().toMillis() != keySpanMs);
        long intervalsPerChunk = Math.max(MIN_INTERVALS_PER_CHUNK, BUCKETS_PER_CHUNK / jobs.size());
        // Chunks start and end on window boundaries, so each window is computed whole within one chunk.
        long chunkMs = Math.max(1, intervalsPerChunk * keySpanMs / windowSpanMs) * windowSpanMs;
        List<OverallBucket> result = new ArrayList<>();
        for (long chunkStart = floor(earliest, windowSpanMs); chunkStart < latest; chunkStart += chunkMs) {
            var selection = new OverallBucketsRepository.Selection(
                    jobIds,
                    Math.max(chunkStart, earliest),
                    Math.min(chunkStart + chunkMs, latest),
                    params.excludeInterim(),
                    keySpanMs,
                    perJobMaxima);
            result.addAll(
                    windowSpanMs == keySpanMs
                            ? OverallBucketAssembly.intervals(repository.intervals(selection), keySpanMs, params)
                            : OverallBucketAssembly.windows(repository, selection, windowSpanMs, params));
            if (result.size() > MAX_RESULTS) {
                throw VigilException.statusError(
                        HttpStatus.BAD_REQUEST,
                        "Unable to return more than [" + MAX_RESULTS
                                + "] results; please use parameters [start] and [end] to limit the time range");
            }
        }
        return result;
    }

    static long floor(long value, long span) {
        return Math.floorDiv(value, span) * span;
    }

    static long ceil(long value, long span) {
        return -Math.floorDiv(-value, span) * span;
    }
}
