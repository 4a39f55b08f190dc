package io.vigil.process;

import io.vigil.engine.BucketAnalyzer;
import io.vigil.engine.BucketResults;
import io.vigil.engine.InputRecord;
import io.vigil.job.Job;
import io.vigil.results.CategoryDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work of one open job's processor: the bucket clock, the analyzer, the counts and the results still to be
 * written. Only the job's processor thread calls it, so it holds no locks.
 */
final class JobAnalysis {

    private static final Logger log = LoggerFactory.getLogger(JobAnalysis.class);

    /**
     * Empty buckets in a row that one record or one time advance finalizes one by one. The rest of its gap is skipped
     * without results, as {@code skip_time} skips, so one record with a time in the wrong unit (epoch seconds for
     * {@code epoch_ms} lands in 1970) cannot make the next record finalize millions of buckets. Ten thousand buckets
     * are 35 days of 5-minute buckets, longer than the default renormalization window. Buckets finalized by earlier
     * requests do not count, so a live feed that flushes through a quiet spell never skips.
     */
    static final long MAX_EMPTY_BUCKETS_IN_A_ROW = 10_000;

    private final String jobId;
    private final BucketAnalyzer analyzer;
    private final ResultsWriter writer;
    private final int analysedFieldsPerRecord;
    private final RenormalizationTrigger renormalization;
    private ProcessorState state;
    private final List<BucketResults> finalizedResults = new ArrayList<>();
    private Job pendingUpdate;
    private Map<String, Set<String>> pendingFilters;
    private long latestInterimBucket = BucketClock.UNSET;

    JobAnalysis(
            String jobId,
            BucketAnalyzer analyzer,
            ProcessorState state,
            ResultsWriter writer,
            int fields,
            RenormalizationTrigger renormalization) {
        this.jobId = jobId;
        this.analyzer = analyzer;
        this.state = state;
        this.writer = writer;
        this.analysedFieldsPerRecord = fields;
        this.renormalization = renormalization;
    }

    ProcessorState state() {
        return state;
    }

    int analysedFieldsPerRecord() {
        return analysedFieldsPerRecord;
    }

    BucketAnalyzer analyzer() {
        return analyzer;
    }

    /** Adds a batch of parsed records: out-of-order records are counted, the others analysed. */
    void process(RecordBatch batch, DataCounts request) {
        DataCounts totals = state.totals();
        BucketClock clock = state.clock();
        Categorization categorization = state.categorization();
        request.addParseCounts(batch);
        totals.addParseCounts(batch);
        for (int i = 0; i < batch.size(); i++) {
            InputRecord record = batch.record(i);
            long time = record.timestampMs();
            if (!clock.started()) {
                clock.start(time);
            }
            if (clock.isOutOfOrder(time)) {
                request.outOfOrderTimestampCount++;
                totals.outOfOrderTimestampCount++;
                continue;
            }
            long empty = 0;
            while (clock.firstOpenBucketIsDue(time)) {
                if (empty >= MAX_EMPTY_BUCKETS_IN_A_ROW && skipGap(clock.alignDown(time - clock.latencyMs()))) {
                    break;
                }
                empty = finalizeFirstOpenBucket(request) == 0 ? empty + 1 : 0;
            }
            if (categorization != null && !categorization.assign(record)) {
                continue;
            }
            analyzer.add(clock.alignDown(time), record);
            clock.addRecord(time);
            request.recordProcessed(time);
            totals.recordProcessed(time);
        }
        writeFinalizedResults(false);
    }

    /**
     * Resets the buckets that overlap {@code [startMs, endMs)} before a request's records are processed. The data
     * gathered for those that are still open is dropped, so records posted again for them replace it. Finalized
     * buckets keep their results, and the job's data counts keep the records already counted as processed.
     *
     * <p>NOTE: the message categorizer is not reset, because its counts are not kept per bucket, so resent messages
     * count again in the category statistics.
     */
    void resetBuckets(long startMs, long endMs) {
        BucketClock clock = state.clock();
        if (!clock.started()) {
            return;
        }
        long first = Math.max(clock.alignDown(startMs), clock.lastFinalizedBucketEnd());
        long end = clock.alignUp(endMs);
        if (startMs < clock.lastFinalizedBucketEnd()) {
            log.warn(
                    "[{}] The reset from {} to {} leaves the buckets before {} unchanged, because they are finalized",
                    jobId,
                    startMs,
                    endMs,
                    clock.lastFinalizedBucketEnd());
        }
        if (first >= end) {
            return;
        }
        analyzer.resetBuckets(first, end);
        clock.resetBuckets(first, end);
        log.debug("[{}] Reset the open buckets from {} to {}", jobId, first, end);
    }

    /** Ends a data request: stamps the counts with the time and stores the job's statistics. */
    DataCounts endRequest(DataCounts request) {
        long now = System.currentTimeMillis();
        request.touch(now);
        state.totals().touch(now);
        writeFinalizedResults(true);
        return request.copy();
    }

    /** Applies a flush and returns the end of the last finalized bucket, empty when the job has no data yet. */
    Optional<Long> flush(FlushParams params) {
        BucketClock clock = state.clock();
        DataCounts ignoredRequestCounts = new DataCounts();
        if (params.skipTime() != null) {
            skipTo(clock.alignUp(params.skipTime()));
        }
        if (params.advanceTime() != null) {
            if (!clock.started()) {
                clock.start(params.advanceTime());
            }
            long empty = 0;
            while (clock.lastFinalizedBucketEnd() + clock.bucketSpanMs() <= params.advanceTime()) {
                if (empty >= MAX_EMPTY_BUCKETS_IN_A_ROW && skipGap(clock.alignDown(params.advanceTime()))) {
                    break;
                }
                empty = finalizeFirstOpenBucket(ignoredRequestCounts) == 0 ? empty + 1 : 0;
            }
        }
        writeFinalizedResults(true);
        if (params.calcInterim()) {
            writeInterimResults(params);
        }
        return clock.started() ? Optional.of(clock.lastFinalizedBucketEnd()) : Optional.empty();
    }

    /** Finalizes every open bucket up to the one holding the latest record, as closing a job does. */
    void finalizeOpenBuckets() {
        BucketClock clock = state.clock();
        long last = clock.lastOpenBucketStart();
        DataCounts ignoredRequestCounts = new DataCounts();
        while (last != BucketClock.UNSET && clock.lastFinalizedBucketEnd() <= last) {
            finalizeFirstOpenBucket(ignoredRequestCounts);
        }
        writeFinalizedResults(true);
    }

    /** Takes an updated configuration; the analyzer receives it after the current bucket is finalized. */
    void update(Job job) {
        state = state.withJob(job);
        pendingUpdate = job;
    }

    /** Takes new filter items for the custom rules; the analyzer receives them after the current bucket. */
    void updateFilters(Map<String, Set<String>> itemsByFilterId) {
        pendingFilters = itemsByFilterId;
    }

    JobStatsDocuments statsDocuments() {
        return statsDocuments(true);
    }

    /**
     * Returns the job's statistics. With {@code refreshCategorization} false they carry the categorization figures
     * of the last refresh. Refreshing them on every write of a data request took about a tenth of the processor
     * thread's time in {@code bin/vigil-bench categorize-ingest}, so only the end of a request, a flush and a close
     * refresh them.
     */
    private JobStatsDocuments statsDocuments(boolean refreshCategorization) {
        long now = System.currentTimeMillis();
        BucketClock clock = state.clock();
        Long latestResult = state.latestResultTimestamp() == BucketClock.UNSET ? null : state.latestResultTimestamp();
        Map<String, Object> modelSizeStats =
                JobStatsDocuments.modelSizeStats(jobId, analyzer.modelSizeStats(), now, latestResult);
        if (state.categorization() != null) {
            state.categorization().addStats(modelSizeStats, refreshCategorization);
        }
        return new JobStatsDocuments(
                state.totals().toDocument(jobId, analysedFieldsPerRecord),
                modelSizeStats,
                state.timing().toDocument(jobId),
                clock.started() ? clock.lastFinalizedBucketEnd() : null);
    }

    /**
     * Skips the rest of a gap after one record or time advance has finalized {@link #MAX_EMPTY_BUCKETS_IN_A_ROW} empty
     * buckets, when no open bucket has records: the clock moves to {@code skipToBucket}, and the skip is logged.
     * Returns whether it skipped.
     */
    private boolean skipGap(long skipToBucket) {
        BucketClock clock = state.clock();
        if (clock.lastOpenBucketStart() != BucketClock.UNSET || skipToBucket <= clock.lastFinalizedBucketEnd()) {
            return false;
        }
        long from = clock.lastFinalizedBucketEnd();
        long skipped = (skipToBucket - from) / clock.bucketSpanMs();
        // The results written so far go out before the clock jumps, so they keep their order.
        writeFinalizedResults(false);
        clock.skipEmptyTo(skipToBucket);
        log.warn(
                "[{}] Skipped {} empty buckets from {} to {} without results, after {} empty buckets in a row; a time in"
                        + " the wrong unit (epoch seconds for time_format epoch_ms) is the usual cause of such a gap",
                jobId,
                skipped,
                from,
                skipToBucket,
                MAX_EMPTY_BUCKETS_IN_A_ROW);
        return true;
    }

    /** Finalizes the first open bucket and returns its event count. */
    private long finalizeFirstOpenBucket(DataCounts request) {
        BucketClock clock = state.clock();
        long bucketStart = clock.lastFinalizedBucketEnd();
        BucketResults results = analyzer.finalizeBucket(bucketStart);
        long eventCount = clock.finalizeFirstOpenBucket();
        boolean sparse = state.sparseBuckets().observe(eventCount);
        request.bucketFinalized(bucketStart, eventCount, sparse);
        state.totals().bucketFinalized(bucketStart, eventCount, sparse);
        state.timing().add(results.bucket().processingTimeMs());
        state.setLatestResultTimestamp(bucketStart);
        finalizedResults.add(results);
        if (pendingUpdate != null) {
            analyzer.updateJob(pendingUpdate);
            pendingUpdate = null;
        }
        if (pendingFilters != null) {
            analyzer.updateFilters(pendingFilters);
            pendingFilters = null;
        }
        return eventCount;
    }

    private void skipTo(long alignedTime) {
        BucketClock clock = state.clock();
        if (!clock.started()) {
            clock.start(alignedTime);
            return;
        }
        while (clock.lastFinalizedBucketEnd() < alignedTime) {
            analyzer.discardBucket(clock.lastFinalizedBucketEnd());
            clock.finalizeFirstOpenBucket();
        }
        if (latestInterimBucket != BucketClock.UNSET) {
            writer.replaceInterim(jobId, List.of());
            latestInterimBucket = BucketClock.UNSET;
        }
    }

    private void writeInterimResults(FlushParams params) {
        BucketClock clock = state.clock();
        List<BucketResults> interim = new ArrayList<>();
        long last = clock.lastOpenBucketStart();
        long first = params.start() == null ? clock.lastFinalizedBucketEnd() : clock.alignDown(params.start());
        first = Math.max(first, clock.lastFinalizedBucketEnd());
        long end = params.end() == null ? Long.MAX_VALUE : params.end();
        for (long bucket = first;
                last != BucketClock.UNSET && bucket <= last && bucket < end;
                bucket += clock.bucketSpanMs()) {
            if (clock.openEventCount(bucket) > 0) {
                interim.add(analyzer.interimResults(bucket));
                latestInterimBucket = bucket;
            }
        }
        writer.replaceInterim(jobId, interim);
    }

    private void writeFinalizedResults(boolean alwaysWriteStats) {
        List<CategoryDefinition> changedCategories = state.categorization() == null
                ? List.of()
                : state.categorization().takeChangedDefinitions();
        if (finalizedResults.isEmpty() && changedCategories.isEmpty()) {
            if (alwaysWriteStats) {
                writer.writeStats(jobId, statsDocuments());
            }
            return;
        }
        boolean interimExists = latestInterimBucket != BucketClock.UNSET;
        writer.writeFinal(
                jobId,
                List.copyOf(finalizedResults),
                changedCategories,
                interimExists,
                statsDocuments(alwaysWriteStats));
        if (!finalizedResults.isEmpty()) {
            long lastFinalizedBucketEnd = state.clock().lastFinalizedBucketEnd();
            renormalization.afterFinalResults(analyzer, lastFinalizedBucketEnd, JobSettings.of(state.job()));
        }
        if (interimExists && !finalizedResults.isEmpty()) {
            long lastFinalized =
                    finalizedResults.get(finalizedResults.size() - 1).bucket().timestamp();
            if (lastFinalized >= latestInterimBucket) {
                latestInterimBucket = BucketClock.UNSET;
            }
        }
        finalizedResults.clear();
    }
}
