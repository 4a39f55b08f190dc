package io.vigil.results.web;

import io.vigil.common.DateParser;
import io.vigil.results.Influencer;
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

/** {@code GET|POST /_ml/anomaly_detectors/{job_id}/results/influencers}. */
@RestController
class InfluencersController {

    static final String ACTION = "cluster:monitor/xpack/ml/job/results/influencers/get";
    static final Set<String> BODY_FIELDS = Set.of(
            "job_id", "start", "end", "sort", "desc", "exclude_interim", "page", "influencer_score", "changed_since");

    private final ResultsReader reader;
    private final ResultsRequestReader requests;
    private final ResultsResponses responses;
    private final ResultsQueries queries = new ResultsQueries(DateParser.systemUtc());

    InfluencersController(ResultsReader reader, ResultsRequestReader requests, ResultsResponses responses) {
        this.reader = reader;
        this.requests = requests;
        this.responses = responses;
    }

    @RequestMapping(
            path = "/_ml/anomaly_detectors/{job_id}/results/influencers",
            method = {RequestMethod.GET, RequestMethod.POST},
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> influencers(@PathVariable("job_id") String jobId, HttpServletRequest httpRequest) {
        ResultsRequest request = requests.read(httpRequest, ACTION, BODY_FIELDS);
        ResultsPage<Influencer> page = reader.influencers(queries.influencers(jobId, request.parameters()));
        return responses.render(new ResultsResponses.InfluencersResponse(page.count(), page.results()), request);
    }
}
