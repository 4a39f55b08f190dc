package io.vigil.common;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Renders every error as the Elasticsearch error envelope:
 * {@code {"error": {"root_cause": [{"type", "reason"}], "type", "reason"}, "status"}}.
 */
@RestControllerAdvice
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(VigilException.class)
    ResponseEntity<Map<String, Object>> handleVigil(VigilException e) {
        return envelope(e.status(), e.type(), e.reason());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> handleContentType(HttpMediaTypeNotSupportedException e) {
        String supported =
                e.getSupportedMediaTypes().stream().map(MediaType::toString).collect(Collectors.joining(", "));
        return envelope(
                HttpStatus.NOT_ACCEPTABLE,
                "media_type_header_exception",
                "Content-Type [" + e.getContentType() + "] is not supported; use one of [" + supported + "]");
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Map<String, Object>> handleAccept(HttpMediaTypeNotAcceptableException e) {
        return envelope(
                HttpStatus.NOT_ACCEPTABLE,
                "media_type_header_exception",
                "Responses are only available as [application/json]");
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> handleUnreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof VigilException vigil) {
            return handleVigil(vigil);
        }
        String detail = cause.getMessage() == null ? e.getMessage() : cause.getMessage();
        return envelope(
                HttpStatus.BAD_REQUEST,
                "x_content_parse_exception",
                "Request body could not be parsed: " + JsonErrorMessages.describe(detail));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> handleTypeMismatch(MethodArgumentTypeMismatchException e) {
        String type = e.getRequiredType() == null
                ? "value"
                : e.getRequiredType().getSimpleName().toLowerCase();
        return envelope(
                HttpStatus.BAD_REQUEST,
                "illegal_argument_exception",
                "Failed to parse " + type + " parameter [" + e.getName() + "] with value [" + e.getValue() + "]");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Map<String, Object>> handleMissingParameter(MissingServletRequestParameterException e) {
        return envelope(
                HttpStatus.BAD_REQUEST,
                "illegal_argument_exception",
                "Parameter [" + e.getParameterName() + "] is required");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> handleMethod(HttpRequestMethodNotSupportedException e) {
        return envelope(
                HttpStatus.METHOD_NOT_ALLOWED,
                "illegal_argument_exception",
                "Incorrect HTTP method [" + e.getMethod() + "], allowed: " + e.getSupportedHttpMethods());
    }

    @ExceptionHandler({NoHandlerFoundException.class, NoResourceFoundException.class})
    ResponseEntity<Map<String, Object>> handleNoHandler(HttpServletRequest request) {
        return envelope(
                HttpStatus.NOT_FOUND,
                "resource_not_found_exception",
                "no handler found for uri [" + request.getRequestURI() + "] and method [" + request.getMethod()
                        + "]; the API's paths are listed at /swagger-ui.html");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> handleUnexpected(Exception e) {
        log.error("Request failed", e);
        return envelope(HttpStatus.INTERNAL_SERVER_ERROR, "exception", "Internal error: " + e.getMessage());
    }

    /** Builds the Elasticsearch error envelope. */
    public static ResponseEntity<Map<String, Object>> envelope(HttpStatus status, String type, String reason) {
        Map<String, Object> cause = Map.of("type", type, "reason", reason);
        Map<String, Object> error = new java.util.LinkedHashMap<>();
        error.put("root_cause", List.of(cause));
        error.put("type", type);
        error.put("reason", reason);
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("error", error);
        body.put("status", status.value());
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body);
    }
}
