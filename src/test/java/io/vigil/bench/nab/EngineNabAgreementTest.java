package io.vigil.bench.nab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.vigil.bench.BenchData;
import io.vigil.process.ServiceTest;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The in-process engine harness against the service: a NAB series streamed through the HTTP API with the benchmark's
 * job configuration must store, bucket by bucket, the initial anomaly scores the harness computes. The series cover
 * a regular 5-minute file, an hourly file with gaps of hours, an irregular 10-minute file, a file with duplicate
 * timestamps and one with a backward step.
 */
class EngineNabAgreementTest extends ServiceTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "artificialWithAnomaly/art_daily_jumpsup.csv",
                "realAdExchange/exchange-2_cpc_results.csv",
                "realTraffic/TravelTime_451.csv",
                "realKnownCause/ec2_request_latency_system_failure.csv",
                "realKnownCause/machine_temperature_system_failure.csv"
            })
    void harnessMatchesStoredScores(String name) throws Exception {
        assumeThat(BenchData.find("nab")).as(BenchData.missingMessage("nab")).isPresent();
        Path folder = BenchData.find("nab").orElseThrow();
        NabSeries series = NabCorpus.load(folder, name).series(name);
        EngineNabDetector.Run run = EngineNabDetector.run(series);

        VigilClient client = new VigilClient(URI.create("http://127.0.0.1:" + port));
        String jobId = NabSeriesJob.jobIdOf(name);
        client.putJob(jobId, NabSeriesJob.jobConfig(client.json(), name, run.bucketSpanSeconds()));
        client.openJob(jobId);
        for (byte[] chunk : NabSeriesJob.ndjsonChunks(client.json(), series, NabSeriesJob.ROWS_PER_REQUEST)) {
            client.postData(jobId, "application/x-ndjson", chunk);
        }
        client.closeJob(jobId, false);
        Map<Long, Double> stored = storedInitialScores(jobId);

        long[] starts = run.bucketStartsMillis();
        double[] scores = run.bucketScores();
        assertThat(stored).hasSize(starts.length);
        assertThat(stored.values()).as("scores of %s", name).anyMatch(score -> score > 0.0);
        for (int bucket = 0; bucket < starts.length; bucket++) {
            assertThat(stored.get(starts[bucket]))
                    .as("initial anomaly score of the bucket at %s", NabTimestamps.format(starts[bucket]))
                    .isEqualTo(scores[bucket]);
        }
    }

    private Map<Long, Double> storedInitialScores(String jobId) {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "select timestamp, initial_anomaly_score from buckets where job_id = ? and not is_interim", jobId);
        Map<Long, Double> scores = new HashMap<>();
        for (Map<String, Object> row : rows) {
            scores.put(
                    ((Number) row.get("timestamp")).longValue(),
                    ((Number) row.get("initial_anomaly_score")).doubleValue());
        }
        return scores;
    }
}
