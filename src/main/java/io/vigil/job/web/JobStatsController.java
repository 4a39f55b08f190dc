package io.vigil.job.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vigil.job.domain.JobIds;
import io.vigil.job.domain.JobStats;
import io.vigil.job.domain.JobStatsService;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reports the state and running totals of jobs. */
@RestController
@RequestMapping(path = "/_ml/anomaly_detectors", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Jobs")
@ApiResponse(
        responseCode = "4xx",
        description = "Invalid parameter, or an expression that matches no job",
        content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
class JobStatsController {

    private final JobStatsService service;

    JobStatsController(JobStatsService service) {
        this.service = service;
    }

    @GetMapping("/_stats")
    @Operation(summary = "Get the stats of all jobs")
    @ApiResponse(responseCode = "200", description = "The stats of every job")
    JobStatsResponse statsOfAll(
            @Parameter(schema = @Schema(type = "boolean", defaultValue = "true"))
                    @RequestParam(name = "allow_no_match", required = false)
                    String allowNoMatch,
            HttpServletRequest request) {
        return stats(JobIds.ALL, allowNoMatch, request);
    }

    @GetMapping("/{job_id}/_stats")
    @Operation(
            summary = "Get job stats",
            description = "Returns data counts, model size, timing stats and the state of the jobs an expression "
                    + "matches (job ids, group names and * wildcards, comma-separated), sorted by job id.")
    @ApiResponse(responseCode = "200", description = "The stats of the matching jobs")
    JobStatsResponse stats(
            @Parameter(description = "Job id, group name or wildcard expression") @PathVariable("job_id")
                    String expression,
            @Parameter(
                            description = "Whether a wildcard that matches no job returns an empty list (true) or a "
                                    + "404 (false)",
                            schema = @Schema(type = "boolean", defaultValue = "true"))
                    @RequestParam(name = "allow_no_match", required = false)
                    String allowNoMatch,
            HttpServletRequest request) {
        RequestParams.allowOnly(request, "allow_no_match");
        List<JobStats> stats = service.stats(expression, RequestParams.bool("allow_no_match", allowNoMatch, true));
        return new JobStatsResponse(stats.size(), stats);
    }
}
