package io.vigil.bench.nab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vigil.bench.BenchData;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Runs the steps of {@code examples/nyc_taxi/run.sh} through HTTP and checks that the top buckets are the labelled
 * events: the NYC marathon, Thanksgiving, Christmas, New Year and the January 2015 blizzard.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class NycTaxiExampleTest {

    private static final Path EXAMPLE_CSV = Path.of("examples", "nyc_taxi", "nyc_taxi.csv");

    private static final String JOB_CONFIG = """
            {
              "analysis_config": {
                "bucket_span": "30m",
                "detectors": [{"function": "mean", "field_name": "value"}]
              },
              "data_description": {"time_field": "timestamp", "time_format": "yyyy-MM-dd HH:mm:ss"}
            }
            """;

    @LocalServerPort
    int port;

    @Test
    void topBucketsFallInLabelledWindows() throws Exception {
        assumeTrue(BenchData.find("nab").isPresent(), BenchData.missingMessage("nab"));
        NabSeries labelled = NabCorpus.load(BenchData.find("nab").orElseThrow(), "realKnownCause/nyc_taxi.csv")
                .series("realKnownCause/nyc_taxi.csv");
        VigilClient client = new VigilClient(URI.create("http://127.0.0.1:" + port));

        client.putJob("nyc-taxi", JOB_CONFIG);
        client.openJob("nyc-taxi");
        client.postData("nyc-taxi", "text/csv", Files.readAllBytes(EXAMPLE_CSV));
        client.closeJob("nyc-taxi", false);
        List<BucketScore> top = client.topBuckets("nyc-taxi", 5);

        assertThat(top).hasSize(5);
        long inside = top.stream()
                .filter(bucket -> inLabelledWindow(labelled, bucket.timestampMillis()))
                .count();
        assertThat(inside).as("top buckets %s", top).isGreaterThanOrEqualTo(4);
    }

    /** Returns whether a bucket start lies between the first and last timestamps of one of the series' windows. */
    private static boolean inLabelledWindow(NabSeries series, long bucketStartMillis) {
        long[] timestamps = series.timestampsMillis();
        return series.windows().stream()
                .anyMatch(window -> bucketStartMillis >= timestamps[window.firstRow()]
                        && bucketStartMillis <= timestamps[window.lastRow()]);
    }
}
