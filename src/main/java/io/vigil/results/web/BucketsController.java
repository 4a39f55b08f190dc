package io.vigil.results.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.vigil.common.DateParser;
import io.vigil.results.Bucket;
import io.vigil.results.domain.BucketsQuery;
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

/** {@code GET|POST /_ml/anomaly_detectors/{job_id}/results/buckets[/{timestamp}]}. */
@RestController
class BucketsController {

    static final String ACTION = "cluster:monitor/xpack/ml/job/results/buckets/get";
    static final Set<String> BODY_FIELDS = Set.of(
            "job_id",
            "timestamp",
            "expand",
            "exclude_interim",
            "start",
            "end",
            "anomaly_score",
            "page",
            "sort",
            "desc",
            "changed_since");

    private final ResultsReader reader;
    private final ResultsRequestReader requests;
    private final ResultsResponses responses;
    private final ResultsQueries queries = new ResultsQueries(DateParser.systemUtc());

    BucketsController(ResultsReader reader, ResultsRequestReader requests, ResultsResponses responses) {
        this.reader = reader;
        this.requests = requests;
        this.responses = responses;
    }

    @Operation(
            summary = "Get buckets",
            description = "Buckets of a job, oldest first by default. With a timestamp in the path, the one bucket "
                    + "at that time (404 when there is none), which cannot be combined with start, end, "
                    + "anomaly_score or paging. " + ApiDocs.BODY_OR_QUERY)
    @Parameter(in = ParameterIn.QUERY, name = "start", description = ApiDocs.START, schema = @Schema(type = "string"))
    @Parameter(in = ParameterIn.QUERY, name = "end", description = ApiDocs.END, schema = @Schema(type = "string"))
    @Parameter(
            in = ParameterIn.QUERY,
            name = "anomaly_score",
            description = "Buckets with anomaly_score at least this. 0 filters nothing.",
            schema = @Schema(type = "number", defaultValue = "0"))
    @Parameter(
            in = ParameterIn.QUERY,
            name = "exclude_interim",
            description = ApiDocs.EXCLUDE_INTERIM,
            schema = @Schema(type = "boolean", defaultValue = "false"))
    @Parameter(
            in = ParameterIn.QUERY,
            name = "expand",
            description = "Add each bucket's records, least probable first, to buckets that have bucket influencers.",
            schema = @Schema(type = "boolean", defaultValue = "false"))
    @Parameter(
            in = ParameterIn.QUERY,
            name = "sort",
            description =
                    "Sort field: timestamp, anomaly_score, initial_anomaly_score, event_count, processing_time_ms, bucket_span or is_interim. Ties sort by timestamp in the same direction.",
            schema = @Schema(type = "string", defaultValue = "timestamp"))
    @Parameter(
            in = ParameterIn.QUERY,
            name = "desc",
            description = ApiDocs.DESC,
            schema = @Schema(type = "boolean", defaultValue = "false"))
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
            path = {
                "/_ml/anomaly_detectors/{job_id}/results/buckets",
                "/_ml/anomaly_detectors/{job_id}/results/buckets/{timestamp}"
            },
            method = {RequestMethod.GET, RequestMethod.POST},
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> buckets(
            @PathVariable("job_id") String jobId,
            @PathVariable(name = "timestamp", required = false) String timestamp,
            HttpServletRequest httpRequest) {
        ResultsRequest request = requests.read(httpRequest, ACTION, BODY_FIELDS);
        BucketsQuery query = queries.buckets(jobId, timestamp, request.parameters());
        ResultsPage<Bucket> page = reader.buckets(query);
        return responses.render(new ResultsResponses.BucketsResponse(page.count(), page.results()), request);
    }
}
