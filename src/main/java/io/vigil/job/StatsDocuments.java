package io.vigil.job;

import io.vigil.job.domain.StatsLayout;
import java.util.Map;

/** Puts the stats documents that other features store as jsonb, which loses key order, back into the API's order. */
public final class StatsDocuments {

    private StatsDocuments() {}

    /** Returns {@code stored} as a {@code model_size_stats} object in Elasticsearch's field order. */
    public static Map<String, Object> orderedModelSizeStats(String jobId, Map<String, Object> stored) {
        return StatsLayout.ordered(StatsLayout.MODEL_SIZE_STATS, jobId, Map.of(), stored);
    }
}
