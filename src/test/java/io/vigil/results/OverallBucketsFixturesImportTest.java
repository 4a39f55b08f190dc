package io.vigil.results;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.results.ResultsApi.Response;
import org.junit.jupiter.api.Test;

/**
 * Loads the fixtures of the overall-buckets examples through import and reads them back. They are buckets of three
 * jobs with spans of 60, 30 and 17 minutes, and one of them is interim.
 */
class OverallBucketsFixturesImportTest extends ResultsApiTestBase {

    private static final String PREFIX = "jobs-get-result-overall-buckets-";

    @Test
    void bucketsOfThreeSpansLoad() {
        for (String suffix : new String[] {"60", "30", "17"}) {
            jobs.closedJob(PREFIX + suffix);
            Response imported = api.importFixture(PREFIX + suffix, PREFIX + suffix + ".ndjson");
            assertThat(imported.status()).as(imported.text()).isEqualTo(200);
        }

        Response sixty = api.get(resultsPath(PREFIX + "60", "buckets"));
        Response thirty = api.get(resultsPath(PREFIX + "30", "buckets"));
        Response seventeen = api.get(resultsPath(PREFIX + "17", "buckets"));

        assertThat(values(sixty, "buckets", "anomaly_score")).containsExactly("30.0", "0.0", "20.0");
        assertThat(values(sixty, "buckets", "bucket_span")).containsOnly("3600");
        assertThat(values(thirty, "buckets", "timestamp"))
                .containsExactly("1464742800000", "1464746400000", "1464748200000");
        assertThat(values(thirty, "buckets", "bucket_span")).containsOnly("1800");
        assertThat(values(seventeen, "buckets", "bucket_span")).containsOnly("1020");
        assertThat(values(seventeen, "buckets", "is_interim")).containsExactly("false", "false", "false", "true");
        assertThat(values(seventeen, "buckets", "anomaly_score")).containsExactly("0.0", "1.0", "0.0", "60.0");
    }
}
