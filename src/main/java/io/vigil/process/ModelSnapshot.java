package io.vigil.process;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A saved processor state of a job in Elasticsearch's model snapshot shape. {@code snapshotId} is the epoch second
 * at which it was saved; the latest record and result times are epoch milliseconds.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "job_id",
    "min_version",
    "timestamp",
    "description",
    "snapshot_id",
    "snapshot_doc_count",
    "model_size_stats",
    "latest_record_time_stamp",
    "latest_result_time_stamp",
    "retain"
})
public record ModelSnapshot(
        String jobId,
        String minVersion,
        long timestamp,
        String description,
        String snapshotId,
        int snapshotDocCount,
        Map<String, Object> modelSizeStats,
        Long latestRecordTimeStamp,
        Long latestResultTimeStamp,
        boolean retain) {}
