package io.vigil.job.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The response of a delete: {@code {"acknowledged": true}} once the job or filter is deleted, or
 * {@code {"task": "..."}} when {@code wait_for_completion=false} left a job delete running in the background.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record DeleteResponse(
        @Schema(description = "true when the job or filter is deleted")
        Boolean acknowledged,

        @Schema(description = "id of the background delete task", example = "vigil:1")
        String task) {}
