package io.vigil.results.persistence;

import io.vigil.results.ResultsBatch;
import io.vigil.results.ResultsWriter;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.ObjectMapper;

/** Writes results in batches on the caller's transaction; see {@link JdbcResultsBatch} for how. */
@Component
class JdbcResultsWriter implements ResultsWriter {

    private final DataSource dataSource;
    private final ResultRowValues values;
    private final Clock clock;

    JdbcResultsWriter(DataSource dataSource, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.values = new ResultRowValues(new RecordDocuments(mapper), mapper);
        this.clock = Clock.systemUTC();
    }

    @Override
    public ResultsBatch begin(String jobId) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Results of job [" + jobId + "] must be written in a transaction; "
                    + "start one with @Transactional or a TransactionTemplate");
        }
        return new JdbcResultsBatch(jobId, dataSource, values, clock.millis());
    }
}
