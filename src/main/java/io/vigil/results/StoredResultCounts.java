package io.vigil.results;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** How many result documents of each type a write stored, after merging documents that share an identity. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({"buckets", "bucket_influencers", "records", "influencers", "categories"})
public record StoredResultCounts(
        long buckets, long bucketInfluencers, long records, long influencers, long categories) {

    public long total() {
        return buckets + bucketInfluencers + records + influencers + categories;
    }
}
