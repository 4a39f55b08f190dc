package io.vigil.process;

import java.util.List;

/**
 * Expands a job id expression (a comma-separated list of job ids, group names and {@code *} wildcards, or
 * {@code _all}) into the matching job ids, sorted.
 */
public interface JobExpressionResolver {

    /**
     * Returns the matching job ids.
     *
     * @throws io.vigil.common.VigilException 404 when an explicit id matches nothing, or when a wildcard matches
     *     nothing and {@code allowNoMatch} is false
     */
    List<String> resolve(String expression, boolean allowNoMatch);
}
