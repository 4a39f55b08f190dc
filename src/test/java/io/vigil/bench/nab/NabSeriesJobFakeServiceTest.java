package io.vigil.bench.nab;

import static io.vigil.bench.nab.NabFixtures.FIVE_MINUTES_MILLIS;
import static io.vigil.bench.nab.NabFixtures.series;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the driver's HTTP steps against {@link FakeVigilService}, a stand-in with the API's paths and shapes. */
class NabSeriesJobFakeServiceTest {

    @TempDir
    Path folder;

    @Test
    void seriesRunPagesBucketsAndScoresRows() throws Exception {
        NabSeries series = series("realTraffic/speed_1.csv", 25_000, new NabWindow(20_000, 20_100));
        try (FakeVigilService service = new FakeVigilService()) {

            NabSeriesJob.Outcome outcome = new NabSeriesJob(new VigilClient(service.baseUrl())).run(series);

            assertThat(outcome.jobId()).isEqualTo("nab-realtraffic-speed-1");
            assertThat(outcome.bucketSpanSeconds()).isEqualTo(300);
            assertThat(outcome.bucketCount()).isEqualTo(25_000);
            assertThat(outcome.processedRecords()).isEqualTo(25_000);
            assertThat(outcome.rowsWithoutBucket()).isZero();
            assertThat(service.configs
                            .get("nab-realtraffic-speed-1")
                            .at("/analysis_config/bucket_span")
                            .asString())
                    .isEqualTo("300s");
            assertThat(service.dataContentTypes).hasSize(3).containsOnly("application/x-ndjson");
            assertThat(service.recordTimes.get("nab-realtraffic-speed-1")).hasSize(25_000);
            assertThat(service.bucketQueries).hasSize(3);
            assertThat(service.bucketQueries.get(1)).contains("size=10000", "start=");
            long[] times = series.timestampsMillis();
            for (int row : new int[] {0, 1, 9_999, 10_000, 24_999}) {
                double expected = (times[row] / FIVE_MINUTES_MILLIS % 101) / 100.0;
                assertThat(outcome.scores()[row]).as("row %d", row).isEqualTo(expected);
            }
        }
    }

    @Test
    void resultFilesOfRunScoreLikeScores() throws Exception {
        NabSeries series = series("a/one.csv", 2_000, new NabWindow(1_500, 1_550));
        NabCorpus corpus = NabCorpus.of(List.of(series));
        try (FakeVigilService service = new FakeVigilService()) {
            NabSeriesJob.Outcome outcome = new NabSeriesJob(new VigilClient(service.baseUrl())).run(series);

            NabResultFiles.write(folder, NabBenchmark.DETECTOR, series, outcome.scores());
            Map<String, double[]> read = NabResultFiles.read(folder, NabBenchmark.DETECTOR, corpus);

            assertThat(read.get("a/one.csv")).containsExactly(outcome.scores());
            assertThat(NabScorer.score(corpus, read, Profile.STANDARD))
                    .isEqualTo(NabScorer.score(corpus, Map.of("a/one.csv", outcome.scores()), Profile.STANDARD));
        }
    }

    @Test
    void jobLeftByEarlierRunIsReplaced() throws Exception {
        NabSeries series = series("a/one.csv", 100);
        try (FakeVigilService service = new FakeVigilService()) {
            NabSeriesJob job = new NabSeriesJob(new VigilClient(service.baseUrl()));
            job.run(series);

            NabSeriesJob.Outcome second = job.run(series);

            assertThat(second.bucketCount()).isEqualTo(100);
            assertThat(service.recordTimes.get("nab-a-one")).hasSize(100);
        }
    }
}
