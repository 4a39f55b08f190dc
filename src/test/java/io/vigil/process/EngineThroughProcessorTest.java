package io.vigil.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.engine.GaussianSeriesModelFactory;
import io.vigil.engine.SeriesModelFactoryProvider;
import io.vigil.job.AnalysisConfig;
import io.vigil.job.Job;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * The detection engine behind the processor, with a simple Gaussian series model: its records, influencers and
 * bucket influencers reach PostgreSQL, and its state survives a close and reopen.
 */
@Import(EngineThroughProcessorTest.Models.class)
class EngineThroughProcessorTest extends ServiceTest {

    private static final long H0 = 1_600_000_000_000L / 3_600_000 * 3_600_000;
    private static final long HOUR = 3_600_000L;
    private static final int HOSTS = 10;
    private static final int HOURS = 24 * 7;
    private static final int SPIKE_HOST = 3;

    static class Models {

        @Bean
        @Primary
        SeriesModelFactoryProvider gaussianSeriesModels() {
            return bucketSpanSeconds -> new GaussianSeriesModelFactory();
        }
    }

    private Job engineJob(String jobId) {
        Job job = JobFixtures.job(
                jobId,
                "1h",
                null,
                "epoch_ms",
                List.of(JobFixtures.detector("mean", "bytes", "host"), JobFixtures.detector("count", null, null)),
                null);
        AnalysisConfig analysis = job.analysisConfig();
        AnalysisConfig withInfluencer = new AnalysisConfig(
                analysis.bucketSpan(),
                null,
                null,
                null,
                null,
                null,
                null,
                analysis.detectors(),
                List.of("host"),
                null,
                null);
        return jobs.create(new Job(
                job.jobId(),
                job.jobType(),
                job.jobVersion(),
                job.groups(),
                null,
                job.createTime(),
                null,
                null,
                null,
                withInfluencer,
                job.analysisLimits(),
                job.dataDescription(),
                null,
                null,
                null,
                10L,
                1L,
                null,
                "shared",
                false,
                null,
                null,
                null));
    }

    /** Returns hours [from, to) of traffic: three records per host per hour, with a spike of one host at HOURS. */
    private static String traffic(int from, int to) {
        StringBuilder body = new StringBuilder();
        for (int hour = from; hour < to; hour++) {
            for (int host = 0; host < HOSTS; host++) {
                for (int i = 0; i < 3; i++) {
                    boolean spike = hour == HOURS && host == SPIKE_HOST;
                    long bytes = spike ? 50_000 : 1000 + (hour * 31L + host * 17L + i * 7L) % 50;
                    long time = H0 + hour * HOUR + (host * 3 + i) * 60_000L;
                    body.append("{\"time\":")
                            .append(time)
                            .append(",\"host\":\"host-")
                            .append(host)
                            .append("\",\"bytes\":")
                            .append(bytes)
                            .append("}\n");
                }
            }
        }
        return body.toString();
    }

    private void post(String jobId, String body) {
        assertThat(api.post(path(jobId, "_data"), "application/x-ndjson", body).status())
                .isEqualTo(200);
    }

    @Test
    void engineResultsReachTheStore() {
        String jobId = "engine-results";
        engineJob(jobId);
        assertThat(api.post(path(jobId, "_open")).status()).isEqualTo(200);

        post(jobId, traffic(0, HOURS + 2));
        api.post(path(jobId, "_close"));

        long spikeTime = H0 + HOURS * HOUR;
        Map<String, Object> top = jdbc.queryForMap(
                "select timestamp, anomaly_score from buckets where job_id = ? order by anomaly_score desc limit 1",
                jobId);
        assertThat(top.get("timestamp")).isEqualTo(spikeTime);
        assertThat((Double) top.get("anomaly_score")).isGreaterThan(0);
        List<Map<String, Object>> records = jdbc.queryForList(
                "select by_field_value, record_score, function from records "
                        + "where job_id = ? and timestamp = ? and detector_index = 0",
                jobId,
                spikeTime);
        assertThat(records).isNotEmpty();
        assertThat(records.get(0).get("by_field_value")).isEqualTo("host-" + SPIKE_HOST);
        assertThat(records.get(0).get("function")).isEqualTo("mean");
        assertThat(jdbc.queryForObject(
                        "select count(*) from influencers where job_id = ? and timestamp = ? "
                                + "and influencer_field_name = 'host' and influencer_field_value = ?",
                        Integer.class,
                        jobId,
                        spikeTime,
                        "host-" + SPIKE_HOST))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from bucket_influencers where job_id = ? and timestamp = ?",
                        Integer.class,
                        jobId,
                        spikeTime))
                .isGreaterThan(0);
    }

    @Test
    void engineStateSurvivesCloseAndReopen() {
        engineJob("engine-never-closed");
        engineJob("engine-reopened");
        api.post(path("engine-never-closed", "_open"));
        api.post(path("engine-reopened", "_open"));

        post("engine-never-closed", traffic(0, HOURS + 2));
        api.post(path("engine-never-closed", "_close"));
        post("engine-reopened", traffic(0, HOURS / 2));
        api.post(path("engine-reopened", "_close"));
        api.post(path("engine-reopened", "_open"));
        post("engine-reopened", traffic(HOURS / 2, HOURS + 2));
        api.post(path("engine-reopened", "_close"));

        String scores = "select timestamp, event_count, anomaly_score from buckets where job_id = ? order by timestamp";
        List<Map<String, Object>> expected = jdbc.queryForList(scores, "engine-never-closed");
        assertThat(expected).hasSize(HOURS + 2);
        assertThat(jdbc.queryForList(scores, "engine-reopened")).isEqualTo(expected);
        String recordScores = "select timestamp, detector_index, series_key, record_score, probability from records "
                + "where job_id = ? order by timestamp, detector_index, series_key";
        assertThat(jdbc.queryForList(recordScores, "engine-reopened"))
                .isEqualTo(jdbc.queryForList(recordScores, "engine-never-closed"));
    }
}
