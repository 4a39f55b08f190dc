package io.vigil.results;

/**
 * Writes result documents of a job. Ingestion writes the results of each finalized bucket through it, and the
 * results import writes whole files through it; both get the same replacement rules: a document with the identity
 * of a stored one replaces it. The identities are: bucket by timestamp; record by timestamp, detector index and
 * by, over and partition values; influencer by timestamp, field name and value; category by id.
 */
public interface ResultsWriter {

    /**
     * Starts a batch of results for {@code jobId} in the caller's transaction, which must be active: the batch
     * becomes visible when that transaction commits and disappears if it rolls back.
     *
     * @throws IllegalStateException when no transaction is active
     */
    ResultsBatch begin(String jobId);
}
