package io.vigil.results.web;

import io.swagger.v3.oas.annotations.Operation;
import io.vigil.results.StoredResultCounts;
import io.vigil.results.domain.ResultsImporter;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /_ml/anomaly_detectors/{job_id}/results/_import}: newline-delimited result documents, for moving
 * results from another system. The response counts the documents stored per type.
 */
@RestController
class ImportController {

    private final ResultsImporter importer;
    private final ResultsResponses responses;

    ImportController(ResultsImporter importer, ResultsResponses responses) {
        this.importer = importer;
        this.responses = responses;
    }

    @Operation(
            summary = "Import results",
            description = "Newline-delimited result documents in the shape the results endpoints return. The type "
                    + "comes from result_type (bucket, with nested bucket_influencers and records; record; "
                    + "influencer); a document with category_id and no result_type is a category definition. "
                    + "Timestamps are epoch milliseconds or ISO 8601. The job must exist and be closed (409 "
                    + "otherwise). A document with the identity of a stored result replaces it. The request is "
                    + "atomic: an invalid document fails it with its line and field, and nothing is stored. "
                    + "The response counts the documents stored per type.")
    @PostMapping(path = "/_ml/anomaly_detectors/{job_id}/results/_import", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> importResults(@PathVariable("job_id") String jobId, HttpServletRequest httpRequest)
            throws IOException {
        QueryParameters query = new QueryParameters(httpRequest.getRequestURI(), httpRequest.getQueryString());
        boolean pretty = query.flag("pretty").orElse(false);
        query.rejectUnread();
        StoredResultCounts stored = importer.importResults(jobId, httpRequest.getInputStream());
        return responses.render(stored, new ResultsRequest(query, false, false, pretty));
    }
}
