package io.vigil.results.web;

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
