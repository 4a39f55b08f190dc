package io.vigil.ingest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.vigil.common.DateParser;
import io.vigil.common.VigilException;
import io.vigil.process.DataCounts;
import io.vigil.process.JobProcessor;
import io.vigil.process.JobProcessors;
import io.vigil.process.RequestOptions;
import io.vigil.process.Upload;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /_ml/anomaly_detectors/{job_id}/_data}: streams NDJSON, concatenated JSON or CSV records into an open
 * job and returns the data counts of this request.
 */
@RestController
class DataController {

    private static final Logger log = LoggerFactory.getLogger(DataController.class);

    static final String SUPPORTED_TYPES = "application/x-ndjson, application/json, text/csv";

    private final JobProcessors processors;
    private final JsonMapper json;
    private final DateParser dates = DateParser.systemUtc();

    DataController(JobProcessors processors, JsonMapper json) {
        this.processors = processors;
        this.json = json;
    }

    @Operation(
            summary = "Post data to an open job",
            description = "Streams NDJSON, concatenated JSON or CSV records into the job and returns the data counts"
                    + " of this request. With reset_start, the buckets that overlap [reset_start, reset_end) are reset"
                    + " before the records are processed. The data gathered for those not yet finalized is dropped, so"
                    + " the records posted again for them replace it instead of counting twice. Models and normalizers"
                    + " are not changed, finalized buckets keep their results, and the job's data counts count every"
                    + " posted record as processed.")
    @Parameter(
            name = "reset_start",
            in = ParameterIn.QUERY,
            description = "Start of the buckets to reset: epoch seconds (an integer of at most 10 digits), epoch"
                    + " milliseconds, now, date math or an ISO 8601 date, truncated to whole seconds. Alone, it resets"
                    + " the bucket that contains it.",
            schema = @Schema(type = "string"))
    @Parameter(
            name = "reset_end",
            in = ParameterIn.QUERY,
            description = "End of the buckets to reset, exclusive, in the forms of reset_start. It requires"
                    + " reset_start and may not be earlier than it.",
            schema = @Schema(type = "string"))
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true,
            content = {
                @Content(mediaType = "application/x-ndjson"),
                @Content(mediaType = "application/json"),
                @Content(mediaType = "text/csv")
            })
    @PostMapping("/_ml/anomaly_detectors/{job_id}/_data")
    Map<String, Object> postData(
            @PathVariable("job_id") String jobId, @RequestParam Map<String, String> query, HttpServletRequest request)
            throws IOException {
        JobProcessor processor = processors.processorFor(jobId);
        // Checked before the parameters: the servlet container reads a form-encoded body as parameters.
        BodyFormat format = BodyFormat.of(request.getContentType());
        RequestOptions options = RequestOptions.of(
                query, null, Set.of("reset_start", "reset_end"), "/_ml/anomaly_detectors/" + jobId + "/_data");
        Optional<ResetRange> reset = ResetRange.parse(options.text("reset_start"), options.text("reset_end"), dates);

        CountingInputStream body = new CountingInputStream(request.getInputStream());
        try (Upload upload = processor.beginUpload()) {
            reset.ifPresent(range -> upload.resetBuckets(range.startMs(), range.endMs()));
            RecordSink sink = new RecordSink(processor.job(), upload, body);
            BodySyntaxError syntaxError = read(format, body, sink);
            sink.flush();
            DataCounts counts = upload.finish();
            for (String summary : new String[] {
                sink.invalidTimeSummary(), sink.wrongUnitSummary(), sink.malformedSummary(), sink.missingFieldSummary()
            }) {
                if (summary != null) {
                    log.warn("[{}] {}", jobId, summary);
                }
            }
            if (syntaxError != null) {
                VigilException error = syntaxError.toApiError();
                log.warn("[{}] Upload ended early: {}", jobId, error.getMessage());
                throw error;
            }
            return counts.toDocument(jobId, processor.analysedFieldsPerRecord());
        }
    }

    private BodySyntaxError read(BodyFormat format, CountingInputStream body, RecordSink sink) throws IOException {
        try {
            switch (format) {
                case NDJSON -> new NdjsonReader(json).read(body, sink);
                case JSON -> new ConcatenatedJsonReader(json).read(body, sink);
                case CSV -> new CsvRecordReader().read(body, sink);
            }
            return null;
        } catch (BodySyntaxError e) {
            return e;
        }
    }

    /** The body formats of {@code _data}, chosen by the Content-Type header. */
    enum BodyFormat {
        NDJSON,
        JSON,
        CSV;

        static BodyFormat of(String contentType) {
            String mediaType = contentType == null
                    ? ""
                    : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
            return switch (mediaType) {
                case "application/x-ndjson" -> NDJSON;
                case "application/json" -> JSON;
                case "text/csv" -> CSV;
                default ->
                    throw new VigilException(
                            HttpStatus.NOT_ACCEPTABLE,
                            "media_type_header_exception",
                            "Content-Type [" + contentType + "] is not supported by [_data]; use one of ["
                                    + SUPPORTED_TYPES + "]");
            };
        }
    }
}
