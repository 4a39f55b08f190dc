package io.vigil.results.persistence;

import io.vigil.results.CategoryDefinition;
import io.vigil.results.domain.CategoriesQuery;
import io.vigil.results.domain.ResultsPage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** Reads log message categories, one by id or a page in id order. */
final class CategoryQueries {

    private static final String COLUMNS = "category_id, partition_field_name, partition_field_value, terms, regex, "
            + "max_matching_length, examples, preferred_to_categories, num_matches";

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final TypeReference<List<Long>> LONGS = new TypeReference<>() {};

    private final JdbcTemplate jdbc;
    private final ObjectMapper mapper;
    private final CountedPages pages;

    CategoryQueries(JdbcTemplate jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
        this.pages = new CountedPages(jdbc);
    }

    ResultsPage<CategoryDefinition> find(CategoriesQuery query) {
        SqlConditions conditions = new SqlConditions(query.jobId());
        if (query.categoryId() != null) {
            conditions.and("category_id = ?", query.categoryId());
        }
        if (query.partitionFieldValue() != null) {
            conditions.and("partition_field_value = ?", query.partitionFieldValue());
        }
        if (query.categoryId() != null) {
            List<CategoryDefinition> found = jdbc.query(
                    "SELECT " + COLUMNS + " FROM categories" + conditions.sql(),
                    (rs, rowNum) -> toCategory(rs, query.jobId()),
                    conditions.args());
            return new ResultsPage<>(found.size(), found);
        }
        CountedPages.Sql count =
                new CountedPages.Sql("SELECT count(*) FROM categories" + conditions.sql(), conditions.args());
        CountedPages.Sql page = new CountedPages.Sql(
                "SELECT " + COLUMNS + " FROM categories" + conditions.sql() + " ORDER BY category_id LIMIT ? OFFSET ?",
                conditions.args(query.paging().size(), query.paging().from()));
        return pages.query(count, page, "category_id", (rs, rowNum) -> toCategory(rs, query.jobId()));
    }

    private CategoryDefinition toCategory(ResultSet rs, String jobId) throws SQLException {
        return new CategoryDefinition(
                jobId,
                rs.getLong("category_id"),
                rs.getString("partition_field_name"),
                rs.getString("partition_field_value"),
                rs.getString("terms"),
                rs.getString("regex"),
                rs.getLong("max_matching_length"),
                mapper.readValue(rs.getString("examples"), STRINGS),
                "",
                mapper.readValue(rs.getString("preferred_to_categories"), LONGS),
                rs.getLong("num_matches"));
    }
}
