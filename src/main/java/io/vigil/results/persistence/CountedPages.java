package io.vigil.results.persistence;

import io.vigil.results.domain.ResultFilters;
import io.vigil.results.domain.ResultsPage;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * Reads a page of results and the total hits of its request in one SQL statement, so that both come from one
 * snapshot without an explicit transaction, and a request costs one round trip to the database. Where a request
 * filters at most on interim results, the total comes from the per-job {@code result_counts} row instead of
 * counting rows.
 */
final class CountedPages {

    private final JdbcTemplate jdbc;

    CountedPages(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A SQL text and its parameters. */
    record Sql(String text, Object... args) {}

    /**
     * Returns the SQL of the total hits of a results request on {@code table}, whose rows have the given
     * {@code result_counts} type.
     */
    static Sql count(
            String table,
            String resultType,
            ResultFilters filters,
            double minimumScore,
            SqlConditions conditions,
            String jobId) {
        boolean onlyInterimFilter = filters.start() == null && filters.end() == null && filters.changedSince() == null;
        if (onlyInterimFilter && minimumScore <= 0) {
            String column = filters.excludeInterim() ? "total - interim" : "total";
            return new Sql(
                    "SELECT coalesce((SELECT " + column
                            + " FROM result_counts WHERE job_id = ? AND result_type = ?), 0)",
                    jobId,
                    resultType);
        }
        return new Sql("SELECT count(*) FROM " + table + conditions.sql(), conditions.args());
    }

    /**
     * Runs {@code page} and {@code count} together. {@code presentColumn} must be a NOT NULL column of the page,
     * because a request with no hits still returns one row, whose page columns are all null.
     */
    <T> ResultsPage<T> query(Sql count, Sql page, String presentColumn, RowMapper<T> mapper) {
        String sql = "SELECT (" + count.text() + ") AS total_hits, page.* FROM (SELECT 1) AS anchor "
                + "LEFT JOIN LATERAL (" + page.text() + ") AS page ON true";
        List<Object> args = new ArrayList<>(List.of(count.args()));
        args.addAll(List.of(page.args()));
        return jdbc.query(
                sql,
                rs -> {
                    long total = 0;
                    List<T> results = new ArrayList<>();
                    while (rs.next()) {
                        total = rs.getLong("total_hits");
                        if (rs.getObject(presentColumn) != null) {
                            results.add(mapper.mapRow(rs, results.size()));
                        }
                    }
                    return new ResultsPage<>(total, results);
                },
                args.toArray());
    }
}
