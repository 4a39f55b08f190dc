package io.vigil.process;

import io.swagger.v3.oas.annotations.Operation;
import io.vigil.common.DateParser;
import io.vigil.common.VigilException;
import io.vigil.job.JobRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Lists a job's model snapshots: {@code GET|POST .../model_snapshots[/{snapshot_id}]}. */
@RestController
class ModelSnapshotController {

    private static final String ACTION = "cluster:monitor/xpack/ml/job/model_snapshots/get";
    private static final Set<String> QUERY_OPTIONS = Set.of("start", "end", "sort", "desc", "from", "size");
    private static final Set<String> BODY_OPTIONS =
            Set.of("start", "end", "sort", "desc", "page", "job_id", "snapshot_id");
    private static final Map<String, String> SORT_COLUMNS = Map.of(
            "timestamp", "timestamp",
            "snapshot_id", "snapshot_id",
            "description", "description",
            "min_version", "min_version",
            "latest_record_time_stamp", "latest_record_time_stamp",
            "latest_result_time_stamp", "latest_result_time_stamp",
            "retain", "retain",
            "snapshot_doc_count", "snapshot_doc_count");

    private final SnapshotStore store;
    private final JobRegistry jobs;
    private final DateParser dates = DateParser.systemUtc();

    ModelSnapshotController(SnapshotStore store, JobRegistry jobs) {
        this.store = store;
        this.jobs = jobs;
    }

    @Operation(summary = "List a job's model snapshots")
    @RequestMapping(
            path = "/_ml/anomaly_detectors/{job_id}/model_snapshots",
            method = {RequestMethod.GET, RequestMethod.POST})
    Map<String, Object> list(
            @PathVariable("job_id") String jobId,
            @RequestParam Map<String, String> query,
            @RequestBody(required = false) Map<String, Object> body) {
        return find(jobId, null, query, body);
    }

    @Operation(summary = "Get model snapshots by id or pattern")
    @RequestMapping(
            path = "/_ml/anomaly_detectors/{job_id}/model_snapshots/{snapshot_id}",
            method = {RequestMethod.GET, RequestMethod.POST})
    Map<String, Object> get(
            @PathVariable("job_id") String jobId,
            @PathVariable("snapshot_id") String snapshotId,
            @RequestParam Map<String, String> query,
            @RequestBody(required = false) Map<String, Object> body) {
        return find(jobId, snapshotId, query, body);
    }

    private Map<String, Object> find(
            String jobId, String snapshotId, Map<String, String> query, Map<String, Object> body) {
        boolean hasBody = body != null && !body.isEmpty();
        RequestOptions options = RequestOptions.of(query, body, hasBody ? BODY_OPTIONS : QUERY_OPTIONS, ACTION);
        if (!jobs.exists(jobId)) {
            throw VigilException.jobNotFound(jobId);
        }
        StringBuilder where = new StringBuilder();
        List<Object> parameters = new ArrayList<>();
        addSnapshotIdFilter(snapshotId, where, parameters);
        addTimeFilter(options, where, parameters);
        String sort = options.text("sort") == null ? "timestamp" : options.text("sort");
        String column = SORT_COLUMNS.get(sort);
        if (column == null) {
            throw VigilException.badRequest("Invalid value [" + sort + "] for parameter [sort]; use one of "
                    + SORT_COLUMNS.keySet().stream().sorted().toList());
        }
        String direction = options.bool("desc", false) ? " desc" : " asc";
        String orderBy = column + direction + ", snapshot_id" + direction;
        Map<String, Object> page = hasBody ? options.object("page") : Map.of();
        int from = hasBody ? new RequestOptions.Page(page).from() : options.integer("from", 0);
        int size = hasBody ? new RequestOptions.Page(page).size() : options.integer("size", 100);
        RequestOptions.Page.check(from, size);

        long count = store.count(jobId, where.toString(), parameters);
        if (snapshotId != null && !isPattern(snapshotId) && count == 0) {
            throw VigilException.notFound(
                    "No model snapshot with id [" + snapshotId + "] exists for job [" + jobId + "]");
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("count", count);
        response.put("model_snapshots", store.find(jobId, where.toString(), parameters, orderBy, from, size));
        return response;
    }

    private static void addSnapshotIdFilter(String snapshotId, StringBuilder where, List<Object> parameters) {
        if (snapshotId == null || snapshotId.equals("_all") || snapshotId.equals("*")) {
            return;
        }
        List<String> patterns = new ArrayList<>();
        for (String token : snapshotId.split(",")) {
            patterns.add(token.trim()
                    .replace("\\", "\\\\")
                    .replace("%", "\\%")
                    .replace("_", "\\_")
                    .replace('*', '%'));
        }
        where.append(" and (");
        for (int i = 0; i < patterns.size(); i++) {
            where.append(i == 0 ? "" : " or ").append("snapshot_id like ?");
            parameters.add(patterns.get(i));
        }
        where.append(')');
    }

    private void addTimeFilter(RequestOptions options, StringBuilder where, List<Object> parameters) {
        String start = options.text("start");
        String end = options.text("end");
        if (start != null) {
            where.append(" and timestamp >= ?");
            parameters.add(dates.parseResultsDate("start", start));
        }
        if (end != null) {
            where.append(" and timestamp < ?");
            parameters.add(dates.parseResultsDate("end", end));
        }
    }

    private static boolean isPattern(String snapshotId) {
        return snapshotId.contains("*") || snapshotId.contains(",") || snapshotId.equals("_all");
    }
}
