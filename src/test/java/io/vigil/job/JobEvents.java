package io.vigil.job;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Records the events the job API publishes and acts as the job processor does on a forced delete: it closes the
 * job before the delete goes on.
 */
@TestConfiguration
class JobEvents {

    final List<JobUpdatedEvent> updated = new CopyOnWriteArrayList<>();
    final List<JobDeletingEvent> deleting = new CopyOnWriteArrayList<>();
    final List<FilterUpdatedEvent> filters = new CopyOnWriteArrayList<>();

    private final JdbcTemplate jdbc;

    JobEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(JobUpdatedEvent event) {
        updated.add(event);
    }

    @EventListener
    void on(JobDeletingEvent event) {
        deleting.add(event);
        if (event.force()) {
            jdbc.update("update jobs set state = 'closed', node_id = null where job_id = ?", event.jobId());
        }
    }

    @EventListener
    void on(FilterUpdatedEvent event) {
        filters.add(event);
    }

    void clear() {
        updated.clear();
        deleting.clear();
        filters.clear();
    }
}
