package io.vigil.job.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vigil.job.domain.JobDeleter;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Deletes anomaly detection jobs with their results. */
@RestController
@Tag(name = "Jobs")
class JobDeleteController {

    private final JobDeleter deleter;

    JobDeleteController(JobDeleter deleter) {
        this.deleter = deleter;
    }

    @DeleteMapping(path = "/_ml/anomaly_detectors/{job_id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Delete a job",
            description = "Deletes the job, its statistics, snapshots and every result. A job that is not closed is "
                    + "deleted only with force=true; otherwise the answer is a 409.")
    @ApiResponse(responseCode = "200", description = "Deleted, or the id of the background delete task")
    @ApiResponse(
            responseCode = "404",
            description = "Unknown job",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    @ApiResponse(
            responseCode = "409",
            description = "The job is not closed and force is false",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    DeleteResponse delete(
            @Parameter(description = "Job id") @PathVariable("job_id") String jobId,
            @Parameter(
                            description = "Delete the job even when it is open; its processor is stopped first",
                            schema = @Schema(type = "boolean", defaultValue = "false"))
                    @RequestParam(name = "force", required = false)
                    String force,
            @Parameter(
                            description = "Wait for the delete to finish (true) or return at once with a task id",
                            schema = @Schema(type = "boolean", defaultValue = "true"))
                    @RequestParam(name = "wait_for_completion", required = false)
                    String waitForCompletion,
            @Parameter(
                            description = "Accepted for compatibility; Vigil stores no annotations, so there is "
                                    + "nothing more to delete",
                            schema = @Schema(type = "boolean", defaultValue = "false"))
                    @RequestParam(name = "delete_user_annotations", required = false)
                    String deleteUserAnnotations,
            HttpServletRequest request) {
        RequestParams.allowOnly(request, "force", "wait_for_completion", "delete_user_annotations");
        RequestParams.bool("delete_user_annotations", deleteUserAnnotations, false);
        String task = deleter.delete(
                jobId,
                RequestParams.bool("force", force, false),
                RequestParams.bool("wait_for_completion", waitForCompletion, true));
        return task == null ? new DeleteResponse(true, null) : new DeleteResponse(null, task);
    }
}
