package io.vigil.results.domain;

import io.vigil.results.AnomalyCause;
import io.vigil.results.AnomalyRecord;
import io.vigil.results.AnomalyScoreExplanation;
import io.vigil.results.Bucket;
import io.vigil.results.BucketInfluencer;
import io.vigil.results.CategoryDefinition;
import io.vigil.results.GeoResults;
import io.vigil.results.Influence;
import io.vigil.results.Influencer;
import io.vigil.results.ResultFieldNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Turns imported documents, in the shape the results endpoints return, into result objects. Missing
 * {@code is_interim} means final, missing {@code initial_*} scores equal the score, and other missing numbers are 0
 * as in Elasticsearch's parsers. Unknown fields are ignored, except on records, where they are kept as dynamic field
 * keys.
 */
final class ResultDocumentParser {

    /** Fields that {@code ?human=true} adds; they repeat a time and are not imported. */
    private static final Set<String> HUMAN_TIME_FIELDS = Set.of("timestamp_string", "scored_at_string");

    private final String jobId;
    private final ObjectMapper mapper;

    ResultDocumentParser(String jobId, ObjectMapper mapper) {
        this.jobId = jobId;
        this.mapper = mapper;
    }

    Bucket bucket(DocumentFields doc) {
        checkJobId(doc);
        long timestamp = doc.timestamp("timestamp");
        long bucketSpan = doc.requiredWholeNumber("bucket_span", 1);
        boolean interim = doc.flag("is_interim", false);
        double score = doc.score("anomaly_score", 0);
        List<BucketInfluencer> influencers = new ArrayList<>();
        for (DocumentFields nested : doc.objects("bucket_influencers")) {
            influencers.add(bucketInfluencer(nested, timestamp, bucketSpan, interim));
        }
        List<AnomalyRecord> records = new ArrayList<>();
        for (DocumentFields nested : doc.objects("records")) {
            requireSameTimestamp(nested, timestamp);
            records.add(record(nested));
        }
        return new Bucket(
                jobId,
                timestamp,
                score,
                bucketSpan,
                doc.score("initial_anomaly_score", score),
                records,
                doc.wholeNumber("event_count", 0, 0),
                interim,
                influencers,
                doc.wholeNumber("processing_time_ms", 0, 0),
                doc.texts("scheduled_events"),
                null);
    }

    AnomalyRecord record(DocumentFields doc) {
        checkJobId(doc);
        double score = doc.score("record_score", 0);
        return new AnomalyRecord(
                jobId,
                doc.probability("probability"),
                doc.has("multi_bucket_impact") ? doc.number("multi_bucket_impact", 0, -5, 5) : null,
                score,
                doc.score("initial_record_score", score),
                doc.requiredWholeNumber("bucket_span", 1),
                (int) doc.wholeNumber("detector_index", 0, 0),
                doc.flag("is_interim", false),
                doc.timestamp("timestamp"),
                doc.text("by_field_name"),
                doc.text("by_field_value"),
                doc.text("correlated_by_field_value"),
                doc.text("partition_field_name"),
                doc.text("partition_field_value"),
                doc.text("function"),
                doc.text("function_description"),
                doc.numbers("typical"),
                doc.numbers("actual"),
                doc.text("field_name"),
                doc.text("over_field_name"),
                doc.text("over_field_value"),
                nestedList(doc, "causes", AnomalyCause.class),
                nestedList(doc, "influencers", Influence.class),
                nested(doc, "geo_results", GeoResults.class),
                nested(doc, "anomaly_score_explanation", AnomalyScoreExplanation.class),
                null,
                dynamicFields(doc));
    }

    Influencer influencer(DocumentFields doc) {
        checkJobId(doc);
        double score = doc.score("influencer_score", 0);
        return new Influencer(
                jobId,
                doc.requiredText("influencer_field_name"),
                doc.requiredText("influencer_field_value"),
                score,
                doc.score("initial_influencer_score", score),
                doc.probability("probability"),
                doc.requiredWholeNumber("bucket_span", 1),
                doc.flag("is_interim", false),
                doc.timestamp("timestamp"),
                null);
    }

    CategoryDefinition category(DocumentFields doc) {
        checkJobId(doc);
        List<String> examples = doc.texts("examples");
        List<Long> preferredTo = doc.wholeNumbers("preferred_to_categories");
        return new CategoryDefinition(
                jobId,
                doc.requiredWholeNumber("category_id", 0),
                doc.text("partition_field_name"),
                doc.text("partition_field_value"),
                doc.text("terms"),
                doc.text("regex"),
                doc.wholeNumber("max_matching_length", 0, 0),
                examples == null ? List.of() : examples,
                "",
                preferredTo == null ? List.of() : preferredTo,
                doc.wholeNumber("num_matches", 0, 0));
    }

    private BucketInfluencer bucketInfluencer(DocumentFields doc, long timestamp, long bucketSpan, boolean interim) {
        checkJobId(doc);
        requireSameTimestamp(doc, timestamp);
        double score = doc.score("anomaly_score", 0);
        return new BucketInfluencer(
                jobId,
                doc.requiredText("influencer_field_name"),
                doc.score("initial_anomaly_score", score),
                score,
                doc.number("raw_anomaly_score", 0, 0, Double.MAX_VALUE),
                doc.probability("probability"),
                timestamp,
                doc.wholeNumber("bucket_span", bucketSpan, 1),
                doc.flag("is_interim", interim),
                null);
    }

    private void checkJobId(DocumentFields doc) {
        String documentJobId = doc.text("job_id");
        if (documentJobId != null && !documentJobId.equals(jobId)) {
            throw doc.invalid(
                    "job_id",
                    "is [" + documentJobId + "], but the request imports into job [" + jobId
                            + "]; import each job's results through its own _import endpoint");
        }
    }

    private static void requireSameTimestamp(DocumentFields nested, long bucketTimestamp) {
        if (nested.has("timestamp") && nested.timestamp("timestamp") != bucketTimestamp) {
            throw nested.invalid("timestamp", "must equal the timestamp of its bucket [" + bucketTimestamp + "]");
        }
    }

    private Map<String, List<String>> dynamicFields(DocumentFields doc) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : doc.node().properties()) {
            String name = field.getKey();
            if (ResultFieldNames.isReserved(name) || HUMAN_TIME_FIELDS.contains(name)) {
                continue;
            }
            doc.checkText(name, name);
            JsonNode value = field.getValue();
            if (value.isNull()) {
                continue;
            }
            if (value.isString()) {
                fields.put(name, List.of(doc.checkText(name, value.asString())));
            } else {
                fields.put(name, doc.texts(name));
            }
        }
        return fields;
    }

    private <T> List<T> nestedList(DocumentFields doc, String name, Class<T> type) {
        if (!doc.has(name)) {
            return null;
        }
        JsonNode value = doc.node().get(name);
        if (!value.isArray()) {
            throw doc.invalid(name, "must be an array of objects, got [" + value + "]");
        }
        List<T> items = new ArrayList<>(value.size());
        for (JsonNode item : value) {
            items.add(convert(doc, name, item, type));
        }
        return items;
    }

    private <T> T nested(DocumentFields doc, String name, Class<T> type) {
        return doc.has(name) ? convert(doc, name, doc.node().get(name), type) : null;
    }

    private <T> T convert(DocumentFields doc, String name, JsonNode value, Class<T> type) {
        if (!value.isObject()) {
            throw doc.invalid(name, "must be an object, got [" + value + "]");
        }
        try {
            return mapper.treeToValue(value, type);
        } catch (JacksonException e) {
            throw doc.invalid(name, "is not a valid " + name + " object: " + e.getOriginalMessage());
        }
    }
}
