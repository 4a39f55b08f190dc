package io.vigil.job.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vigil.common.VigilException;
import io.vigil.job.MlFilter;
import io.vigil.job.domain.FilterService;
import io.vigil.job.domain.FilterUpdate;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Manages filters, the value lists that custom rule scopes of detectors refer to. */
@RestController
@RequestMapping(path = "/_ml/filters", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Filters", description = "Value lists for the scopes of custom rules")
@ApiResponse(
        responseCode = "4xx",
        description = "Invalid request, unknown filter, or a filter that jobs still use",
        content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
class FilterController {

    // A page may not reach past this position, as in Elasticsearch's index.max_result_window.
    private static final int MAX_RESULT_WINDOW = 10_000;

    private final FilterService filters;
    private final StrictJson json;

    FilterController(FilterService filters, StrictJson json) {
        this.filters = filters;
        this.json = json;
    }

    @PutMapping(path = "/{filter_id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Create a filter",
            description = "Stores a filter; its items are sorted and de-duplicated, at most 10,000 of them.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true,
            content = @Content(schema = @Schema(implementation = MlFilter.class)))
    @ApiResponse(responseCode = "200", description = "The stored filter")
    MlFilter create(
            @Parameter(description = "Filter id, with the same rules as job ids") @PathVariable("filter_id")
                    String filterId,
            @RequestBody(required = false) byte[] body,
            HttpServletRequest request) {
        RequestParams.allowOnly(request);
        return filters.create(filterId, json.read(body, MlFilter.class));
    }

    @GetMapping
    @Operation(summary = "Get filters", description = "Returns filters sorted by id, one page at a time.")
    @ApiResponse(responseCode = "200", description = "The total count and one page of filters")
    FiltersResponse list(
            @Parameter(
                            description = "Number of filters to skip",
                            schema = @Schema(type = "integer", defaultValue = "0"))
                    @RequestParam(name = "from", required = false)
                    String from,
            @Parameter(
                            description = "Maximum number of filters to return",
                            schema = @Schema(type = "integer", defaultValue = "100"))
                    @RequestParam(name = "size", required = false)
                    String size,
            HttpServletRequest request) {
        RequestParams.allowOnly(request, "from", "size");
        int skip = RequestParams.nonNegativeInt("from", from, 0);
        int limit = RequestParams.nonNegativeInt("size", size, 100);
        if ((long) skip + limit > MAX_RESULT_WINDOW) {
            throw VigilException.badRequest("Result window is too large, from + size must be less than or equal to: ["
                    + MAX_RESULT_WINDOW + "] but was [" + ((long) skip + limit) + "]; page with smaller values");
        }
        FilterService.Page page = filters.list(skip, limit);
        return new FiltersResponse(page.count(), page.filters());
    }

    @GetMapping("/{filter_id}")
    @Operation(summary = "Get a filter", description = "Returns one filter in the same envelope as the list.")
    @ApiResponse(responseCode = "200", description = "The filter")
    FiltersResponse get(
            @Parameter(description = "Filter id") @PathVariable("filter_id") String filterId,
            HttpServletRequest request) {
        RequestParams.allowOnly(request);
        return new FiltersResponse(1, List.of(filters.get(filterId)));
    }

    @PostMapping(path = "/{filter_id}/_update", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Update a filter",
            description = "Adds and removes items and changes the description. Removing an item that is not in the "
                    + "filter is an error. Running jobs that use the filter pick up the new items.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true,
            content = @Content(schema = @Schema(implementation = FilterUpdate.class)))
    @ApiResponse(responseCode = "200", description = "The updated filter")
    MlFilter update(
            @Parameter(description = "Filter id") @PathVariable("filter_id") String filterId,
            @RequestBody(required = false) byte[] body,
            HttpServletRequest request) {
        RequestParams.allowOnly(request);
        return filters.update(filterId, json.read(body, FilterUpdate.class));
    }

    @DeleteMapping("/{filter_id}")
    @Operation(summary = "Delete a filter", description = "A filter that a job's custom rule uses cannot be deleted.")
    @ApiResponse(responseCode = "200", description = "Deleted")
    DeleteResponse delete(
            @Parameter(description = "Filter id") @PathVariable("filter_id") String filterId,
            HttpServletRequest request) {
        RequestParams.allowOnly(request);
        filters.delete(filterId);
        return new DeleteResponse(true, null);
    }
}
