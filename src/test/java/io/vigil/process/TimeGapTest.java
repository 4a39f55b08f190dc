package io.vigil.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.job.Job;
import io.vigil.process.TestApi.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;

/** A record whose time lies decades after the job's latest record, as one time in the wrong unit makes. */
@Import(EventCountingAnalyzerFactory.Beans.class)
class TimeGapTest extends ServiceTest {

    private static final String NDJSON = "application/x-ndjson";

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void longGapSkipsAfterTenThousandBuckets(CapturedOutput output) {
        String jobId = "time-gap";
        Job job = JobFixtures.metricJob(jobId, "1h", "epoch_ms");
        jobs.create(job);
        api.post(path(jobId, "_open"));
        // 1700006400 read as milliseconds is 1970-01-20T16:13:26.4Z.
        api.post(path(jobId, "_data"), NDJSON, "{\"airline\":\"AAL\",\"responsetime\":\"1\",\"time\":1700006400}\n");

        Response later = api.post(
                path(jobId, "_data"), NDJSON, "{\"airline\":\"AAL\",\"responsetime\":\"1\",\"time\":1700006400000}\n");
        api.post(path(jobId, "_close"));

        assertThat(later.<Integer>get("processed_record_count")).isEqualTo(1);
        assertThat(later.<Integer>get("bucket_count")).isEqualTo(10_001);
        assertThat(later.<Integer>get("empty_bucket_count")).isEqualTo(10_000);
        Response buckets = api.get(path(jobId, "results/buckets") + "?size=1&desc=true");
        assertThat(buckets.<Integer>get("count")).isEqualTo(10_002);
        Map<String, Object> last =
                buckets.<List<Map<String, Object>>>get("buckets").get(0);
        assertThat(((Number) last.get("timestamp")).longValue()).isEqualTo(1700006400000L);
        assertThat(output.getOut())
                .contains("[time-gap] 1 record has a time field [time] that looks like epoch (first: [1700006400]) in"
                        + " time_format [epoch_ms]; it was processed as epoch_ms, so check the job's time_format");
        assertThat(output.getOut())
                .contains("[time-gap] Skipped 461751 empty buckets from 37702800000 to 1700006400000 without results");
    }

    /** Flushes through a quiet spell finalize every bucket: only one jump of over 10,000 buckets skips. */
    @Test
    void flushesThroughQuietSpellSkipNothing() {
        String jobId = "time-quiet";
        jobs.create(JobFixtures.metricJob(jobId, "1h", "epoch_ms"));
        api.post(path(jobId, "_open"));
        long start = 1_700_006_400_000L;
        api.post(path(jobId, "_data"), NDJSON, "{\"airline\":\"AAL\",\"responsetime\":\"1\",\"time\":" + start + "}\n");
        long hour = 3_600_000L;

        api.post(path(jobId, "_flush") + "?advance_time=" + (start + 9_999 * hour));
        api.post(path(jobId, "_flush") + "?advance_time=" + (start + 10_002 * hour));

        Response buckets = api.get(path(jobId, "results/buckets") + "?size=0");
        assertThat(buckets.<Integer>get("count")).isEqualTo(10_002);
    }
}
