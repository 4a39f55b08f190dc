package io.vigil.job.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vigil.job.Job;
import io.vigil.job.JobRegistry;
import io.vigil.job.domain.JobIds;
import io.vigil.job.domain.JobService;
import io.vigil.job.domain.JobUpdate;
import io.vigil.job.domain.NewJobValidator;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Creates, reads and updates anomaly detection jobs. */
@RestController
@RequestMapping(path = "/_ml/anomaly_detectors", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Jobs", description = "Anomaly detection job configuration")
@ApiResponse(
        responseCode = "4xx",
        description = "Invalid request or unknown job",
        content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
class JobController {

    private final JobService service;
    private final JobRegistry registry;
    private final StrictJson json;
    private final String warningAgent;

    JobController(
            JobService service,
            JobRegistry registry,
            StrictJson json,
            @Value("${vigil.version:unknown}") String version) {
        this.service = service;
        this.registry = registry;
        this.json = json;
        this.warningAgent = "Vigil-" + version;
    }

    @PutMapping(path = "/{job_id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Create a job",
            description = "Validates the configuration, applies the defaults and returns the stored job. A "
                    + "bucket_span that does not divide a day adds a deprecation Warning header.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true,
            content = @Content(schema = @Schema(implementation = Job.class)))
    @ApiResponse(responseCode = "200", description = "The stored job")
    ResponseEntity<Job> create(
            @Parameter(description = "Job id: lowercase letters, digits, - and _, at most 64 characters")
                    @PathVariable("job_id")
                    String jobId,
            @RequestBody(required = false) byte[] body,
            HttpServletRequest request) {
        RequestParams.allowOnly(request);
        NewJobValidator.Result result = service.create(jobId, json.read(body, Job.class));
        HttpHeaders headers = new HttpHeaders();
        result.warnings().forEach(warning -> headers.add(HttpHeaders.WARNING, warningHeader(warning)));
        return ResponseEntity.ok().headers(headers).body(result.job());
    }

    @GetMapping
    @Operation(summary = "Get all jobs", description = "Returns every job, sorted by job id.")
    @ApiResponse(responseCode = "200", description = "The jobs")
    JobsResponse getAll(
            @Parameter(
                            description = "Whether an expression that matches no job returns an empty list (true) "
                                    + "or a 404 (false)",
                            schema = @Schema(type = "boolean", defaultValue = "true"))
                    @RequestParam(name = "allow_no_match", required = false)
                    String allowNoMatch,
            @Parameter(
                            description = "Whether to leave out the fields Vigil generates, so that the output can be "
                                    + "sent to the create API again",
                            schema = @Schema(type = "boolean", defaultValue = "false"))
                    @RequestParam(name = "exclude_generated", required = false)
                    String excludeGenerated,
            HttpServletRequest request) {
        return get(JobIds.ALL, allowNoMatch, excludeGenerated, request);
    }

    @GetMapping("/{job_id}")
    @Operation(
            summary = "Get jobs",
            description = "Returns the jobs an expression matches, sorted by job id: a comma-separated list of job "
                    + "ids, group names and * wildcards; _all or * mean every job.")
    @ApiResponse(responseCode = "200", description = "The matching jobs")
    JobsResponse get(
            @Parameter(description = "Job id, group name or wildcard expression") @PathVariable("job_id")
                    String expression,
            @Parameter(schema = @Schema(type = "boolean", defaultValue = "true"))
                    @RequestParam(name = "allow_no_match", required = false)
                    String allowNoMatch,
            @Parameter(schema = @Schema(type = "boolean", defaultValue = "false"))
                    @RequestParam(name = "exclude_generated", required = false)
                    String excludeGenerated,
            HttpServletRequest request) {
        RequestParams.allowOnly(request, "allow_no_match", "exclude_generated");
        boolean allowEmpty = RequestParams.bool("allow_no_match", allowNoMatch, true);
        boolean exclude = RequestParams.bool("exclude_generated", excludeGenerated, false);
        List<Job> jobs = registry.getJobs(expression, allowEmpty);
        return new JobsResponse(
                jobs.size(),
                exclude ? jobs.stream().map(JobController::withoutGenerated).toList() : jobs);
    }

    @PostMapping(path = "/{job_id}/_update", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Update a job",
            description = "Changes groups, description, detector descriptions and custom rules (by detector_index), "
                    + "model_plot_config, analysis_limits (only while the job is closed), retention and persistence "
                    + "settings, custom_settings, allow_lazy_open and model_prune_window. A running job applies "
                    + "the change from its next bucket.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true,
            content = @Content(schema = @Schema(implementation = JobUpdate.class)))
    @ApiResponse(responseCode = "200", description = "The updated job")
    Job update(
            @Parameter(description = "Job id") @PathVariable("job_id") String jobId,
            @RequestBody(required = false) byte[] body,
            HttpServletRequest request) {
        RequestParams.allowOnly(request);
        return service.update(jobId, json.read(body, JobUpdate.class));
    }

    private String warningHeader(String message) {
        return "299 " + warningAgent + " \"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Drops what Vigil generates, as Elasticsearch's {@code exclude_generated} does, so the job can be created again. */
    private static Job withoutGenerated(Job j) {
        var settings = j.customSettings() == null ? null : new LinkedHashMap<>(j.customSettings());
        if (settings != null) {
            settings.remove("created_by");
        }
        return new Job(
                j.jobId(),
                null,
                null,
                j.groups(),
                j.description(),
                null,
                null,
                null,
                settings,
                j.analysisConfig(),
                j.analysisLimits(),
                j.dataDescription(),
                j.modelPlotConfig(),
                j.renormalizationWindowDays(),
                j.backgroundPersistInterval(),
                j.modelSnapshotRetentionDays(),
                j.dailyModelSnapshotRetentionAfterDays(),
                j.resultsRetentionDays(),
                j.resultsIndexName(),
                j.allowLazyOpen(),
                null,
                null,
                null);
    }
}
