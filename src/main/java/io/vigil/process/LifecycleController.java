package io.vigil.process;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Opens and closes anomaly detection jobs. */
@RestController
class LifecycleController {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);

    private final JobProcessors processors;

    LifecycleController(JobProcessors processors) {
        this.processors = processors;
    }

    @Operation(summary = "Open a job so that it takes data")
    @PostMapping("/_ml/anomaly_detectors/{job_id}/_open")
    Map<String, Object> open(
            @PathVariable("job_id") String jobId,
            @RequestParam Map<String, String> query,
            @RequestBody(required = false) Map<String, Object> body) {
        RequestOptions options =
                RequestOptions.of(query, body, Set.of("timeout", "job_id"), "cluster:admin/xpack/ml/job/open");
        // Opening runs synchronously and restores the snapshot before it returns, so the timeout is only validated.
        options.duration("timeout", DEFAULT_TIMEOUT);
        String node = processors.open(jobId);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("opened", true);
        response.put("node", node);
        return response;
    }

    @Operation(summary = "Close the jobs of an expression, finalizing their buckets and saving snapshots")
    @PostMapping("/_ml/anomaly_detectors/{job_id}/_close")
    Map<String, Object> close(
            @PathVariable("job_id") String expression,
            @RequestParam Map<String, String> query,
            @RequestBody(required = false) Map<String, Object> body) {
        RequestOptions options = RequestOptions.of(
                query,
                body,
                Set.of("allow_no_match", "force", "timeout", "job_id"),
                "cluster:admin/xpack/ml/job/close");
        processors.close(
                expression,
                options.bool("allow_no_match", true),
                options.bool("force", false),
                options.duration("timeout", DEFAULT_TIMEOUT));
        return Map.of("closed", true);
    }
}
