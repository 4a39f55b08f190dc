package io.vigil.process;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Opens again, from their snapshots, the jobs that were open when the service stopped. It runs in a lifecycle phase
 * before the web server starts listening. So no client reads a reopened job's data counts or results from before
 * the rollback to its snapshot, and none posts data to the job before it is open.
 */
@Component
class ReopenJobsOnStart implements SmartLifecycle {

    /** Earlier than the phase in which the web server starts, {@code DEFAULT_PHASE - 2048} in Spring Boot 4.1. */
    private static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private final JobProcessors processors;
    private volatile boolean running;

    ReopenJobsOnStart(JobProcessors processors) {
        this.processors = processors;
    }

    @Override
    public void start() {
        if (processors.reopenOnStart()) {
            processors.reopenJobsLeftOpen();
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
