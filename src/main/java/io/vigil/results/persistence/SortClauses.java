package io.vigil.results.persistence;

import io.vigil.results.domain.ResultSort;
import java.util.ArrayList;
import java.util.List;

/**
 * ORDER BY clauses for the result sorts. Missing values sort last in both directions, as Elasticsearch's default
 * {@code missing: _last}; NOT NULL columns are written without NULLS LAST so that the planner can match them to
 * indexes.
 */
final class SortClauses {

    private SortClauses() {}

    /** Buckets: the sort field, then timestamp in the same direction. */
    static String buckets(ResultSort sort) {
        List<String> terms = new ArrayList<>();
        terms.add(term(sort.field(), sort.descending()));
        if (!sort.field().equals("timestamp")) {
            terms.add(term("timestamp", sort.descending()));
        }
        return " ORDER BY " + String.join(", ", terms);
    }

    /**
     * Records: the sort field, then the secondary fields in the same direction, then write order, which is the
     * order of Elasticsearch's remaining tie-break on document order.
     */
    static String records(ResultSort sort) {
        List<String> terms = new ArrayList<>();
        terms.add(term(sort.field(), sort.descending()));
        for (String field : ResultSort.RECORD_SECONDARY_FIELDS) {
            if (!field.equals(sort.field())) {
                terms.add(term(field, sort.descending()));
            }
        }
        terms.add("id");
        return " ORDER BY " + String.join(", ", terms);
    }

    /** Influencers: the sort field alone, with write order for ties. */
    static String influencers(ResultSort sort) {
        return " ORDER BY " + term(sort.field(), sort.descending()) + ", id";
    }

    /** Records inside an expanded bucket: probability ascending, then the secondary record fields ascending. */
    static String expandedRecords() {
        List<String> terms = new ArrayList<>();
        terms.add("probability");
        for (String field : ResultSort.RECORD_SECONDARY_FIELDS) {
            terms.add(term(field, false));
        }
        terms.add("id");
        return String.join(", ", terms);
    }

    private static String term(String column, boolean descending) {
        if (!descending) {
            return column;
        }
        return ResultSort.NULLABLE.contains(column) ? column + " DESC NULLS LAST" : column + " DESC";
    }
}
