package io.vigil.results.web;

import io.vigil.common.DateParser;
import io.vigil.common.VigilException;
import io.vigil.results.domain.BucketsQuery;
import io.vigil.results.domain.CategoriesQuery;
import io.vigil.results.domain.InfluencersQuery;
import io.vigil.results.domain.Paging;
import io.vigil.results.domain.RecordsQuery;
import io.vigil.results.domain.ResultFilters;
import io.vigil.results.domain.ResultSort;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * Builds the queries of the results endpoints from request options, with Elasticsearch's defaults, the checks for
 * options that cannot be combined, and the date formats of {@code start}, {@code end} and {@code changed_since}.
 */
final class ResultsQueries {

    private final DateParser dates;

    ResultsQueries(DateParser dates) {
        this.dates = dates;
    }

    /** Builds a buckets query; {@code pathTimestamp}, when set, wins over a {@code timestamp} option. */
    BucketsQuery buckets(String jobId, String pathTimestamp, RequestParameters parameters) {
        String timestamp = pathTimestamp != null
                ? pathTimestamp
                : parameters.text("timestamp").orElse(null);
        if (timestamp != null) {
            for (String incompatible : List.of("start", "end", "anomaly_score")) {
                if (parameters.has(incompatible)) {
                    throw VigilException.badRequest("Param [" + incompatible + "] is incompatible with [timestamp].");
                }
            }
            if (parameters.hasPaging()) {
                throw VigilException.badRequest("Param [from, size] is incompatible with [timestamp].");
            }
        }
        boolean expand = parameters.flag("expand").orElse(false);
        ResultFilters filters = filters(parameters);
        double anomalyScore = parameters.number("anomaly_score").orElse(0.0);
        Paging paging = timestamp == null ? parameters.paging() : new Paging(0, 1);
        ResultSort sort = ResultSort.bucket(
                parameters.text("sort").orElse("timestamp"),
                parameters.flag("desc").orElse(false));
        Long timestampMs = timestamp == null ? null : dates.parseResultsDate("timestamp", timestamp);
        parameters.rejectUnread();
        return new BucketsQuery(jobId, timestampMs, filters, anomalyScore, expand, paging, sort);
    }

    RecordsQuery records(String jobId, RequestParameters parameters) {
        ResultFilters filters = filters(parameters);
        double recordScore = parameters.number("record_score").orElse(0.0);
        Paging paging = parameters.paging();
        ResultSort sort = ResultSort.record(
                parameters.text("sort").orElse("record_score"),
                parameters.flag("desc").orElse(true));
        parameters.rejectUnread();
        return new RecordsQuery(jobId, filters, recordScore, paging, sort);
    }

    InfluencersQuery influencers(String jobId, RequestParameters parameters) {
        ResultFilters filters = filters(parameters);
        double influencerScore = parameters.number("influencer_score").orElse(0.0);
        Paging paging = parameters.paging();
        ResultSort sort = ResultSort.influencer(
                parameters.text("sort").orElse("influencer_score"),
                parameters.flag("desc").orElse(true));
        parameters.rejectUnread();
        return new InfluencersQuery(jobId, filters, influencerScore, paging, sort);
    }

    /**
     * Builds a categories query; {@code pathCategoryId}, when set, wins over a {@code category_id} option. A body
     * must give a {@code category_id} or a {@code page}.
     */
    CategoriesQuery categories(String jobId, String pathCategoryId, RequestParameters parameters, boolean fromBody) {
        Long categoryId = pathCategoryId != null
                ? parseCategoryId(pathCategoryId)
                : parameters.wholeNumber("category_id").orElse(null);
        boolean hasPaging = parameters.hasPaging();
        if (categoryId != null && hasPaging) {
            throw VigilException.badRequest("Param [from, size] is incompatible with [category_id].");
        }
        if (fromBody && categoryId == null && !hasPaging) {
            throw VigilException.validationFailed("Both [category_id] and [from, size] cannot be null");
        }
        String partitionFieldValue = parameters.text("partition_field_value").orElse(null);
        Paging paging = categoryId == null ? parameters.paging() : Paging.DEFAULT;
        parameters.rejectUnread();
        return new CategoriesQuery(jobId, categoryId, partitionFieldValue, paging);
    }

    private ResultFilters filters(RequestParameters parameters) {
        Long start = date(parameters, "start");
        Long end = date(parameters, "end");
        boolean excludeInterim = parameters.flag("exclude_interim").orElse(false);
        Long changedSince = date(parameters, "changed_since");
        return new ResultFilters(start, end, excludeInterim, changedSince);
    }

    private Long date(RequestParameters parameters, String name) {
        return parameters
                .text(name)
                .map(value -> dates.parseResultsDate(name, value))
                .orElse(null);
    }

    private static Long parseCategoryId(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new VigilException(
                    HttpStatus.BAD_REQUEST,
                    "number_format_exception",
                    "Failed to parse [category_id] with value [" + text + "]: it must be a whole number");
        }
    }
}
