package io.vigil.job.domain;

import io.vigil.job.JobExpressions;
import io.vigil.job.JobState;
import io.vigil.job.persistence.JobStatsReader;
import io.vigil.job.persistence.JobStatsReader.StatsRow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * Builds the job stats of the stats API from the {@code jobs} and {@code job_stats} rows. A job that has processed
 * nothing gets zeroed counts; {@code node}, {@code open_time} and {@code assignment_explanation} appear only while
 * the job is opening, open or closing.
 */
@Service
public class JobStatsService {

    private static final Set<JobState> RUNNING = Set.of(JobState.OPENING, JobState.OPENED, JobState.CLOSING);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final JobExpressions expressions;
    private final JobStatsReader reader;
    private final ObjectMapper mapper;
    private final Environment environment;

    JobStatsService(JobExpressions expressions, JobStatsReader reader, ObjectMapper mapper, Environment environment) {
        this.expressions = expressions;
        this.reader = reader;
        this.mapper = mapper;
        this.environment = environment;
    }

    /** Returns the stats of the jobs an expression matches, sorted by job id. */
    public List<JobStats> stats(String expression, boolean allowNoMatch) {
        List<String> jobIds = expressions.expandIds(expression, allowNoMatch);
        long now = System.currentTimeMillis();
        return reader.read(jobIds).stream().map(row -> toStats(row, now)).toList();
    }

    private JobStats toStats(StatsRow row, long now) {
        JobState state = JobState.fromValue(row.state());
        boolean running = RUNNING.contains(state);
        boolean opened = state == JobState.OPENED || state == JobState.CLOSING;
        return new JobStats(
                row.jobId(),
                StatsLayout.ordered(
                        StatsLayout.DATA_COUNTS, row.jobId(), StatsLayout.zeroDataCounts(), parse(row.dataCounts())),
                StatsLayout.ordered(
                        StatsLayout.MODEL_SIZE_STATS,
                        row.jobId(),
                        StatsLayout.zeroModelSizeStats(now),
                        parse(row.modelSizeStats())),
                forecastsStats(),
                state.value(),
                running && row.nodeId() != null && !row.nodeId().isEmpty() ? node(row.nodeId()) : null,
                running ? "" : null,
                opened && row.openTime() != null ? Math.max(0, now - row.openTime()) / 1000 + "s" : null,
                StatsLayout.ordered(
                        StatsLayout.TIMING_STATS, row.jobId(), StatsLayout.zeroTimingStats(), parse(row.timingStats())),
                row.deleting() ? Boolean.TRUE : null);
    }

    private Map<String, Object> parse(String json) {
        return json == null ? Map.of() : mapper.readValue(json, MAP);
    }

    // Vigil runs no forecasts.
    private static Map<String, Object> forecastsStats() {
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("total", 0L);
        stats.put("forecasted_jobs", 0L);
        return stats;
    }

    /**
     * Describes the instance with {@code nodeId}. Vigil runs one instance per database, so the address is this
     * instance's own HTTP address.
     */
    private JobStats.Node node(String nodeId) {
        String address = environment.getProperty("server.address", "127.0.0.1") + ":"
                + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return new JobStats.Node(nodeId, nodeId, nodeId, address, Map.of());
    }
}
