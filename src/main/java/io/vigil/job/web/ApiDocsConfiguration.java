package io.vigil.job.web;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes the OpenAPI document show the JSON the API writes. springdoc 3.1 describes schemas with Jackson 2, which
 * does not see the Jackson 3 {@code @JsonNaming} of Vigil's records, so the schema resolver gets the snake_case
 * naming that every body of the Elasticsearch-compatible API uses. A Jackson 3 {@code JsonNode} field (a value
 * that may be a string, number or object) is documented as any JSON value.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

    static {
        SpringDocUtils.getConfig().replaceWithClass(tools.jackson.databind.JsonNode.class, Object.class);
    }

    @Bean
    ModelResolver snakeCaseModelResolver() {
        return new ModelResolver(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }
}
