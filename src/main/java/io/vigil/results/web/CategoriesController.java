package io.vigil.results.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.vigil.common.DateParser;
import io.vigil.results.CategoryDefinition;
import io.vigil.results.domain.CategoriesQuery;
import io.vigil.results.domain.ResultsPage;
import io.vigil.results.domain.ResultsReader;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET|POST /_ml/anomaly_detectors/{job_id}/results/categories[/{category_id}]}. */
@RestController
class CategoriesController {

    static final String ACTION = "cluster:monitor/xpack/ml/job/results/categories/get";
    static final Set<String> BODY_FIELDS = Set.of("job_id", "category_id", "page", "partition_field_value");

    private final ResultsReader reader;
    private final ResultsRequestReader requests;
    private final ResultsResponses responses;
    private final ResultsQueries queries = new ResultsQueries(DateParser.systemUtc());

    CategoriesController(ResultsReader reader, ResultsRequestReader requests, ResultsResponses responses) {
        this.reader = reader;
        this.requests = requests;
        this.responses = responses;
    }

    @Operation(
            summary = "Get categories",
            description = "Log message categories of a job in id order, each with its grok_pattern. With a "
                    + "category id in the path, that category only: a missing one is an empty page, and paging "
                    + "cannot be combined with it. A body must give category_id or page. " + ApiDocs.BODY_OR_QUERY)
    @Parameter(
            in = ParameterIn.QUERY,
            name = "partition_field_value",
            description = "Only categories of this partition (exact match).",
            schema = @Schema(type = "string"))
    @Parameter(
            in = ParameterIn.QUERY,
            name = "from",
            description = ApiDocs.FROM,
            schema = @Schema(type = "integer", defaultValue = "0"))
    @Parameter(
            in = ParameterIn.QUERY,
            name = "size",
            description = ApiDocs.SIZE,
            schema = @Schema(type = "integer", defaultValue = "100"))
    @Parameter(
            in = ParameterIn.QUERY,
            name = "human",
            description = ApiDocs.HUMAN,
            schema = @Schema(type = "boolean", defaultValue = "false"))
    @RequestMapping(
            path = {
                "/_ml/anomaly_detectors/{job_id}/results/categories",
                "/_ml/anomaly_detectors/{job_id}/results/categories/{category_id}"
            },
            method = {RequestMethod.GET, RequestMethod.POST},
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> categories(
            @PathVariable("job_id") String jobId,
            @PathVariable(name = "category_id", required = false) String categoryId,
            HttpServletRequest httpRequest) {
        ResultsRequest request = requests.read(httpRequest, ACTION, BODY_FIELDS);
        CategoriesQuery query = queries.categories(jobId, categoryId, request.parameters(), request.fromBody());
        ResultsPage<CategoryDefinition> page = reader.categories(query);
        return responses.render(new ResultsResponses.CategoriesResponse(page.count(), page.results()), request);
    }
}
