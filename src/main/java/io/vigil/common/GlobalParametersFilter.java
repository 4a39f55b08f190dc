package io.vigil.common;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Applies the query parameters that Elasticsearch accepts on every endpoint, so that no endpoint rejects them as
 * unrecognized: {@code pretty} indents the JSON response, {@code filter_path} keeps only the listed fields (see
 * {@link FilterPath}), {@code format} must be {@code json}, and {@code error_trace} is accepted but adds nothing,
 * because Vigil never puts stack traces in responses. These four are removed from the request before an endpoint
 * reads its parameters. {@code human} stays, because the results endpoints read it; elsewhere it has no effect.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class GlobalParametersFilter extends OncePerRequestFilter {

    static final Set<String> CONSUMED = Set.of("pretty", "filter_path", "format", "error_trace");

    private final ObjectMapper mapper;

    GlobalParametersFilter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/_ml");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean pretty;
        FilterPath filterPath;
        try {
            pretty = flag(request, "pretty");
            flag(request, "error_trace");
            checkFormat(request.getParameter("format"));
            String paths = request.getParameter("filter_path");
            filterPath = paths == null ? null : FilterPath.parse(paths);
        } catch (VigilException e) {
            writeError(response, e);
            return;
        }
        HttpServletRequest stripped = new WithoutConsumedParameters(request);
        if (!pretty && filterPath == null) {
            chain.doFilter(stripped, response);
            return;
        }
        ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
        chain.doFilter(stripped, buffered);
        byte[] body = buffered.getContentAsByteArray();
        String contentType = buffered.getContentType();
        if (body.length == 0 || contentType == null || !contentType.contains("json")) {
            buffered.copyBodyToResponse();
            return;
        }
        JsonNode document = mapper.readTree(body);
        if (filterPath != null) {
            document = filterPath.apply(document);
        }
        byte[] rewritten = pretty
                ? mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(document)
                : mapper.writeValueAsBytes(document);
        response.setContentLength(rewritten.length);
        response.getOutputStream().write(rewritten);
    }

    private static boolean flag(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.isEmpty() || value.equals("true")) {
            return true;
        }
        throw VigilException.badRequest("Failed to parse value [" + value + "] of parameter [" + name
                + "] as only [true] or [false] are allowed.");
    }

    private static void checkFormat(String format) {
        if (format != null && !format.equals("json")) {
            throw new VigilException(
                    HttpStatus.NOT_ACCEPTABLE,
                    "media_type_header_exception",
                    "Invalid [format] value [" + format + "]: responses are only available as [json]");
        }
    }

    private void writeError(HttpServletResponse response, VigilException e) throws IOException {
        var envelope = ApiExceptionHandler.envelope(e.status(), e.type(), e.reason());
        response.setStatus(e.status().value());
        response.setContentType("application/json");
        response.getOutputStream().write(mapper.writeValueAsBytes(envelope.getBody()));
    }

    /** The request as endpoints see it: its parameters and query string without the consumed ones. */
    private static final class WithoutConsumedParameters extends HttpServletRequestWrapper {

        private final Map<String, String[]> parameters;
        private final String queryString;

        WithoutConsumedParameters(HttpServletRequest request) {
            super(request);
            Map<String, String[]> kept = new LinkedHashMap<>(request.getParameterMap());
            kept.keySet().removeAll(CONSUMED);
            this.parameters = Collections.unmodifiableMap(kept);
            this.queryString = strip(request.getQueryString());
        }

        private static String strip(String queryString) {
            if (queryString == null) {
                return null;
            }
            String kept = Arrays.stream(queryString.split("&"))
                    .filter(pair ->
                            !CONSUMED.contains(URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8)))
                    .collect(Collectors.joining("&"));
            return kept.isEmpty() ? null : kept;
        }

        @Override
        public String getParameter(String name) {
            String[] values = parameters.get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return parameters;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            return parameters.get(name);
        }

        @Override
        public String getQueryString() {
            return queryString;
        }
    }
}
