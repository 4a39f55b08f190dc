package io.vigil.job.domain;

/**
 * Checks names of analysed fields: they cannot contain a double quote, a backslash or a control character, and
 * cannot be {@code .}, which Elasticsearch reserves for control messages. Messages are Elasticsearch's.
 */
final class FieldNames {

    private FieldNames() {}

    static void check(String field) {
        if (field == null) {
            return;
        }
        boolean invalidChar = field.indexOf('"') >= 0
                || field.indexOf('\\') >= 0
                || field.chars().anyMatch(Character::isISOControl);
        if (invalidChar) {
            throw ConfigErrors.invalid("Invalid field name '" + field + "'. Field names including over, by and "
                    + "partition fields cannot contain any of these characters: \",\\");
        }
        if (field.equals(".")) {
            throw ConfigErrors.invalid(
                    "Invalid field name '.'. Field names including over, by and partition " + "fields cannot be '.'");
        }
    }
}
