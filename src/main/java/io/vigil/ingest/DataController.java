package io.vigil.ingest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
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
import java.util.Set;
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
                    + " of this request. The query parameters reset_start and reset_end are rejected with a 400, because"
                    + " Vigil cannot reset buckets yet.")
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
        checkResetOptions(options);

        CountingInputStream body = new CountingInputStream(request.getInputStream());
        try (Upload upload = processor.beginUpload()) {
            RecordSink sink = new RecordSink(processor.job(), upload, body);
            BodySyntaxError syntaxError = read(format, body, sink);
            sink.flush();
            DataCounts counts = upload.finish();
            if (syntaxError != null) {
                throw syntaxError.toApiError();
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

    private void checkResetOptions(RequestOptions options) {
        String resetStart = options.text("reset_start");
        String resetEnd = options.text("reset_end");
        if (resetStart != null) {
            dates.parseFlushDate("reset_start", resetStart);
        }
        if (resetEnd != null) {
            dates.parseFlushDate("reset_end", resetEnd);
        }
        if (resetStart != null || resetEnd != null) {
            // TODO: resetting buckets needs the analyzer to forget and relearn a time range; until then the
            // request is rejected rather than the parameters ignored.
            String given = resetStart != null ? "reset_start" : "reset_end";
            throw VigilException.badRequest("Parameter [" + given + "] is not supported: Vigil cannot reset "
                    + "buckets yet, so post the data without [reset_start] and [reset_end]");
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
