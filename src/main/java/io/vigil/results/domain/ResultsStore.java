package io.vigil.results.domain;

import io.vigil.results.Bucket;
import io.vigil.results.CategoryDefinition;
import io.vigil.results.Influencer;

/**
 * Reads stored results. Each method returns one page and the total count of the request's matches, both from the
 * same snapshot.
 */
public interface ResultsStore {

    ResultsPage<Bucket> buckets(BucketsQuery query);

    ResultsPage<StoredRecord> records(RecordsQuery query);

    ResultsPage<Influencer> influencers(InfluencersQuery query);

    /** Returns categories with an empty {@code grok_pattern}, which the caller derives. */
    ResultsPage<CategoryDefinition> categories(CategoriesQuery query);
}
