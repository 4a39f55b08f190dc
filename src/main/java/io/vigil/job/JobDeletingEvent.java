package io.vigil.job;

/** Published before a job is deleted; listeners release what they hold for it. {@code force} deletes an open job. */
public record JobDeletingEvent(String jobId, boolean force) {}
