package io.vigil.process;

import io.vigil.job.AnalysisLimits;
import io.vigil.job.Job;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/** Reads a job's {@code analysis_limits.model_memory_limit} in bytes; the default is 1024 MB, as in Elasticsearch. */
final class ModelMemoryLimit {

    private static final long MB = 1024L * 1024;
    private static final long DEFAULT_BYTES = 1024 * MB;

    private ModelMemoryLimit() {}

    static long bytes(Job job) {
        AnalysisLimits limits = job.analysisLimits();
        JsonNode value = limits == null ? null : limits.modelMemoryLimit();
        if (value == null || value.isNull()) {
            return DEFAULT_BYTES;
        }
        if (value.isNumber()) {
            return value.asLong() * MB;
        }
        return parse(value.asString().trim().toLowerCase(Locale.ROOT));
    }

    private static long parse(String text) {
        String[][] units = {
            {"kb", "1024"},
            {"mb", "1048576"},
            {"gb", "1073741824"},
            {"tb", "1099511627776"},
            {"k", "1024"},
            {"m", "1048576"},
            {"g", "1073741824"},
            {"t", "1099511627776"},
            {"b", "1"}
        };
        for (String[] unit : units) {
            if (text.endsWith(unit[0])) {
                String number =
                        text.substring(0, text.length() - unit[0].length()).trim();
                return (long) (Double.parseDouble(number) * Long.parseLong(unit[1]));
            }
        }
        return Long.parseLong(text) * MB;
    }
}
