package io.vigil.results.domain;

import io.vigil.common.DateParser;
import io.vigil.common.VigilException;
import io.vigil.job.JobRegistry;
import io.vigil.job.JobState;
import io.vigil.results.AnomalyRecord;
import io.vigil.results.Bucket;
import io.vigil.results.ResultsBatch;
import io.vigil.results.ResultsWriter;
import io.vigil.results.StoredResultCounts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Imports newline-delimited result documents into a closed job, all or nothing: the first invalid document fails the
 * request with its line number and field, and nothing of the request is stored. The body is streamed, so its size
 * is bounded by the database, not by memory.
 */
@Service
public class ResultsImporter {

    private static final Logger log = LoggerFactory.getLogger(ResultsImporter.class);

    private final JobRegistry jobs;
    private final ResultsWriter writer;
    private final ObjectMapper mapper;
    private final DateParser dates = DateParser.systemUtc();

    ResultsImporter(JobRegistry jobs, ResultsWriter writer, ObjectMapper mapper) {
        this.jobs = jobs;
        this.writer = writer;
        this.mapper = mapper;
    }

    /**
     * Stores the documents of {@code ndjson}, one JSON object per line, replacing stored results of the same
     * identity.
     *
     * @throws VigilException 404 when the job does not exist, 409 when it is not closed, 400 for an invalid document
     */
    @Transactional
    public StoredResultCounts importResults(String jobId, InputStream ndjson) {
        JobState state = jobs.lockState(jobId).orElseThrow(() -> VigilException.jobNotFound(jobId));
        if (state != JobState.CLOSED) {
            throw VigilException.statusError(
                    HttpStatus.CONFLICT,
                    "Cannot import results into job [" + jobId + "] because it is [" + state
                            + "]; close the job first");
        }
        ResultsBatch batch = writer.begin(jobId);
        ResultDocumentParser parser = new ResultDocumentParser(jobId, mapper);
        long lines = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(ndjson, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines++;
                if (!line.isBlank()) {
                    add(batch, parser, new DocumentFields(parseLine(line, lines), lines, "", dates));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read the import body of job [" + jobId + "]", e);
        }
        StoredResultCounts stored = batch.finish();
        log.info("[{}] Imported {} result documents from {} lines: {}", jobId, stored.total(), lines, stored);
        return stored;
    }

    private JsonNode parseLine(String line, long lineNumber) {
        JsonNode document;
        try {
            document = mapper.readTree(line);
        } catch (JacksonException e) {
            throw VigilException.bodyParseError("Invalid result document on line " + lineNumber
                    + ": it is not valid JSON (" + e.getOriginalMessage() + "); put one JSON object on each line");
        }
        if (!document.isObject()) {
            throw VigilException.bodyParseError("Invalid result document on line " + lineNumber
                    + ": it must be a JSON object, got [" + abbreviate(line) + "]");
        }
        return document;
    }

    private static void add(ResultsBatch batch, ResultDocumentParser parser, DocumentFields doc) {
        String resultType = doc.text("result_type");
        if (resultType == null) {
            if (!doc.has("category_id")) {
                throw VigilException.badRequest("Invalid result document on line " + doc.line()
                        + ": it has neither [result_type] nor [category_id]; give result_type bucket, record or "
                        + "influencer, or a category_id for a category definition");
            }
            batch.add(parser.category(doc));
            return;
        }
        switch (resultType) {
            case Bucket.RESULT_TYPE -> {
                Bucket bucket = parser.bucket(doc);
                batch.add(bucket);
                bucket.records().forEach(batch::add);
            }
            case AnomalyRecord.RESULT_TYPE -> batch.add(parser.record(doc));
            case "influencer" -> batch.add(parser.influencer(doc));
            default ->
                throw doc.invalid(
                        "result_type",
                        "has the unsupported value [" + resultType + "]; import bucket, record or influencer results, "
                                + "or category definitions, which have a category_id and no result_type");
        }
    }

    private static String abbreviate(String line) {
        return line.length() <= 80 ? line : line.substring(0, 80) + "...";
    }
}
