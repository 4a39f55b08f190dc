package io.vigil.results;

/**
 * Results of one job being written in one transaction. A small batch is held in memory, and a large one is staged
 * in the database as documents are added, so a batch may hold millions of them without holding them in memory.
 * {@link #finish()} writes them into the result tables. The job id
 * of each document is ignored: everything is stored under the batch's job. Each result is stored with the current
 * server time as its {@code scored_at}.
 */
public interface ResultsBatch {

    /** Adds a bucket with its bucket influencers, which replace all stored influencers of that bucket. */
    void add(Bucket bucket);

    /**
     * Adds a record. Its dynamic field keys are stored together with those derived from its by, over and partition
     * fields and its influencers.
     */
    void add(AnomalyRecord record);

    void add(Influencer influencer);

    void add(CategoryDefinition category);

    /**
     * Merges the staged documents into the result tables. When several documents of the batch share an identity,
     * the last one added wins.
     *
     * @return how many documents of each type were stored
     */
    StoredResultCounts finish();
}
