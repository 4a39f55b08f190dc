package io.vigil.results.persistence;

import io.vigil.results.domain.ResultFilters;
import java.util.ArrayList;
import java.util.List;

/** The WHERE clause of a results query and its parameters, always scoped to one job. */
final class SqlConditions {

    private final StringBuilder sql = new StringBuilder(" WHERE job_id = ?");
    private final List<Object> args = new ArrayList<>();

    SqlConditions(String jobId) {
        args.add(jobId);
    }

    SqlConditions and(String condition, Object value) {
        sql.append(" AND ").append(condition);
        args.add(value);
        return this;
    }

    SqlConditions and(String condition) {
        sql.append(" AND ").append(condition);
        return this;
    }

    /** Adds the time range, interim and {@code changed_since} filters. */
    SqlConditions and(ResultFilters filters) {
        if (filters.start() != null) {
            and("timestamp >= ?", filters.start());
        }
        if (filters.end() != null) {
            and("timestamp < ?", filters.end());
        }
        if (filters.excludeInterim()) {
            and("NOT is_interim");
        }
        if (filters.changedSince() != null) {
            and("scored_at > ?", filters.changedSince());
        }
        return this;
    }

    /** Adds {@code column >= minimum}; a minimum of 0 or less filters nothing, as in Elasticsearch. */
    SqlConditions andScoreAtLeast(String column, double minimum) {
        return minimum > 0 ? and(column + " >= ?", minimum) : this;
    }

    String sql() {
        return sql.toString();
    }

    Object[] args(Object... more) {
        List<Object> all = new ArrayList<>(args);
        all.addAll(List.of(more));
        return all.toArray();
    }
}
