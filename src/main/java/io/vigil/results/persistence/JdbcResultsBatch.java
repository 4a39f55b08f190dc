package io.vigil.results.persistence;

import io.vigil.results.AnomalyRecord;
import io.vigil.results.Bucket;
import io.vigil.results.CategoryDefinition;
import io.vigil.results.Influencer;
import io.vigil.results.ResultsBatch;
import io.vigil.results.StoredResultCounts;
import java.sql.Connection;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * A results batch on the connection of the caller's transaction. A small batch stays in memory and is written with
 * JDBC batches of upserts. Once it has more than {@link #MAX_BUFFERED_ROWS} rows, its rows move to staging tables
 * with COPY and are merged at the end. Both paths store the same columns, from {@link ResultRowValues}.
 */
final class JdbcResultsBatch implements ResultsBatch {

    /**
     * Maximum rows kept in memory before staging. Writing 10 buckets with 2 records and 2 influencers each took
     * about 11 ms with upserts and 28 ms with staging. With 100 records and 20 influencers per bucket both took
     * about 225 ms (bin/vigil-bench results-write on 2 shared cores). So staging pays off only for large batches.
     */
    static final long MAX_BUFFERED_ROWS = 2_000;

    private final String jobId;
    private final DataSource dataSource;
    private final Connection connection;
    private final ResultRowValues values;
    private final long scoredAt;
    private final BufferedResults buffered = new BufferedResults();
    private StagedResults staged;
    private boolean finished;

    JdbcResultsBatch(String jobId, DataSource dataSource, ResultRowValues values, long scoredAt) {
        this.jobId = jobId;
        this.dataSource = dataSource;
        this.connection = DataSourceUtils.getConnection(dataSource);
        this.values = values;
        this.scoredAt = scoredAt;
    }

    @Override
    public void add(Bucket bucket) {
        if (staged != null) {
            staged.add(bucket);
        } else {
            buffered.add(bucket);
            stageWhenFull();
        }
    }

    @Override
    public void add(AnomalyRecord record) {
        if (staged != null) {
            staged.add(record);
        } else {
            buffered.add(record);
            stageWhenFull();
        }
    }

    @Override
    public void add(Influencer influencer) {
        if (staged != null) {
            staged.add(influencer);
        } else {
            buffered.add(influencer);
            stageWhenFull();
        }
    }

    @Override
    public void add(CategoryDefinition category) {
        if (staged != null) {
            staged.add(category);
        } else {
            buffered.add(category);
            stageWhenFull();
        }
    }

    @Override
    public StoredResultCounts finish() {
        if (finished) {
            throw new IllegalStateException("The results batch of job [" + jobId + "] is already finished");
        }
        finished = true;
        try {
            return staged != null ? staged.finish() : buffered.write(connection, jobId, values, scoredAt);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private void stageWhenFull() {
        if (buffered.addedRows() > MAX_BUFFERED_ROWS) {
            staged = new StagedResults(jobId, connection, values, scoredAt);
            buffered.moveTo(staged);
        }
    }
}
