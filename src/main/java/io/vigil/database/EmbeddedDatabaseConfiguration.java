package io.vigil.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Starts an embedded PostgreSQL when no datasource is configured, so the service runs with zero setup. Its data
 * directory ({@code vigil.embedded-database.data-directory}, default {@code ./data/postgres}) survives restarts.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDatasourceUrl.class)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean
    DataSource dataSource(
            @Value("${vigil.embedded-database.data-directory:data/postgres}") Path dataDirectory,
            @Value("${vigil.embedded-database.pool-size:20}") int poolSize,
            @Value("${vigil.embedded-database.clean-on-start:false}") boolean cleanOnStart,
            ConfigurableApplicationContext context) {
        EmbeddedPostgres server = EmbeddedPostgresServer.forDirectory(dataDirectory, cleanOnStart);
        EmbeddedPostgresServer.closeBeforeStopping(context);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.getJdbcUrl("postgres", "postgres"));
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("vigil-embedded");
        log.info(
                "Using embedded PostgreSQL on 127.0.0.1:{} with data directory {}",
                server.getPort(),
                dataDirectory.toAbsolutePath().normalize());
        return new HikariDataSource(config);
    }

    /** Matches when {@code spring.datasource.url} is not set (for example through SPRING_DATASOURCE_URL). */
    static final class NoDatasourceUrl implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("spring.datasource.url");
            return url == null || url.isBlank();
        }
    }
}
