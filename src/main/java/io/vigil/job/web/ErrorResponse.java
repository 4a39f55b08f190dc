package io.vigil.job.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The Elasticsearch error envelope that every error response has, for the API documentation; errors are written by
 * {@link io.vigil.common.ApiExceptionHandler}.
 */
@Schema(name = "ErrorResponse", description = "Elasticsearch error envelope")
record ErrorResponse(
        Error error,

        @Schema(description = "HTTP status", example = "400")
        int status) {

    record Error(
            @JsonProperty("root_cause") List<Cause> rootCause,
            @Schema(example = "illegal_argument_exception") String type,
            @Schema(example = "No known job with id 'x'") String reason) {}

    record Cause(String type, String reason) {}
}
