package io.vigil.process;

import io.vigil.common.VigilException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Resolves job expressions against the job ids and groups of the {@code jobs} table. A token that is an exact id
 * or group and matches nothing is always an error; a wildcard or {@code _all} may match nothing unless
 * {@code allow_no_match} is false.
 */
// TODO: replace with the job registry's expression service once it exists, so that every endpoint resolves
// expressions the same way.
@Component
class TableJobExpressionResolver implements JobExpressionResolver {

    private final JdbcTemplate jdbc;

    TableJobExpressionResolver(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> resolve(String expression, boolean allowNoMatch) {
        List<JobIdAndGroups> jobs = jdbc.query(
                "select job_id, groups from jobs order by job_id",
                (row, index) -> new JobIdAndGroups(
                        row.getString(1), List.of((String[]) row.getArray(2).getArray())));
        String trimmed = expression == null ? "" : expression.trim();
        if (trimmed.isEmpty() || trimmed.equals("_all") || trimmed.equals("*")) {
            if (jobs.isEmpty() && !allowNoMatch) {
                throw VigilException.jobNotFound(trimmed.isEmpty() ? "_all" : trimmed);
            }
            return jobs.stream().map(JobIdAndGroups::jobId).toList();
        }
        Set<String> matched = new TreeSet<>();
        List<String> unmatched = new ArrayList<>();
        for (String token : trimmed.split(",")) {
            String name = token.trim();
            boolean wildcard = name.contains("*");
            Pattern pattern = Pattern.compile(Pattern.quote(name).replace("*", "\\E.*\\Q"));
            boolean any = false;
            for (JobIdAndGroups job : jobs) {
                if (job.matches(pattern)) {
                    matched.add(job.jobId());
                    any = true;
                }
            }
            if (!any && (!wildcard || !allowNoMatch)) {
                unmatched.add(name);
            }
        }
        if (!unmatched.isEmpty()) {
            throw VigilException.jobNotFound(String.join(",", unmatched));
        }
        return List.copyOf(matched);
    }

    private record JobIdAndGroups(String jobId, List<String> groups) {

        boolean matches(Pattern pattern) {
            return pattern.matcher(jobId).matches()
                    || groups.stream().anyMatch(group -> pattern.matcher(group).matches());
        }
    }
}
