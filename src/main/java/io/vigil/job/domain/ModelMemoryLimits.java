package io.vigil.job.domain;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The configured maximum {@code model_memory_limit} of a job ({@code vigil.max-model-memory-limit}, a byte size such
 * as {@code 8gb}; empty or 0 means no maximum). New jobs get the default of 1024 MB, or the maximum when it is lower.
 */
@Component
public class ModelMemoryLimits {

    private final long maxMb;

    public ModelMemoryLimits(@Value("${vigil.max-model-memory-limit:}") String max) {
        this.maxMb = max == null || max.isBlank()
                ? 0
                : Math.max(0, ByteSizes.parse(max, "vigil.max-model-memory-limit") / ByteSizes.MB);
    }

    /** Returns the maximum in megabytes, 0 when there is none. */
    public long maxMb() {
        return maxMb;
    }

    /** Returns the limit a job gets when it sets none, in megabytes. */
    public long defaultMb() {
        return AnalysisLimitsValidator.defaultMemoryMb(maxMb);
    }
}
