package io.vigil.common;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Documents the query parameters that {@link GlobalParametersFilter} accepts on every {@code /_ml} endpoint, so that
 * each controller does not have to repeat them.
 */
@Component
class GlobalParametersDocs implements OpenApiCustomizer {

    private static List<Parameter> parameters() {
        return List.of(
                parameter("pretty", "Indent the JSON response.", new BooleanSchema()._default(false)),
                parameter(
                        "filter_path",
                        "Comma-separated paths of the response fields to keep, such as count,records.record_score."
                                + " A * matches any characters of one field name and a ** segment any number of levels.",
                        new StringSchema()),
                parameter("format", "Response format; only json is supported.", new StringSchema()._default("json")),
                parameter(
                        "error_trace",
                        "Accepted for compatibility; error responses never contain stack traces.",
                        new BooleanSchema()._default(false)));
    }

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> {
            if (path.startsWith("/_ml")) {
                item.readOperations().forEach(GlobalParametersDocs::addMissing);
            }
        });
    }

    private static void addMissing(Operation operation) {
        for (Parameter parameter : parameters()) {
            boolean present = operation.getParameters() != null
                    && operation.getParameters().stream()
                            .anyMatch(existing -> parameter.getName().equals(existing.getName()));
            if (!present) {
                operation.addParametersItem(parameter);
            }
        }
    }

    private static Parameter parameter(String name, String description, Schema<?> schema) {
        return new Parameter()
                .in("query")
                .name(name)
                .description(description)
                .required(false)
                .schema(schema);
    }
}
