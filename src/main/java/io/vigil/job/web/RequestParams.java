package io.vigil.job.web;

import io.vigil.common.VigilException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Query parameter checks with Elasticsearch's rules: a parameter an endpoint does not read is rejected instead of
 * ignored, and booleans accept only {@code true} and {@code false} (an empty value means true).
 */
final class RequestParams {

    /** Accepted on every endpoint, as Elasticsearch does; the job endpoints return no values that it changes. */
    private static final String HUMAN = "human";

    private RequestParams() {}

    /**
     * Rejects query parameters other than {@code allowed}.
     *
     * @throws VigilException 400 "request [path] contains unrecognized parameter: [x]"
     */
    static void allowOnly(HttpServletRequest request, String... allowed) {
        Set<String> known = Set.of(allowed);
        List<String> unknown = Collections.list(request.getParameterNames()).stream()
                .filter(name -> !known.contains(name) && !name.equals(HUMAN))
                .sorted()
                .map(name -> "[" + name + "]")
                .toList();
        if (unknown.isEmpty()) {
            return;
        }
        String noun = unknown.size() == 1 ? "parameter" : "parameters";
        throw VigilException.badRequest("request [" + request.getRequestURI() + "] contains unrecognized " + noun + ": "
                + String.join(", ", unknown));
    }

    /** Parses a boolean parameter; null means {@code defaultValue}. */
    static boolean bool(String name, String value, boolean defaultValue) {
        if (value == null) {
            return defaultValue;
        }
        if (value.isEmpty() || value.equals("true")) {
            return true;
        }
        if (value.equals("false")) {
            return false;
        }
        throw VigilException.badRequest("Failed to parse value [" + value + "] of parameter [" + name
                + "] as only [true] or [false] are allowed.");
    }

    /** Parses a non-negative integer parameter such as {@code from} or {@code size}. */
    static int nonNegativeInt(String name, String value, int defaultValue) {
        if (value == null) {
            return defaultValue;
        }
        int number;
        try {
            number = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw VigilException.badRequest(
                    "Failed to parse int parameter [" + name + "] with value [" + value + "]; use a whole number");
        }
        if (number < 0) {
            throw VigilException.badRequest("Parameter [" + name + "] cannot be < 0");
        }
        return number;
    }
}
