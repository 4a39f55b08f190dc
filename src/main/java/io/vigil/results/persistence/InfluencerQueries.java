package io.vigil.results.persistence;

import io.vigil.results.Influencer;
import io.vigil.results.domain.InfluencersQuery;
import io.vigil.results.domain.Paging;
import io.vigil.results.domain.ResultsPage;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads influencers. */
final class InfluencerQueries {

    private static final String COLUMNS = "timestamp, bucket_span, influencer_field_name, influencer_field_value, "
            + "influencer_score, initial_influencer_score, probability, is_interim, scored_at";

    private final JdbcTemplate jdbc;
    private final ResultCounts counts;

    InfluencerQueries(JdbcTemplate jdbc, ResultCounts counts) {
        this.jdbc = jdbc;
        this.counts = counts;
    }

    ResultsPage<Influencer> find(InfluencersQuery query) {
        SqlConditions conditions = new SqlConditions(query.jobId())
                .and(query.filters())
                .andScoreAtLeast("influencer_score", query.influencerScore());
        long count = counts.count(
                "influencers", "influencer", query.jobId(), query.filters(), query.influencerScore(), conditions);
        Paging paging = query.paging();
        if (paging.size() == 0) {
            return new ResultsPage<>(count, List.of());
        }
        boolean withScoredAt = query.filters().withScoredAt();
        List<Influencer> influencers = jdbc.query(
                "SELECT " + COLUMNS + " FROM influencers" + conditions.sql() + SortClauses.influencers(query.sort())
                        + " LIMIT ? OFFSET ?",
                (rs, rowNum) -> new Influencer(
                        query.jobId(),
                        rs.getString("influencer_field_name"),
                        rs.getString("influencer_field_value"),
                        rs.getDouble("influencer_score"),
                        rs.getDouble("initial_influencer_score"),
                        rs.getDouble("probability"),
                        rs.getLong("bucket_span"),
                        rs.getBoolean("is_interim"),
                        rs.getLong("timestamp"),
                        withScoredAt ? rs.getLong("scored_at") : null),
                conditions.args(paging.size(), paging.from()));
        return new ResultsPage<>(count, influencers);
    }
}
