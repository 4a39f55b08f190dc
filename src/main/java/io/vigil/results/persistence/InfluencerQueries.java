package io.vigil.results.persistence;

import io.vigil.results.Influencer;
import io.vigil.results.domain.InfluencersQuery;
import io.vigil.results.domain.Paging;
import io.vigil.results.domain.ResultsPage;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads influencers. */
final class InfluencerQueries {

    private static final String COLUMNS = "timestamp, bucket_span, influencer_field_name, influencer_field_value, "
            + "influencer_score, initial_influencer_score, probability, is_interim, scored_at";

    private final CountedPages pages;

    InfluencerQueries(JdbcTemplate jdbc) {
        this.pages = new CountedPages(jdbc);
    }

    ResultsPage<Influencer> find(InfluencersQuery query) {
        SqlConditions conditions = new SqlConditions(query.jobId())
                .and(query.filters())
                .andScoreAtLeast("influencer_score", query.influencerScore());
        CountedPages.Sql count = CountedPages.count(
                "influencers", "influencer", query.filters(), query.influencerScore(), conditions, query.jobId());
        Paging paging = query.paging();
        CountedPages.Sql page = new CountedPages.Sql(
                "SELECT " + COLUMNS + " FROM influencers" + conditions.sql() + SortClauses.influencers(query.sort())
                        + " LIMIT ? OFFSET ?",
                conditions.args(paging.size(), paging.from()));
        boolean withScoredAt = query.filters().withScoredAt();
        return pages.query(
                count,
                page,
                "influencer_field_name",
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
                        withScoredAt ? rs.getLong("scored_at") : null));
    }
}
