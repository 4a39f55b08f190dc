package io.vigil.results.persistence;

import io.vigil.results.ResultsBatch;
import io.vigil.results.ResultsWriter;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.ObjectMapper;

/** Writes results by streaming them into staging tables with COPY and merging those into the result tables. */
@Component
class JdbcResultsWriter implements ResultsWriter {

    private final DataSource dataSource;
    private final RecordDocuments recordDocuments;
    private final ObjectMapper mapper;
    private final Clock clock;

    JdbcResultsWriter(DataSource dataSource, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.mapper = mapper;
        this.recordDocuments = new RecordDocuments(mapper);
        this.clock = Clock.systemUTC();
    }

    @Override
    public ResultsBatch begin(String jobId) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Results of job [" + jobId + "] must be written in a transaction; "
                    + "start one with @Transactional or a TransactionTemplate");
        }
        return new JdbcResultsBatch(jobId, dataSource, recordDocuments, mapper, clock.millis());
    }
}
