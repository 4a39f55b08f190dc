package io.vigil.job.domain;

import io.vigil.common.VigilException;
import java.util.regex.Pattern;

/**
 * Rules for job, group and filter ids: lowercase letters, digits, hyphens and underscores, starting and ending with
 * a letter or digit, at most 64 characters, and never {@code _all}. Messages are Elasticsearch's (x-pack
 * {@code Messages.INVALID_ID}, {@code INVALID_GROUP} and {@code JOB_CONFIG_ID_TOO_LONG}).
 */
public final class JobIds {

    // Elasticsearch also accepts '.' inside ids without documenting it; Vigil keeps to the documented characters.
    private static final Pattern VALID_ID = Pattern.compile("[a-z0-9](?:[a-z0-9_\\-]*[a-z0-9])?");

    /** The expression that means every job. */
    public static final String ALL = "_all";

    private JobIds() {}

    public static boolean isValid(String id) {
        return id != null && VALID_ID.matcher(id).matches() && !ALL.equals(id);
    }

    /**
     * Checks a job id.
     *
     * @throws VigilException 400 {@code illegal_argument_exception} with the Elasticsearch message
     */
    public static void checkJobId(String jobId) {
        checkId("job_id", jobId);
        if (jobId.length() > JobDefaults.MAX_ID_LENGTH) {
            throw ConfigErrors.illegalArgument(
                    "The job id cannot contain more than " + JobDefaults.MAX_ID_LENGTH + " characters.");
        }
    }

    /** Checks an id named {@code fieldName} (for example {@code filter_id}) against the id characters. */
    public static void checkId(String fieldName, String id) {
        if (!isValid(id)) {
            throw ConfigErrors.illegalArgument("Invalid " + fieldName + "; '" + id + "' can contain lowercase "
                    + "alphanumeric (a-z and 0-9), hyphens or underscores; must start and end with alphanumeric");
        }
    }

    public static void checkGroup(String group) {
        if (!isValid(group)) {
            throw ConfigErrors.illegalArgument("Invalid group id '" + group + "'; must be non-empty string and may "
                    + "contain lowercase alphanumeric (a-z and 0-9), hyphens or underscores; must start and end with "
                    + "alphanumeric");
        }
    }

    /** 400 {@code resource_already_exists_exception} for a group named like a job. */
    public static VigilException jobAndGroupNameClash(String name) {
        return VigilException.alreadyExists("job and group names must be unique but job [" + name + "] and group ["
                + name + "] have the same name");
    }
}
