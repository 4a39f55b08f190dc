package io.vigil.job;

/** Published after a job's configuration was updated; {@code job} is the stored configuration. */
public record JobUpdatedEvent(Job job) {}
