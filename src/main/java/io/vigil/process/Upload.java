package io.vigil.process;

/**
 * One {@code _data} request in progress on a job. The request thread sends batches as it parses them, so parsing
 * and analysis overlap, then calls {@link #finish()} for the counts of this request and closes the upload.
 */
public final class Upload implements AutoCloseable {

    private final JobProcessor processor;
    // Touched only by the processor thread until finish() returns a copy through a completed future.
    private final DataCounts requestCounts = new DataCounts();
    private volatile RuntimeException failure;
    private boolean closed;

    Upload(JobProcessor processor) {
        this.processor = processor;
    }

    /**
     * Queues a reset of the buckets that overlap {@code [startMs, endMs)}, in epoch milliseconds, ahead of the
     * batches sent after it (see {@link JobAnalysis#resetBuckets}).
     */
    public void resetBuckets(long startMs, long endMs) {
        throwIfFailed();
        processor.runReset(startMs, endMs, this);
    }

    /** Queues a batch; blocks while the processor is several batches behind. */
    public void send(RecordBatch batch) {
        throwIfFailed();
        processor.runBatch(batch, this);
    }

    /** Waits until every sent batch is processed and returns the counts of this request. */
    public DataCounts finish() {
        DataCounts counts = processor.endUpload(this);
        throwIfFailed();
        return counts;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            processor.releaseUpload();
        }
    }

    DataCounts requestCounts() {
        return requestCounts;
    }

    RuntimeException failure() {
        return failure;
    }

    void fail(RuntimeException e) {
        failure = e;
    }

    private void throwIfFailed() {
        RuntimeException failed = failure;
        if (failed != null) {
            throw failed;
        }
    }
}
