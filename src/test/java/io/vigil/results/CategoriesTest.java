package io.vigil.results;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.categorization.GrokPatternCreator;
import io.vigil.results.ResultsApi.Response;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Categories: paging in id order, lookup by id, the partition filter and their errors. */
class CategoriesTest extends ResultsApiTestBase {

    private static final String JOB = "categories-read";
    private static final String CATEGORIES = resultsPath(JOB, "categories");

    @BeforeAll
    void loadCategories() {
        jobs.closedJob(JOB);
        jobs.closedJob("categories-unrelated");
        importOk(
                JOB,
                category(3, "p1") + ",\"preferred_to_categories\":[1],\"num_matches\":4}",
                category(1, "p1") + ",\"examples\":[\"user b failed\",\"user a failed\",\"user a failed\"]}",
                category(2, "p2") + "}");
        importOk("categories-unrelated", category(4, "p1") + "}");
    }

    private static String category(long id, String partition) {
        return "{\"job_id\":\"" + (id == 4 ? "categories-unrelated" : JOB) + "\",\"category_id\":" + id
                + ",\"partition_field_name\":\"service\",\"partition_field_value\":\"" + partition + "\","
                + "\"terms\":\"user failed\",\"regex\":\".*?user.+?failed.*\",\"max_matching_length\":20";
    }

    @Test
    void categoriesArePagedInIdOrder() {
        Response all = api.get(CATEGORIES);
        Response page = api.get(CATEGORIES + "?from=1&size=1");
        Response bodyPage = api.post(CATEGORIES, "{\"page\":{\"from\":1,\"size\":1}}");

        assertThat(all.json().get("count").asLong()).isEqualTo(3);
        assertThat(values(all, "categories", "category_id")).containsExactly("1", "2", "3");
        assertThat(page.json().get("count").asLong()).isEqualTo(3);
        assertThat(values(page, "categories", "category_id")).containsExactly("2");
        assertThat(values(bodyPage, "categories", "category_id")).containsExactly("2");
    }

    @Test
    void categoryDocumentHasContractFieldsInOrder() {
        JsonNode first = api.get(CATEGORIES + "/1").json().get("categories").get(0);
        JsonNode third = api.get(CATEGORIES + "/3").json().get("categories").get(0);

        assertThat(first.propertyNames())
                .containsExactly(
                        "job_id",
                        "category_id",
                        "partition_field_name",
                        "partition_field_value",
                        "terms",
                        "regex",
                        "max_matching_length",
                        "examples",
                        "grok_pattern",
                        "service");
        assertThat(first.get("examples").toString()).isEqualTo("[\"user a failed\",\"user b failed\"]");
        assertThat(first.get("grok_pattern").asString())
                .isEqualTo(GrokPatternCreator.create(".*?user.+?failed.*", List.of("user a failed", "user b failed")));
        assertThat(first.get("grok_pattern").asString()).startsWith(".*?user");
        assertThat(first.get("service").asString()).isEqualTo("p1");
        assertThat(third.get("preferred_to_categories").toString()).isEqualTo("[1]");
        assertThat(third.get("num_matches").asLong()).isEqualTo(4);
    }

    @Test
    void missingCategoryIsEmptyPage() {
        Response response = api.get(CATEGORIES + "/99");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("count").asLong()).isZero();
        assertThat(response.json().get("categories").size()).isZero();
    }

    @Test
    void otherJobsCategoriesAreHidden() {
        Response response = api.get(CATEGORIES + "/4");

        assertThat(response.json().get("count").asLong()).isZero();
    }

    @Test
    void nonNumericPathIdIsBadRequest() {
        Response response = api.get(CATEGORIES + "/one");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorReason()).contains("[category_id]").contains("[one]");
    }

    @Test
    void categoryIdWithPagingIsRejected() {
        Response query = api.get(CATEGORIES + "/1?from=0");
        Response body = api.post(CATEGORIES, "{\"category_id\":1,\"page\":{\"size\":1}}");

        assertThat(query.status()).isEqualTo(400);
        assertThat(query.errorReason()).isEqualTo("Param [from, size] is incompatible with [category_id].");
        assertThat(body.status()).isEqualTo(400);
        assertThat(body.errorReason()).isEqualTo("Param [from, size] is incompatible with [category_id].");
    }

    @Test
    void bodyNeedsCategoryIdOrPage() {
        Response response = api.post(CATEGORIES, "{\"partition_field_value\":\"p1\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorType()).isEqualTo("action_request_validation_exception");
        assertThat(response.errorReason())
                .isEqualTo("Validation Failed: 1: Both [category_id] and [from, size] cannot be null;");
    }

    @Test
    void bodyCategoryIdSelectsOne() {
        Response response = api.post(CATEGORIES, "{\"category_id\":2}");

        assertThat(values(response, "categories", "category_id")).containsExactly("2");
    }

    @Test
    void partitionFilterMatchesExactly() {
        Response query = api.get(CATEGORIES + "?partition_field_value=p1");
        Response body = api.post(CATEGORIES, "{\"partition_field_value\":\"p1\",\"page\":{}}");
        Response prefix = api.get(CATEGORIES + "?partition_field_value=p");

        assertThat(values(query, "categories", "category_id")).containsExactly("1", "3");
        assertThat(query.json().get("count").asLong()).isEqualTo(2);
        assertThat(values(body, "categories", "category_id")).containsExactly("1", "3");
        assertThat(prefix.json().get("count").asLong()).isZero();
    }

    @Test
    void unknownJobIsNotFound() {
        Response response = api.get(resultsPath("categories-missing", "categories"));

        assertThat(response.status()).isEqualTo(404);
    }
}
