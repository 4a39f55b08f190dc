package io.vigil.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** The per-job result counters follow every write to the result tables, from any writer. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ResultCountsTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void countersFollowInsertsUpdatesAndDeletes() {
        String job = "counts-follow-writes";
        for (int i = 0; i < 5; i++) {
            jdbc.update(
                    "INSERT INTO records (job_id, timestamp, bucket_span, detector_index, series_key, probability, "
                            + "is_interim) VALUES (?, ?, 60, 0, '-|-|-', 0.5, ?)",
                    job,
                    i * 60_000L,
                    i >= 3);
        }
        assertCounts(job, "record", 5, 2);

        jdbc.update("UPDATE records SET is_interim = false WHERE job_id = ? AND timestamp = 180000", job);
        assertCounts(job, "record", 5, 1);

        jdbc.update("UPDATE records SET record_score = 50 WHERE job_id = ?", job);
        assertCounts(job, "record", 5, 1);

        jdbc.update("DELETE FROM records WHERE job_id = ? AND timestamp < 120000", job);
        assertCounts(job, "record", 3, 1);

        jdbc.update("DELETE FROM records WHERE job_id = ?", job);
        assertCounts(job, "record", 0, 0);
    }

    @Test
    void upsertThatFinalizesInterimMovesCount() {
        String job = "counts-upsert";
        String upsert = "INSERT INTO buckets (job_id, timestamp, bucket_span, is_interim) VALUES (?, 0, 60, ?) "
                + "ON CONFLICT (job_id, timestamp) DO UPDATE SET is_interim = excluded.is_interim";

        jdbc.update(upsert, job, true);
        assertCounts(job, "bucket", 1, 1);

        jdbc.update(upsert, job, false);
        assertCounts(job, "bucket", 1, 0);
    }

    @Test
    void countersAreKeptPerJob() {
        jdbc.update("INSERT INTO influencers (job_id, timestamp, bucket_span, influencer_field_name, "
                + "influencer_field_value) VALUES ('counts-job-a', 0, 60, 'host', 'a'), "
                + "('counts-job-a', 0, 60, 'host', 'b'), ('counts-job-b', 0, 60, 'host', 'a')");

        assertCounts("counts-job-a", "influencer", 2, 0);
        assertCounts("counts-job-b", "influencer", 1, 0);
    }

    private void assertCounts(String job, String resultType, long total, long interim) {
        Map<String, Object> counters = jdbc.queryForMap(
                "SELECT coalesce(sum(total), 0) AS total, coalesce(sum(interim), 0) AS interim FROM result_counts "
                        + "WHERE job_id = ? AND result_type = ?",
                job,
                resultType);
        String table = resultType + "s";
        Long counted = jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE job_id = ?", Long.class, job);

        assertThat(((Number) counters.get("total")).longValue()).isEqualTo(total);
        assertThat(((Number) counters.get("interim")).longValue()).isEqualTo(interim);
        assertThat(counted).isEqualTo(total);
    }
}
