package io.vigil.job.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vigil.job.domain.ByteSizes;
import io.vigil.job.domain.CategorizationAnalyzers;
import io.vigil.job.domain.JobDefaults;
import io.vigil.job.domain.ModelMemoryLimits;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Reports the defaults and limits that job validation applies. */
@RestController
@Tag(name = "Info", description = "Defaults and limits")
class MlInfoController {

    private final ModelMemoryLimits memoryLimits;
    private final String version;

    MlInfoController(ModelMemoryLimits memoryLimits, @Value("${vigil.version:unknown}") String version) {
        this.memoryLimits = memoryLimits;
        this.version = version;
    }

    @GetMapping(path = "/_ml/info", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Get defaults and limits",
            description = "Returns the settings a new job gets when it leaves them out, the configured maximum model "
                    + "memory limit and Vigil's version.")
    @ApiResponse(responseCode = "200", description = "Defaults, limits and version")
    MlInfo info(HttpServletRequest request) {
        RequestParams.allowOnly(request);
        var detectors = new MlInfo.AnomalyDetectors(
                CategorizationAnalyzers.standard(List.of()),
                ByteSizes.format(memoryLimits.defaultMb() * ByteSizes.MB),
                JobDefaults.MODEL_SNAPSHOT_RETENTION_DAYS,
                JobDefaults.DAILY_MODEL_SNAPSHOT_RETENTION_AFTER_DAYS,
                JobDefaults.CATEGORIZATION_EXAMPLES_LIMIT);
        String max = memoryLimits.maxMb() > 0 ? ByteSizes.format(memoryLimits.maxMb() * ByteSizes.MB) : null;
        return new MlInfo(new MlInfo.Defaults(detectors), false, new MlInfo.Limits(max, max), version);
    }
}
