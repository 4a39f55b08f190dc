package io.vigil.results.web;

/** Descriptions shared by the OpenAPI documentation of the results endpoints. */
final class ApiDocs {

    static final String BODY_OR_QUERY = "Every option can be given in the query string or in a JSON body, but not "
            + "both: a body turns query options off, and any query option other than human and pretty is then "
            + "rejected. In a body, paging is the object page: {from, size}; from and size are query names only.";
    static final String START = "Results at or after this time: ISO 8601 (2016-06-01T00:00:00Z), epoch "
            + "milliseconds or date math (now-1d).";
    static final String END = "Results before this time (exclusive), in the formats of start.";
    static final String EXCLUDE_INTERIM = "Leave out interim results. A result without is_interim is final.";
    static final String CHANGED_SINCE = "Only results written or rescored after this time, in the formats of start. "
            + "Each returned result then has scored_at, the server time of its last scoring in epoch milliseconds.";
    static final String FROM = "Results to skip (query string; in a body use page.from). Default 0.";
    static final String SIZE = "Maximum results to return, 0 to 10000 (query string; in a body use page.size). "
            + "Default 100. count is always the total.";
    static final String DESC = "Sort descending.";
    static final String HUMAN = "Add a readable copy of each time, such as timestamp_string.";

    private ApiDocs() {}
}
