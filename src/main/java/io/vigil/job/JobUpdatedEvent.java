package io.vigil.job;

/**
 * Published after {@code POST _ml/anomaly_detectors/{job_id}/_update} has stored a new configuration; {@code job} is
 * the stored configuration. A running job's processor applies the new rules, descriptions and model plot settings.
 */
public record JobUpdatedEvent(Job job) {}
