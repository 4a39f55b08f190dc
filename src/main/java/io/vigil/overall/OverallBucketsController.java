package io.vigil.overall;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.vigil.common.DateParser;
import io.vigil.common.TimeValues;
import io.vigil.common.VigilException;
import io.vigil.job.Job;
import io.vigil.job.JobRegistry;
import io.vigil.results.web.RequestParameters;
import io.vigil.results.web.ResultsRequest;
import io.vigil.results.web.ResultsRequestReader;
import io.vigil.results.web.ResultsResponses;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** {@code GET|POST /_ml/anomaly_detectors/{job_id}/results/overall_buckets}. */
@RestController
class OverallBucketsController {

    static final String ACTION = "cluster:monitor/xpack/ml/job/results/overall_buckets/get";
    static final Set<String> BODY_FIELDS = Set.of(
            "job_id", "top_n", "bucket_span", "overall_score", "exclude_interim", "start", "end", "allow_no_match");

    private final JobRegistry jobs;
    private final OverallBucketsService service;
    private final ResultsRequestReader requests;
    private final ResultsResponses responses;
    private final DateParser dates = DateParser.systemUtc();

    OverallBucketsController(
            JobRegistry jobs,
            OverallBucketsService service,
            ResultsRequestReader requests,
            ResultsResponses responses) {
        this.jobs = jobs;
        this.service = service;
        this.requests = requests;
        this.responses = responses;
    }

    /** The response: {@code count} is the number of overall buckets returned, as there is no paging. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record OverallBucketsResponse(long count, List<OverallBucket> overallBuckets) {}

    @Operation(
            summary = "Get overall buckets",
            description = "One score per interval across the jobs an expression matches (job ids, group names, "
                    + "wildcards, _all): the mean of the top_n highest per-job maximum bucket anomaly_score values. "
                    + "Every option can be given in the query string or in a JSON body, but not both. Results are in "
                    + "ascending time order, at most 10000.")
    @Parameter(
            in = ParameterIn.QUERY,
            name = "top_n",
            description = "How many of the highest per-job maxima are " + "averaged; at least 1.",
            schema = @Schema(type = "integer", defaultValue = "1"))
    @Parameter(
            in = ParameterIn.QUERY,
            name = "bucket_span",
            description = "Span of the overall buckets, such as 1h; "
                    + "at least the longest bucket_span of the jobs, which is the default.",
            schema = @Schema(type = "string"))
    @Parameter(
            in = ParameterIn.QUERY,
            name = "overall_score",
            description = "Overall buckets with overall_score at " + "least this.",
            schema = @Schema(type = "number", defaultValue = "0"))
    @Parameter(
            in = ParameterIn.QUERY,
            name = "exclude_interim",
            description = "Leave interim job buckets out of the " + "computation.",
            schema = @Schema(type = "boolean", defaultValue = "false"))
    @Parameter(
            in = ParameterIn.QUERY,
            name = "start",
            description = "Inclusive start, rounded up to the span: ISO " + "8601, epoch milliseconds or date math.",
            schema = @Schema(type = "string"))
    @Parameter(
            in = ParameterIn.QUERY,
            name = "end",
            description = "Exclusive end, rounded down to the span, in the " + "formats of start.",
            schema = @Schema(type = "string"))
    @Parameter(
            in = ParameterIn.QUERY,
            name = "allow_no_match",
            description = "Whether a wildcard or _all that " + "matches no job gives an empty result rather than 404.",
            schema = @Schema(type = "boolean", defaultValue = "true"))
    @RequestMapping(
            path = "/_ml/anomaly_detectors/{job_id}/results/overall_buckets",
            method = {RequestMethod.GET, RequestMethod.POST},
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> overallBuckets(@PathVariable("job_id") String jobExpression, HttpServletRequest httpRequest) {
        ResultsRequest request = requests.read(httpRequest, ACTION, BODY_FIELDS);
        RequestParameters parameters = request.parameters();
        OverallBucketsParams params = params(parameters);
        boolean allowNoMatch = parameters.flag("allow_no_match").orElse(true);
        parameters.rejectUnread();

        OverallBucketsService.validateTopN(params.topN());
        List<JobSpan> spans = jobs.getJobs(jobExpression, allowNoMatch).stream()
                .map(OverallBucketsController::span)
                .toList();
        List<OverallBucket> buckets = service.overallBuckets(spans, params);
        return responses.render(new OverallBucketsResponse(buckets.size(), buckets), request);
    }

    private OverallBucketsParams params(RequestParameters parameters) {
        long topN = parameters.wholeNumber("top_n").orElse(1L);
        if (topN > Integer.MAX_VALUE || topN < Integer.MIN_VALUE) {
            throw VigilException.badRequest("Failed to parse int parameter [top_n] with value [" + topN + "]");
        }
        Duration bucketSpan = parameters
                .text("bucket_span")
                .map(text -> TimeValues.parse(text, "bucket_span"))
                .orElse(null);
        double overallScore = parameters.number("overall_score").orElse(0.0);
        boolean excludeInterim = parameters.flag("exclude_interim").orElse(false);
        Long start = parameters
                .text("start")
                .map(text -> dates.parseQueryParamDate("start", text))
                .orElse(null);
        Long end = parameters
                .text("end")
                .map(text -> dates.parseQueryParamDate("end", text))
                .orElse(null);
        return new OverallBucketsParams((int) topN, bucketSpan, overallScore, excludeInterim, start, end);
    }

    private static JobSpan span(Job job) {
        String configured = job.analysisConfig().bucketSpan();
        return new JobSpan(job.jobId(), TimeValues.parse(configured, "analysis_config.bucket_span"), configured);
    }
}
