package io.vigil.process;

import io.vigil.engine.BucketResults;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationContext;

/** Calls the job processor's results writer from outside its package, for the write-path benchmark. */
public final class ResultsWrites {

    private final ResultsWriter writer;

    public ResultsWrites(ApplicationContext context) {
        this.writer = context.getBean(ResultsWriter.class);
    }

    /** Writes finalized buckets with empty statistics, as a data request that finalized them does. */
    public void writeFinal(String jobId, List<BucketResults> results) {
        long lastEnd = results.get(results.size() - 1).bucket().timestamp()
                + results.get(0).bucket().bucketSpan() * 1000;
        writer.writeFinal(
                jobId, results, List.of(), false, new JobStatsDocuments(Map.of(), Map.of(), Map.of(), lastEnd));
    }
}
