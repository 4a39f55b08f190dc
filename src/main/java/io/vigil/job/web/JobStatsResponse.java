package io.vigil.job.web;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.vigil.job.domain.JobStats;
import java.util.List;

/** The response of the job stats API: the number of matching jobs and their statistics, sorted by job id. */
@JsonPropertyOrder({"count", "jobs"})
record JobStatsResponse(long count, List<JobStats> jobs) {}
