package io.vigil.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.job.JobApi.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class JobSettingsValidationTest extends JobApiTest {

    private Response createWith(String members) {
        return api.putJob("settings", JobBodies.countJobWith(members));
    }

    @Test
    void snapshotRetentionSettingsMustBeConsistent() {
        Response greater = api.putJob(
                "inconsistent-snapshot-settings-1",
                JobBodies.responseTimeByAirline()
                        .replaceFirst(
                                "\\{",
                                "{\"model_snapshot_retention_days\":3,\"daily_model_snapshot_retention_after_days\":4,"));
        Response negative = api.putJob(
                "inconsistent-snapshot-settings-2",
                JobBodies.responseTimeByAirline()
                        .replaceFirst(
                                "\\{",
                                "{\"model_snapshot_retention_days\":3,\"daily_model_snapshot_retention_after_days\":-1,"));

        assertThat(greater.status()).isEqualTo(400);
        assertThat(greater.reason())
                .isEqualTo("The value of daily_model_snapshot_retention_after_days [4] cannot be "
                        + "greater than model_snapshot_retention_days [3]");
        assertThat(negative.reason())
                .isEqualTo("daily_model_snapshot_retention_after_days cannot be less than 0. Value = -1");
    }

    @Test
    void dailyRetentionDefaultNeverExceedsRetention() {
        JsonNode oneDay = createWith("\"model_snapshot_retention_days\":1").body();

        assertThat(oneDay.path("model_snapshot_retention_days").asLong()).isEqualTo(1);
        assertThat(oneDay.has("daily_model_snapshot_retention_after_days")).isFalse();
    }

    @Test
    void negativeDaysAreRejected() {
        Map<String, String> cases = Map.of(
                "\"renormalization_window_days\":-1", "renormalization_window_days cannot be less than 0. Value = -1",
                "\"results_retention_days\":-5", "results_retention_days cannot be less than 0. Value = -5",
                "\"model_snapshot_retention_days\":-2",
                        "model_snapshot_retention_days cannot be less than 0. Value = -2");

        cases.forEach((members, message) -> {
            Response response = createWith(members);
            assertThat(response.status()).as(members).isEqualTo(400);
            assertThat(response.reason()).as(members).isEqualTo(message);
        });
    }

    @Test
    void backgroundPersistIntervalIsAtLeastAnHour() {
        Response tooShort = createWith("\"background_persist_interval\":\"10m\"");
        Response valid = createWith("\"background_persist_interval\":\"2h\"");

        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.reason()).isEqualTo("background_persist_interval cannot be less than 3,600. Value = 600");
        assertThat(valid.body().path("background_persist_interval").asString()).isEqualTo("2h");
    }

    @Test
    void jobIdsFollowTheIdRules() {
        Response uppercase = api.putJob("Bad-Id", JobBodies.countJob());
        Response trailingHyphen = api.putJob("bad-", JobBodies.countJob());
        Response tooLong = api.putJob("a".repeat(65), JobBodies.countJob());
        Response longest = api.putJob("a".repeat(64), JobBodies.countJob());

        assertThat(uppercase.status()).isEqualTo(400);
        assertThat(uppercase.reason())
                .isEqualTo("Invalid job_id; 'Bad-Id' can contain lowercase alphanumeric (a-z "
                        + "and 0-9), hyphens or underscores; must start and end with alphanumeric");
        assertThat(trailingHyphen.status()).isEqualTo(400);
        assertThat(tooLong.reason()).isEqualTo("The job id cannot contain more than 64 characters.");
        assertThat(longest.status()).isEqualTo(200);
    }

    @Test
    void groupsAreValidatedAgainstJobs() {
        api.putJob("existing", JobBodies.countJob());
        Response invalid = createWith("\"groups\":[\"Group\"]");
        Response ownId = createWith("\"groups\":[\"settings\"]");
        Response otherJob = createWith("\"groups\":[\"existing\"]");
        Response valid = createWith("\"groups\":[\"team-a\",\"prod\"]");
        Response jobNamedLikeGroup = api.putJob("team-a", JobBodies.countJob());

        assertThat(invalid.reason())
                .isEqualTo(
                        "Invalid group id 'Group'; must be non-empty string and may contain "
                                + "lowercase alphanumeric (a-z and 0-9), hyphens or underscores; must start and end with alphanumeric");
        assertThat(ownId.errorType()).isEqualTo("resource_already_exists_exception");
        assertThat(ownId.reason())
                .isEqualTo(
                        "job and group names must be unique but job [settings] and group [settings] have the same name");
        assertThat(otherJob.reason())
                .isEqualTo(
                        "job and group names must be unique but job [existing] and group [existing] have the same name");
        assertThat(valid.body().path("groups").toString()).isEqualTo("[\"team-a\",\"prod\"]");
        assertThat(jobNamedLikeGroup.reason())
                .isEqualTo("job and group names must be unique but job [team-a] and group [team-a] have the same name");
    }

    @Test
    void generatedFieldsCannotBeSetAtCreation() {
        Response snapshot = createWith("\"model_snapshot_id\":\"wont-create-with-this-setting\"");
        Response times = createWith("\"create_time\":1,\"finished_time\":2");

        assertThat(snapshot.status()).isEqualTo(400);
        assertThat(snapshot.errorType()).isEqualTo("illegal_argument_exception");
        assertThat(snapshot.reason())
                .isEqualTo(
                        "The job is configured with fields [model_snapshot_id] that are illegal to set at job creation");
        assertThat(times.reason())
                .isEqualTo(
                        "The job is configured with fields [finished_time,create_time] that are illegal to set at job creation");
    }

    @Test
    void missingSectionsAreRejected() {
        Response noAnalysis = api.putJob("sections", "{\"data_description\":{}}");
        Response noData = api.putJob("sections", "{\"analysis_config\":{\"detectors\":[{\"function\":\"count\"}]}}");

        assertThat(noAnalysis.reason()).isEqualTo("An analysis_config must be set");
        assertThat(noData.reason()).isEqualTo("A data_description must be set");
    }

    @Test
    void datafeedConfigIsRejected() {
        Response response = createWith("\"datafeed_config\":{\"indexes\":[\"index-foo\"]}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.reason()).startsWith("datafeed_config is not supported because Vigil has no datafeeds");
    }

    @Test
    void timeFormatsAreValidated() {
        Map<String, Integer> formats = Map.of(
                "epoch", 200,
                "epoch_ms", 200,
                "yyyy-MM-dd HH:mm:ssX", 200,
                "yyyy-MM-dd'T'HH:mm:ss.SSS", 200,
                "MMM dd HH:mm:ss", 200,
                "yyyy-MM-dd", 400,
                "bogus format {", 400);

        formats.forEach((format, status) -> {
            Response response = api.putJob(
                    "format",
                    "{\"analysis_config\":{\"detectors\":[{\"function\":\"count\"}]},"
                            + "\"data_description\":{\"time_format\":\"" + format + "\"}}");
            api.delete("/_ml/anomaly_detectors/format");
            assertThat(response.status()).as(format).isEqualTo(status);
            if (status == 400) {
                assertThat(response.reason()).isEqualTo("Invalid Time format string '" + format + "'");
            }
        });
    }

    @Test
    void dataFormatAcceptsOnlyXcontent() {
        Response delimited = api.putJob(
                "data-format",
                "{\"analysis_config\":{\"detectors\":[{\"function\":\"count\"}]},"
                        + "\"data_description\":{\"format\":\"delimited\"}}");
        Response csv = api.putJob(
                "csv",
                "{\"analysis_config\":{\"detectors\":[{\"function\":\"count\"}]},"
                        + "\"data_description\":{\"format\":\"csv\"}}");
        Response delimiter = api.putJob(
                "delimiter",
                "{\"analysis_config\":{\"detectors\":[{\"function\":\"count\"}]},"
                        + "\"data_description\":{\"field_delimiter\":\",\"}}");

        assertThat(delimited.status()).isEqualTo(200);
        assertThat(delimited.body().at("/data_description").has("format")).isFalse();
        assertThat(csv.status()).isEqualTo(400);
        assertThat(csv.reason()).startsWith("data_description.format [csv] is not supported");
        assertThat(delimiter.reason()).endsWith("[data_description] unknown field [field_delimiter]");
    }

    @Test
    void resultsIndexNameGetsTheCustomPrefix() {
        Response custom = createWith("\"results_index_name\":\"team\"");
        api.delete("/_ml/anomaly_detectors/settings");
        Response invalid = createWith("\"results_index_name\":\"Team!\"");

        assertThat(custom.body().path("results_index_name").asString()).isEqualTo("custom-team");
        assertThat(invalid.reason()).startsWith("Invalid results_index_name; 'Team!'");
    }

    @Test
    void modelPlotConfigNeedsEnabled() {
        Response missing = createWith("\"model_plot_config\":{\"terms\":\"a,b\"}");
        Response valid = createWith("\"model_plot_config\":{\"enabled\":true,\"terms\":\"foo,bar\"}");

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.reason()).startsWith("model_plot_config requires [enabled]");
        assertThat(valid.body().at("/model_plot_config/enabled").asBoolean()).isTrue();
        assertThat(valid.body().at("/model_plot_config/terms").asString()).isEqualTo("foo,bar");
        assertThat(valid.body().at("/model_plot_config/annotations_enabled").asBoolean())
                .isTrue();
    }
}
