package io.vigil.results.web;

import io.vigil.common.VigilException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Applies the body-or-query rule of the results endpoints: a request with a body (or a {@code source} query
 * option, which stands for one) takes every option from the body, and then any query option other than the output
 * options is unrecognized.
 */
@Component
public class ResultsRequestReader {

    private final ObjectMapper mapper;

    ResultsRequestReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public ResultsRequest read(HttpServletRequest request, String actionName, Set<String> bodyFields) {
        QueryParameters query = new QueryParameters(request.getRequestURI(), request.getQueryString());
        boolean human = query.flag("human").orElse(false);
        boolean pretty = query.flag("pretty").orElse(false);
        byte[] body = body(request, query);
        if (body.length == 0) {
            return new ResultsRequest(query, false, human, pretty);
        }
        query.rejectUnread();
        return new ResultsRequest(BodyParameters.parse(mapper, body, actionName, bodyFields), true, human, pretty);
    }

    private static byte[] body(HttpServletRequest request, QueryParameters query) {
        byte[] body;
        try {
            body = request.getInputStream().readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read the request body", e);
        }
        String source = query.text("source").orElse(null);
        String sourceContentType = query.text("source_content_type").orElse(null);
        if (body.length > 0 || source == null) {
            return body;
        }
        if (sourceContentType == null || !sourceContentType.startsWith("application/json")) {
            throw VigilException.badRequest("source and source_content_type parameters are required; "
                    + "set source_content_type=application/json to send the body as the [source] parameter");
        }
        return source.getBytes(StandardCharsets.UTF_8);
    }
}
