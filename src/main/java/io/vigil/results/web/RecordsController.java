package io.vigil.results.web;

import io.vigil.common.DateParser;
import io.vigil.results.AnomalyRecord;
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

    @RequestMapping(
            path = "/_ml/anomaly_detectors/{job_id}/results/records",
            method = {RequestMethod.GET, RequestMethod.POST},
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> records(@PathVariable("job_id") String jobId, HttpServletRequest httpRequest) {
        ResultsRequest request = requests.read(httpRequest, ACTION, BODY_FIELDS);
        ResultsPage<AnomalyRecord> page = reader.records(queries.records(jobId, request.parameters()));
        return responses.render(new ResultsResponses.RecordsResponse(page.count(), page.results()), request);
    }
}
