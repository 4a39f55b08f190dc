package io.vigil.job.domain;

import io.vigil.job.AnalysisLimits;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.StringNode;

/**
 * Validates {@code analysis_limits} and normalizes {@code model_memory_limit} to whole megabytes: a number means
 * megabytes, a string is a byte size ({@code "3000g"} becomes {@code "3072000mb"}). Messages are Elasticsearch's
 * (x-pack {@code AnalysisLimits}).
 */
final class AnalysisLimitsValidator {

    private AnalysisLimitsValidator() {}

    /**
     * Returns complete limits: values missing from {@code requested} come from {@code current}, or from the
     * defaults when {@code current} is null. The default memory limit is capped at {@code maxModelMemoryLimitMb}.
     *
     * @param maxModelMemoryLimitMb the configured maximum in megabytes, 0 when there is none
     */
    static AnalysisLimits validate(AnalysisLimits requested, AnalysisLimits current, long maxModelMemoryLimitMb) {
        long memoryMb =
                current != null ? megabytes(current.modelMemoryLimit()) : defaultMemoryMb(maxModelMemoryLimitMb);
        long examples =
                current != null ? current.categorizationExamplesLimit() : JobDefaults.CATEGORIZATION_EXAMPLES_LIMIT;
        if (requested != null && requested.modelMemoryLimit() != null) {
            memoryMb = megabytes(requested.modelMemoryLimit());
        }
        if (requested != null && requested.categorizationExamplesLimit() != null) {
            examples = requested.categorizationExamplesLimit();
        }

        if (memoryMb < 1) {
            throw ConfigErrors.invalid("model_memory_limit must be at least 1 MiB. Value = " + memoryMb);
        }
        ConfigErrors.checkNotLessThan("categorization_examples_limit", 0, examples);
        if (maxModelMemoryLimitMb > 0 && memoryMb > maxModelMemoryLimitMb) {
            throw ConfigErrors.invalid("model_memory_limit [" + ByteSizes.format(memoryMb * ByteSizes.MB)
                    + "] must be less than the value of the vigil.max-model-memory-limit setting ["
                    + ByteSizes.format(maxModelMemoryLimitMb * ByteSizes.MB) + "]");
        }
        return new AnalysisLimits(StringNode.valueOf(memoryMb + "mb"), examples);
    }

    /** Returns the default memory limit: 1024 MB, or the configured maximum when that is lower. */
    static long defaultMemoryMb(long maxModelMemoryLimitMb) {
        return maxModelMemoryLimitMb > 0
                ? Math.min(JobDefaults.MODEL_MEMORY_LIMIT_MB, maxModelMemoryLimitMb)
                : JobDefaults.MODEL_MEMORY_LIMIT_MB;
    }

    /** Reads a {@code model_memory_limit} value (a number of megabytes or a byte size string) in megabytes. */
    static long megabytes(JsonNode value) {
        if (value.isIntegralNumber()) {
            return value.asLong();
        }
        if (value.isString()) {
            return Math.floorDiv(ByteSizes.parse(value.asString(), "model_memory_limit"), ByteSizes.MB);
        }
        throw ConfigErrors.illegalArgument("model_memory_limit [" + value
                + "] is not valid; give a number of megabytes or a byte size such as \"512mb\"");
    }
}
