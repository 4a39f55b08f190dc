package io.vigil.job.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The response of a job delete: {@code {"acknowledged": true}} once the job is gone, or {@code {"task": "..."}}
 * when {@code wait_for_completion=false} left the delete running in the background.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record DeleteJobResponse(
        @Schema(description = "true when the job and its results are deleted")
        Boolean acknowledged,

        @Schema(description = "id of the background delete task", example = "vigil:1")
        String task) {}
