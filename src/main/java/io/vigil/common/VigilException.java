package io.vigil.common;

import org.springframework.http.HttpStatus;

/**
 * An error that the API reports to the client. It carries the HTTP status and the Elasticsearch error type
 * ({@code resource_not_found_exception}, {@code status_exception}, ...) that clients of the compatible API match on,
 * and is rendered as the Elasticsearch error envelope by {@link ApiExceptionHandler}.
 */
public class VigilException extends RuntimeException {

    private final HttpStatus status;
    private final String type;

    public VigilException(HttpStatus status, String type, String reason) {
        this(status, type, reason, null);
    }

    public VigilException(HttpStatus status, String type, String reason, Throwable cause) {
        super(reason, cause);
        this.status = status;
        this.type = type;
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String reason() {
        return getMessage();
    }

    /** 404 for a job id or expression that matches no job: "No known job with id 'X'". */
    public static VigilException jobNotFound(String jobIdOrExpression) {
        return notFound("No known job with id '" + jobIdOrExpression + "'");
    }

    public static VigilException notFound(String reason) {
        return new VigilException(HttpStatus.NOT_FOUND, "resource_not_found_exception", reason);
    }

    /** 400 {@code illegal_argument_exception}: a parameter or field has an invalid value. */
    public static VigilException badRequest(String reason) {
        return new VigilException(HttpStatus.BAD_REQUEST, "illegal_argument_exception", reason);
    }

    /** 400 {@code parse_exception}: a date or number could not be parsed. */
    public static VigilException parseError(String reason) {
        return new VigilException(HttpStatus.BAD_REQUEST, "parse_exception", reason);
    }

    /** 400 {@code x_content_parse_exception}: a request body is not valid JSON or has an unknown field. */
    public static VigilException bodyParseError(String reason) {
        return new VigilException(HttpStatus.BAD_REQUEST, "x_content_parse_exception", reason);
    }

    /** 400 {@code action_request_validation_exception}, formatted as "Validation Failed: 1: ...;". */
    public static VigilException validationFailed(String... errors) {
        StringBuilder reason = new StringBuilder("Validation Failed: ");
        for (int i = 0; i < errors.length; i++) {
            reason.append(i + 1).append(": ").append(errors[i]).append(';');
            if (i + 1 < errors.length) {
                reason.append(' ');
            }
        }
        return new VigilException(HttpStatus.BAD_REQUEST, "action_request_validation_exception", reason.toString());
    }

    /** {@code status_exception} with the given status, for example 409 when a job is not open. */
    public static VigilException statusError(HttpStatus status, String reason) {
        return new VigilException(status, "status_exception", reason);
    }

    /** 409 for an action on a job that is not open. */
    public static VigilException jobNotOpen(String jobId) {
        return statusError(
                HttpStatus.CONFLICT, "Cannot perform requested action because job [" + jobId + "] is not open");
    }

    public static VigilException alreadyExists(String reason) {
        return new VigilException(HttpStatus.BAD_REQUEST, "resource_already_exists_exception", reason);
    }
}
