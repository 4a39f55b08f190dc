package io.vigil.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;

/** Jobs left open reopen before the web server accepts requests, so no client sees their state before rollback. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReopenJobsOnStartTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    ReopenJobsOnStart reopen;

    @Test
    void reopenRunsBeforeWebServerStarts() {
        Map<String, SmartLifecycle> lifecycles = context.getBeansOfType(SmartLifecycle.class);
        SmartLifecycle webServer = lifecycles.values().stream()
                .filter(lifecycle -> lifecycle.getClass().getSimpleName().equals("WebServerStartStopLifecycle"))
                .findFirst()
                .orElseThrow();

        assertThat(reopen.isRunning()).isTrue();
        assertThat(reopen.getPhase()).isLessThan(webServer.getPhase());
    }
}
