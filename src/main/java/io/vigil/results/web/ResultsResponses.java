package io.vigil.results.web;

import io.vigil.results.Bucket;
import io.vigil.results.CategoryDefinition;
import io.vigil.results.Influencer;
import io.vigil.results.domain.StoredRecord;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes results responses: {@code count} first, then the array of results. With {@code human} each time field
 * gets a readable sibling written just before it, {@code timestamp_string} before {@code timestamp}, as
 * Elasticsearch's {@code ?human=true} does.
 */
@Component
public class ResultsResponses {

    record BucketsResponse(long count, List<Bucket> buckets) {}

    record RecordsResponse(long count, List<StoredRecord> records) {}

    record InfluencersResponse(long count, List<Influencer> influencers) {}

    record CategoriesResponse(long count, List<CategoryDefinition> categories) {}

    private static final Set<String> TIME_FIELDS = Set.of("timestamp", "scored_at");

    /** Elasticsearch's strict_date_optional_time output, such as 2016-06-01T00:00:00.000Z. */
    private static final DateTimeFormatter READABLE_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final ObjectMapper mapper;

    ResultsResponses(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public ResponseEntity<?> render(Object response, ResultsRequest request) {
        if (!request.human() && !request.pretty()) {
            return ResponseEntity.ok(response);
        }
        // Through text rather than valueToTree, because stored records write their rendered fields as raw JSON,
        // which a tree cannot take.
        JsonNode tree = mapper.readTree(mapper.writeValueAsString(response));
        if (request.human()) {
            tree = withReadableTimes(tree);
        }
        if (!request.pretty()) {
            return ResponseEntity.ok(tree);
        }
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .body(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(tree));
    }

    private JsonNode withReadableTimes(JsonNode node) {
        if (node instanceof ArrayNode array) {
            ArrayNode copy = mapper.createArrayNode();
            array.forEach(item -> copy.add(withReadableTimes(item)));
            return copy;
        }
        if (!(node instanceof ObjectNode object)) {
            return node;
        }
        ObjectNode copy = mapper.createObjectNode();
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            JsonNode value = field.getValue();
            if (TIME_FIELDS.contains(field.getKey()) && value.isIntegralNumber()) {
                copy.put(field.getKey() + "_string", READABLE_TIME.format(Instant.ofEpochMilli(value.longValue())));
            }
            copy.set(field.getKey(), withReadableTimes(value));
        }
        return copy;
    }
}
