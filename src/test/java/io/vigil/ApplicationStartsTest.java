package io.vigil;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
class ApplicationStartsTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void migrationsCreateTheResultsTables() {
        Integer tables = jdbc.queryForObject(
                "select count(*) from information_schema.tables where table_name in "
                        + "('jobs', 'buckets', 'records', 'influencers', 'categories', 'model_snapshots')",
                Integer.class);

        assertThat(tables).isEqualTo(6);
    }
}
