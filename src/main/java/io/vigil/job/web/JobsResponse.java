package io.vigil.job.web;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.vigil.job.Job;
import java.util.List;

/** The response of {@code GET _ml/anomaly_detectors}: the number of matching jobs and their configurations. */
@JsonPropertyOrder({"count", "jobs"})
record JobsResponse(long count, List<Job> jobs) {}
