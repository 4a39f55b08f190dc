package io.vigil.job.domain;

import io.vigil.job.Detector;
import java.util.regex.Pattern;

/**
 * Generates the default {@code detector_description} in Elasticsearch's format, for example
 * {@code mean(bytes) by host partitionfield=region} or {@code count over "client.ip" usenull=true}. A field name
 * with a character other than a letter, digit or underscore is double-quoted, with quotes and backslashes escaped.
 */
final class DetectorDescriptions {

    private static final Pattern NEEDS_QUOTING = Pattern.compile("\\W");

    private DetectorDescriptions() {}

    /** Describes a detector whose function is already the full name. */
    static String describe(Detector detector) {
        StringBuilder description = new StringBuilder(detector.function());
        if (detector.fieldName() != null) {
            description.append('(').append(quote(detector.fieldName())).append(')');
        }
        if (detector.byFieldName() != null) {
            description.append(" by ").append(quote(detector.byFieldName()));
        }
        if (detector.overFieldName() != null) {
            description.append(" over ").append(quote(detector.overFieldName()));
        }
        if (Boolean.TRUE.equals(detector.useNull())) {
            description.append(" usenull=true");
        }
        if (detector.partitionFieldName() != null) {
            description.append(" partitionfield=").append(quote(detector.partitionFieldName()));
        }
        if (detector.excludeFrequent() != null) {
            description.append(" excludefrequent=").append(detector.excludeFrequent());
        }
        return description.toString();
    }

    static String quote(String field) {
        if (!NEEDS_QUOTING.matcher(field).find()) {
            return field;
        }
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : field.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\');
            }
            quoted.append(c);
        }
        return quoted.append('"').toString();
    }
}
