package io.vigil.engine;

import io.vigil.results.AnomalyRecord;
import io.vigil.results.Bucket;
import io.vigil.results.Influencer;
import java.util.List;

/**
 * Everything the analysis produces for one bucket, written to the results store in one transaction. The bucket
 * carries its bucket influencers; records are ordered least probable first and capped per bucket.
 */
public record BucketResults(Bucket bucket, List<AnomalyRecord> records, List<Influencer> influencers) {}
