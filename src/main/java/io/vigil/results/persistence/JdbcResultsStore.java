package io.vigil.results.persistence;

import io.vigil.results.Bucket;
import io.vigil.results.CategoryDefinition;
import io.vigil.results.Influencer;
import io.vigil.results.domain.BucketsQuery;
import io.vigil.results.domain.CategoriesQuery;
import io.vigil.results.domain.InfluencersQuery;
import io.vigil.results.domain.RecordsQuery;
import io.vigil.results.domain.ResultsPage;
import io.vigil.results.domain.ResultsStore;
import io.vigil.results.domain.StoredRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectMapper;

/** Reads results with plain SQL, so that each query shape can be matched to its index. */
@Repository
class JdbcResultsStore implements ResultsStore {

    private final BucketQueries buckets;
    private final RecordQueries records;
    private final InfluencerQueries influencers;
    private final CategoryQueries categories;

    JdbcResultsStore(JdbcTemplate jdbc, ObjectMapper mapper) {
        this.records = new RecordQueries(jdbc, new RecordDocuments(mapper));
        this.buckets = new BucketQueries(jdbc, mapper, records);
        this.influencers = new InfluencerQueries(jdbc);
        this.categories = new CategoryQueries(jdbc, mapper);
    }

    @Override
    public ResultsPage<Bucket> buckets(BucketsQuery query) {
        return buckets.find(query);
    }

    @Override
    public ResultsPage<StoredRecord> records(RecordsQuery query) {
        return records.find(query);
    }

    @Override
    public ResultsPage<Influencer> influencers(InfluencersQuery query) {
        return influencers.find(query);
    }

    @Override
    public ResultsPage<CategoryDefinition> categories(CategoriesQuery query) {
        return categories.find(query);
    }
}
