package io.vigil.results.persistence;

import io.vigil.results.domain.ResultFilters;
import org.springframework.jdbc.core.JdbcTemplate;

/** Total hits of results requests, read from the per-job counters where the request has no filter. */
final class ResultCounts {

    private final JdbcTemplate jdbc;

    ResultCounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Returns the number of results of {@code table} that match {@code conditions}. When the request filters at
     * most on interim results, the count comes from the {@code result_counts} row of the job instead.
     */
    long count(
            String table,
            String resultType,
            String jobId,
            ResultFilters filters,
            double minimumScore,
            SqlConditions conditions) {
        boolean onlyInterimFilter = filters.start() == null && filters.end() == null && filters.changedSince() == null;
        if (onlyInterimFilter && minimumScore <= 0) {
            String column = filters.excludeInterim() ? "total - interim" : "total";
            Long counted = jdbc.query(
                    "SELECT " + column + " FROM result_counts WHERE job_id = ? AND result_type = ?",
                    rs -> rs.next() ? rs.getLong(1) : 0L,
                    jobId,
                    resultType);
            return counted == null ? 0 : counted;
        }
        Long counted =
                jdbc.queryForObject("SELECT count(*) FROM " + table + conditions.sql(), Long.class, conditions.args());
        return counted == null ? 0 : counted;
    }
}
