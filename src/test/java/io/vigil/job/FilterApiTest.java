package io.vigil.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.job.JobApi.Response;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FilterApiTest extends JobApiTest {

    @Test
    void createSortsAndDeduplicatesItems() {
        Response created = api.put(
                "/_ml/filters/safe_domains",
                "{\"description\":\"A list of safe domains\",\"items\":[\"*.google.com\",\"wikipedia.org\",\"a.b\","
                        + "\"a.b\"]}");

        assertThat(created.status()).isEqualTo(200);
        assertThat(created.body().path("filter_id").asString()).isEqualTo("safe_domains");
        assertThat(created.body().path("description").asString()).isEqualTo("A list of safe domains");
        assertThat(created.body().path("items").toString()).isEqualTo("[\"*.google.com\",\"a.b\",\"wikipedia.org\"]");
        assertThat(api.get("/_ml/filters/safe_domains").body().at("/filters/0")).isEqualTo(created.body());
    }

    @Test
    void createRejectsInvalidFilters() {
        api.put("/_ml/filters/taken", "{\"items\":[]}");
        List<String> items =
                IntStream.rangeClosed(0, 10_000).mapToObj(i -> "\"i" + i + "\"").toList();
        String tooMany = "{\"items\":[" + String.join(",", items) + "]}";

        Response duplicate = api.put("/_ml/filters/taken", "{\"items\":[]}");
        Response invalidId = api.put("/_ml/filters/Bad", "{\"items\":[]}");
        Response inconsistent = api.put("/_ml/filters/one", "{\"filter_id\":\"two\",\"items\":[]}");
        Response overLimit = api.put("/_ml/filters/big", tooMany);
        Response unknownField = api.put("/_ml/filters/unknown", "{\"items\":[],\"type\":\"x\"}");

        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.errorType()).isEqualTo("resource_already_exists_exception");
        assertThat(duplicate.reason()).isEqualTo("A filter with id [taken] already exists");
        assertThat(invalidId.reason()).startsWith("Invalid filter_id; 'Bad' can contain lowercase alphanumeric");
        assertThat(inconsistent.reason())
                .isEqualTo(
                        "Inconsistent filter_id; 'two' specified in the body differs from 'one' specified as a URL argument");
        assertThat(overLimit.reason())
                .isEqualTo("Filter [big] contains too many items; up to [10000] items are allowed");
        assertThat(unknownField.reason()).isEqualTo("[1:13] [filter] unknown field [type]");
    }

    @Test
    void listPagesFiltersById() {
        for (String id : List.of("c", "a", "b")) {
            api.put("/_ml/filters/" + id, "{\"items\":[\"" + id + "\"]}");
        }

        Response all = api.get("/_ml/filters");
        Response page = api.get("/_ml/filters?from=1&size=1");
        Response negative = api.get("/_ml/filters?size=-1");

        assertThat(all.body().path("count").asLong()).isEqualTo(3);
        assertThat(all.body().at("/filters/0/filter_id").asString()).isEqualTo("a");
        assertThat(all.body().at("/filters/2/filter_id").asString()).isEqualTo("c");
        assertThat(page.body().path("count").asLong()).isEqualTo(3);
        assertThat(page.body().path("filters").size()).isEqualTo(1);
        assertThat(page.body().at("/filters/0/filter_id").asString()).isEqualTo("b");
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.reason()).isEqualTo("Parameter [size] cannot be < 0");
    }

    @Test
    void unknownFilterIsNotFound() {
        Response get = api.get("/_ml/filters/missing");
        Response delete = api.delete("/_ml/filters/missing");
        Response update = api.post("/_ml/filters/missing/_update", "{\"add_items\":[\"a\"]}");

        assertThat(get.status()).isEqualTo(404);
        assertThat(get.reason()).isEqualTo("No filter with id [missing] exists");
        assertThat(delete.status()).isEqualTo(404);
        assertThat(delete.reason()).isEqualTo("Could not delete filter with ID [missing] because it does not exist");
        assertThat(update.status()).isEqualTo(404);
    }

    @Test
    void updateAddsAndRemovesItemsAndPublishesEvent() {
        api.put("/_ml/filters/hosts", "{\"description\":\"old\",\"items\":[\"a\",\"b\"]}");
        events.filters.clear();

        Response updated = api.post(
                "/_ml/filters/hosts/_update",
                "{\"description\":\"new\",\"add_items\":[\"c\",\"a\"],\"remove_items\":[\"b\"]}");

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.body().path("description").asString()).isEqualTo("new");
        assertThat(updated.body().path("items").toString()).isEqualTo("[\"a\",\"c\"]");
        assertThat(events.filters).hasSize(1);
        assertThat(events.filters.get(0).filter().items()).containsExactly("a", "c");
        assertThat(events.filters.get(0).addedItems()).containsExactly("c");
        assertThat(events.filters.get(0).removedItems()).containsExactly("b");
    }

    @Test
    void removingAbsentItemIsRejected() {
        api.put("/_ml/filters/hosts", "{\"items\":[\"a\"]}");

        Response response = api.post("/_ml/filters/hosts/_update", "{\"remove_items\":[\"z\"]}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.reason()).isEqualTo("Cannot remove item [z] as it is not present in filter [hosts]");
        assertThat(api.get("/_ml/filters/hosts").body().at("/filters/0/items").toString())
                .isEqualTo("[\"a\"]");
    }

    @Test
    void filterUsedByJobsCannotBeDeleted() {
        api.put("/_ml/filters/safe_countries", "{\"items\":[\"uk\"]}");
        for (String jobId : List.of("rules-b", "rules-a")) {
            api.putJob(
                    jobId,
                    JobBodies.withDetectors("{\"function\":\"count\",\"by_field_name\":\"country\","
                            + "\"custom_rules\":[{\"scope\":{\"country\":{\"filter_id\":\"safe_countries\"}}}]}"));
        }

        Response refused = api.delete("/_ml/filters/safe_countries");
        api.delete("/_ml/anomaly_detectors/rules-a");
        api.delete("/_ml/anomaly_detectors/rules-b");
        Response deleted = api.delete("/_ml/filters/safe_countries");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.errorType()).isEqualTo("status_exception");
        assertThat(refused.reason())
                .isEqualTo("Cannot delete filter [safe_countries] currently used by jobs " + "[rules-a, rules-b]");
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body().path("acknowledged").asBoolean()).isTrue();
    }
}
