package io.vigil.job;

/**
 * Published synchronously before a job is deleted, so that a listener can stop the job's processor first. With
 * {@code force} false the delete is rejected if the job is still not closed after the listeners have run.
 */
public record JobDeletingEvent(String jobId, boolean force) {}
