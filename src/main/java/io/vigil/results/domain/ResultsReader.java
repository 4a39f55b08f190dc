package io.vigil.results.domain;

import io.vigil.common.VigilException;
import io.vigil.job.JobRegistry;
import io.vigil.results.Bucket;
import io.vigil.results.CategoryDefinition;
import io.vigil.results.Influencer;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads results for the results endpoints. The count and the page of a request come from one snapshot, even while
 * results are being written. The store reads both in one statement, and buckets, which need further statements for
 * their influencers and records, are read in one repeatable-read transaction.
 */
@Service
public class ResultsReader {

    private final JobRegistry jobs;
    private final ResultsStore store;

    ResultsReader(JobRegistry jobs, ResultsStore store) {
        this.jobs = jobs;
        this.store = store;
    }

    /**
     * Returns a page of buckets, or the single bucket that a query with a timestamp requests.
     *
     * @throws VigilException 404 when the job does not exist, or when the requested single bucket does not
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public ResultsPage<Bucket> buckets(BucketsQuery query) {
        requireJob(query.jobId());
        ResultsPage<Bucket> page = store.buckets(query);
        if (query.isSingleBucket() && page.results().isEmpty()) {
            throw VigilException.notFound("Could not find requested buckets");
        }
        return page;
    }

    public ResultsPage<StoredRecord> records(RecordsQuery query) {
        requireJob(query.jobId());
        return store.records(query);
    }

    public ResultsPage<Influencer> influencers(InfluencersQuery query) {
        requireJob(query.jobId());
        return store.influencers(query);
    }

    /** Returns categories with their {@code grok_pattern}; a missing category is an empty page, not an error. */
    public ResultsPage<CategoryDefinition> categories(CategoriesQuery query) {
        requireJob(query.jobId());
        ResultsPage<CategoryDefinition> page = store.categories(query);
        List<CategoryDefinition> withGrok =
                page.results().stream().map(ResultsReader::withGrokPattern).toList();
        return new ResultsPage<>(page.count(), withGrok);
    }

    private void requireJob(String jobId) {
        if (!jobs.exists(jobId)) {
            throw VigilException.jobNotFound(jobId);
        }
    }

    private static CategoryDefinition withGrokPattern(CategoryDefinition category) {
        return new CategoryDefinition(
                category.jobId(),
                category.categoryId(),
                category.partitionFieldName(),
                category.partitionFieldValue(),
                category.terms(),
                category.regex(),
                category.maxMatchingLength(),
                category.examples(),
                GrokPatterns.create(category.regex(), category.examples()),
                category.preferredToCategories(),
                category.numMatches());
    }
}
