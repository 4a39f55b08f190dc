package io.vigil.process;

import io.vigil.common.VigilException;
import io.vigil.job.DetectionRule;
import io.vigil.job.Detector;
import io.vigil.job.Job;
import io.vigil.job.MlFilter;
import io.vigil.job.domain.FilterService;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Looks up the items of the filters that a job's custom rule scopes refer to, for the job's analyzer. */
@Component
class RuleFilters {

    private static final Logger log = LoggerFactory.getLogger(RuleFilters.class);

    private final FilterService filters;

    RuleFilters(FilterService filters) {
        this.filters = filters;
    }

    /** Returns the ids of the filters the job's custom rules refer to. */
    static Set<String> referencedBy(Job job) {
        Set<String> ids = new TreeSet<>();
        if (job.analysisConfig() == null || job.analysisConfig().detectors() == null) {
            return ids;
        }
        for (Detector detector : job.analysisConfig().detectors()) {
            if (detector.customRules() == null) {
                continue;
            }
            for (DetectionRule rule : detector.customRules()) {
                if (rule.scope() != null) {
                    rule.scope().values().forEach(ref -> ids.add(ref.filterId()));
                }
            }
        }
        return ids;
    }

    /**
     * Returns the items of each filter the job refers to, by filter id. A filter that no longer exists is left out,
     * so its scopes match as an empty filter, and a warning names it.
     */
    Map<String, Set<String>> itemsFor(Job job) {
        Map<String, Set<String>> items = new HashMap<>();
        for (String filterId : referencedBy(job)) {
            try {
                MlFilter filter = filters.get(filterId);
                items.put(filterId, Set.copyOf(filter.items()));
            } catch (VigilException e) {
                log.warn(
                        "[{}] Filter [{}] of a custom rule scope was not found; the scope matches it as empty",
                        job.jobId(),
                        filterId);
            }
        }
        return items;
    }
}
