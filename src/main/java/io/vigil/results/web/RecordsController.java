package io.vigil.results.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.vigil.common.DateParser;
import io.vigil.results.domain.ResultsPage;
import io.vigil.results.domain.ResultsReader;
import io.vigil.results.domain.StoredRecord;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET|POST /_ml/anomaly_detectors/{job_id}/results/records}. */
@RestController
class RecordsController {

    static final String ACTION = "cluster:monitor/xpack/ml/job/results/records/get";
    static final Set<String> BODY_FIELDS = Set.of(
            "job_id", "start", "end", "sort", "desc", "exclude_interim", "page", "record_score", "changed_since");

    private final ResultsReader reader;
    private final ResultsRequestReader requests;
    private final ResultsResponses responses;
    private final ResultsQueries queries = new ResultsQueries(DateParser.systemUtc());

    RecordsController(ResultsReader reader, ResultsRequestReader requests, ResultsResponses responses) {
        this.reader = reader;
        this.requests = requests;
        this.responses = responses;
    }

    @Operation(
            summary = "Get records",
            description = "Anomaly records of a job, highest record_score first by default. Records that tie sort by "
                    + "record_score, over, partition and by values, field name and function, all in the requested "
                    + "direction, and records missing the sort field come last. " + ApiDocs.BODY_OR_QUERY)
    @Parameter(in = ParameterIn.QUERY, name = "start", description = ApiDocs.START, schema = @Schema(type = "string"))
    @Parameter(in = ParameterIn.QUERY, name = "end", description = ApiDocs.END, schema = @Schema(type = "string"))
    @Parameter(
            in = ParameterIn.QUERY,
            name = "record_score",
            description = "Records with record_score at least this. 0 filters nothing.",
            schema = @Schema(type = "number", defaultValue = "0"))
    @Parameter(
            in = ParameterIn.QUERY,
            name = "exclude_interim",
            description = ApiDocs.EXCLUDE_INTERIM,
            schema = @Schema(type = "boolean", defaultValue = "false"))
    @Parameter(
            in = ParameterIn.QUERY,
            name = "sort",
            description = "Sort field, such as record_score, probability, timestamp or by_field_value.",
            schema = @Schema(type = "string", defaultValue = "record_score"))
    @Parameter(
            in = ParameterIn.QUERY,
            name = "desc",
            description = ApiDocs.DESC,
            schema = @Schema(type = "boolean", defaultValue = "true"))
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
            name = "changed_since",
            description = ApiDocs.CHANGED_SINCE,
            schema = @Schema(type = "string"))
    @Parameter(
            in = ParameterIn.QUERY,
            name = "human",
            description = ApiDocs.HUMAN,
            schema = @Schema(type = "boolean", defaultValue = "false"))
    @RequestMapping(
            path = "/_ml/anomaly_detectors/{job_id}/results/records",
            method = {RequestMethod.GET, RequestMethod.POST},
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> records(@PathVariable("job_id") String jobId, HttpServletRequest httpRequest) {
        ResultsRequest request = requests.read(httpRequest, ACTION, BODY_FIELDS);
        ResultsPage<StoredRecord> page = reader.records(queries.records(jobId, request.parameters()));
        return responses.render(new ResultsResponses.RecordsResponse(page.count(), page.results()), request);
    }
}
