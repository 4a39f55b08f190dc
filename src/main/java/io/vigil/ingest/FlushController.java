package io.vigil.ingest;

import io.swagger.v3.oas.annotations.Operation;
import io.vigil.common.DateParser;
import io.vigil.common.VigilException;
import io.vigil.process.FlushParams;
import io.vigil.process.JobProcessor;
import io.vigil.process.JobProcessors;
import io.vigil.process.RequestOptions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /_ml/anomaly_detectors/{job_id}/_flush}: processes everything posted so far, optionally skipping or
 * advancing time and calculating interim results, and returns the end of the last finalized bucket.
 */
@RestController
class FlushController {

    private static final Set<String> OPTIONS =
            Set.of("calc_interim", "start", "end", "advance_time", "skip_time", "job_id");

    private final JobProcessors processors;
    private final DateParser dates = DateParser.systemUtc();

    FlushController(JobProcessors processors) {
        this.processors = processors;
    }

    @Operation(
            summary =
                    "Flush a job: process the posted data, optionally skip or advance time and calculate interim results")
    @PostMapping("/_ml/anomaly_detectors/{job_id}/_flush")
    Map<String, Object> flush(
            @PathVariable("job_id") String jobId,
            @RequestParam Map<String, String> query,
            @RequestBody(required = false) Map<String, Object> body) {
        JobProcessor processor = processors.processorFor(jobId);
        FlushParams params = parse(RequestOptions.of(query, body, OPTIONS, "cluster:admin/xpack/ml/job/flush"));

        Optional<Long> lastFinalizedBucketEnd = processor.flush(params);

        Map<String, Object> response = new LinkedHashMap<>();
        response.put("flushed", true);
        lastFinalizedBucketEnd.ifPresent(end -> response.put("last_finalized_bucket_end", end));
        return response;
    }

    /** Parses the dates first, then checks their combination, in the order Elasticsearch reports the errors. */
    FlushParams parse(RequestOptions options) {
        boolean calcInterim = options.bool("calc_interim", false);
        String startText = options.text("start");
        String endText = options.text("end");
        String advanceText = options.text("advance_time");
        String skipText = options.text("skip_time");
        Long start = parseDate("start", startText);
        Long end = parseDate("end", endText);
        Long advanceTime = parseDate("advance_time", advanceText);
        Long skipTime = parseDate("skip_time", skipText);
        if (!calcInterim) {
            if (start != null) {
                throw VigilException.badRequest("Invalid flush parameters: unexpected 'start'.");
            }
            if (end != null) {
                throw VigilException.badRequest("Invalid flush parameters: unexpected 'end'.");
            }
        } else if (end != null && start == null) {
            throw VigilException.badRequest("Invalid flush parameters: 'start' has not been specified.");
        }
        if (advanceTime != null && skipTime != null && advanceTime <= skipTime) {
            throw VigilException.badRequest(
                    "advance_time [" + advanceText + "] must be later than skip_time [" + skipText + "]");
        }
        return new FlushParams(calcInterim, start, end, advanceTime, skipTime);
    }

    private Long parseDate(String name, String text) {
        return text == null ? null : dates.parseFlushDate(name, text);
    }
}
