package io.vigil.job.domain;

import io.vigil.common.VigilException;
import java.util.Locale;
import org.springframework.http.HttpStatus;

/**
 * Errors of job and filter configuration. Elasticsearch reports most configuration checks as a 400
 * {@code status_exception} and argument checks as a 400 {@code illegal_argument_exception}; Vigil keeps the same
 * types so that clients matching on them keep working.
 */
final class ConfigErrors {

    private ConfigErrors() {}

    /** 400 {@code status_exception}: the configuration breaks a rule. */
    static VigilException invalid(String reason) {
        return VigilException.statusError(HttpStatus.BAD_REQUEST, reason);
    }

    /** 400 {@code illegal_argument_exception}: an argument has an invalid value. */
    static VigilException illegalArgument(String reason) {
        return VigilException.badRequest(reason);
    }

    /**
     * Rejects a value below {@code minimum} with the Elasticsearch message
     * "{name} cannot be less than {minimum}. Value = {value}" (numbers with thousands separators).
     */
    static void checkNotLessThan(String name, long minimum, Long value) {
        if (value != null && value < minimum) {
            throw illegalArgument(name + " cannot be less than " + grouped(minimum) + ". Value = " + grouped(value));
        }
    }

    private static String grouped(long number) {
        return String.format(Locale.ROOT, "%,d", number);
    }
}
