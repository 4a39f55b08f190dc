package io.vigil.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Logs which configured PostgreSQL server the service uses, so operators can tell it from the embedded one. */
@Component
class ExternalDatabaseLogger {

    private static final Logger log = LoggerFactory.getLogger(ExternalDatabaseLogger.class);

    private final Environment environment;

    ExternalDatabaseLogger(Environment environment) {
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void logDatabase() {
        String url = environment.getProperty("spring.datasource.url");
        if (url != null && !url.isBlank()) {
            log.info(
                    "Using PostgreSQL server at {} as user {}",
                    url,
                    environment.getProperty("spring.datasource.username", "(default)"));
        }
    }
}
