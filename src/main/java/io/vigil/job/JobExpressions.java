package io.vigil.job;

import io.vigil.common.VigilException;
import io.vigil.job.domain.JobIds;
import io.vigil.job.persistence.JobRepository;
import io.vigil.job.persistence.JobRepository.IdAndGroups;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * Resolves job expressions, as get jobs, job stats, close and overall buckets take them: a comma-separated list of
 * job ids, group names and {@code *} wildcards, where {@code _all}, {@code *} or an empty expression mean every job.
 *
 * <p>An exact token that matches no job id and no group is always a 404. With {@code allow_no_match=true}, wildcard
 * tokens and {@code _all} may match nothing; with {@code false} each of them must match at least one job. The 404
 * names the tokens that matched nothing: "No known job with id 'a,b*'".
 */
@Service
public class JobExpressions {

    private final JobRepository jobs;

    JobExpressions(JobRepository jobs) {
        this.jobs = jobs;
    }

    /**
     * Returns the ids of the jobs the expression matches, sorted.
     *
     * @throws VigilException 404 {@code resource_not_found_exception} for tokens that must match and did not
     */
    public List<String> expandIds(String expression, boolean allowNoMatch) {
        List<String> tokens = tokenize(expression);
        List<IdAndGroups> all = jobs.findAllIdsAndGroups();
        if (isAll(tokens)) {
            if (all.isEmpty() && !allowNoMatch) {
                throw VigilException.jobNotFound(tokens.isEmpty() ? JobIds.ALL : tokens.get(0));
            }
            return all.stream().map(IdAndGroups::getJobId).toList();
        }

        TreeSet<String> matched = new TreeSet<>();
        List<String> unmatched = new ArrayList<>();
        for (String token : tokens) {
            List<String> ids = match(token, all);
            matched.addAll(ids);
            boolean wildcard = token.contains("*");
            if (ids.isEmpty() && (!wildcard || !allowNoMatch)) {
                unmatched.add(token);
            }
        }
        if (!unmatched.isEmpty()) {
            throw VigilException.jobNotFound(String.join(",", unmatched));
        }
        return List.copyOf(matched);
    }

    private static List<String> tokenize(String expression) {
        if (expression == null) {
            return List.of();
        }
        return Arrays.stream(expression.split(","))
                .map(String::trim)
                .filter(token -> !token.isEmpty())
                .toList();
    }

    private static boolean isAll(List<String> tokens) {
        return tokens.isEmpty() || (tokens.size() == 1 && (tokens.get(0).equals(JobIds.ALL) || isStars(tokens.get(0))));
    }

    private static boolean isStars(String token) {
        return token.chars().allMatch(c -> c == '*');
    }

    /** Returns the ids of jobs whose id or one of whose groups matches the token. */
    private static List<String> match(String token, List<IdAndGroups> all) {
        Pattern pattern = token.contains("*") ? wildcard(token) : null;
        List<String> ids = new ArrayList<>();
        for (IdAndGroups job : all) {
            boolean matches = matches(token, pattern, job.getJobId());
            for (String group : job.getGroups()) {
                matches |= matches(token, pattern, group);
            }
            if (matches) {
                ids.add(job.getJobId());
            }
        }
        return ids;
    }

    private static boolean matches(String token, Pattern pattern, String name) {
        return pattern == null ? token.equals(name) : pattern.matcher(name).matches();
    }

    /** Compiles a token in which {@code *} matches any run of characters and everything else is literal. */
    private static Pattern wildcard(String token) {
        List<String> literals =
                Arrays.stream(token.split("\\*", -1)).map(Pattern::quote).toList();
        return Pattern.compile(String.join(".*", literals));
    }
}
