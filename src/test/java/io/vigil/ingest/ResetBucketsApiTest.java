package io.vigil.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.process.JobFixtures;
import io.vigil.process.ServiceTest;
import io.vigil.process.TestApi.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@code reset_start} and {@code reset_end} on {@code _data}, through HTTP with the detection engine and PostgreSQL.
 * Each job learns two days of seeded hourly traffic from 5 hosts and then receives a bucket in which host-2 sends
 * far more bytes than usual.
 */
class ResetBucketsApiTest extends ServiceTest {

    private static final long SEED = 23L;
    private static final long HOUR = 3_600_000L;
    private static final long H0 = 1_600_000_000_000L / HOUR * HOUR;
    private static final int HISTORY_HOURS = 48;
    private static final long SPIKE_HOUR = H0 + HISTORY_HOURS * HOUR;
    private static final int HOSTS = 5;
    private static final int SPIKE_HOST_INDEX = 2;
    private static final String SPIKE_HOST = "host-" + SPIKE_HOST_INDEX;

    private String openJob(String jobId) {
        jobs.create(JobFixtures.job(
                jobId,
                "1h",
                null,
                "epoch_ms",
                List.of(JobFixtures.detector("mean", "bytes", "host"), JobFixtures.detector("count", null, null)),
                null));
        assertThat(api.post(path(jobId, "_open")).status()).isEqualTo(200);
        return jobId;
    }

    @Test
    void resentBucketMatchesBucketSentOnce() {
        String once = openJob("reset-sent-once");
        String resent = openJob("reset-resent");
        List<String> spikeBucket = hour(new Random(SEED + 1), SPIKE_HOUR, true);
        List<String> firstHalf = spikeBucket.subList(0, spikeBucket.size() / 2);
        postHistory(once);
        postHistory(resent);

        post(once, "_data", spikeBucket);
        Response partial = post(resent, "_data", firstHalf);
        Response resend =
                post(resent, "_data?reset_start=" + SPIKE_HOUR + "&reset_end=" + (SPIKE_HOUR + HOUR), spikeBucket);
        api.post(path(once, "_close"));
        api.post(path(resent, "_close"));

        assertThat(partial.<Integer>get("processed_record_count")).isEqualTo(firstHalf.size());
        assertThat(resend.<Integer>get("processed_record_count")).isEqualTo(spikeBucket.size());
        assertThat(resend.<Integer>get("out_of_order_timestamp_count")).isZero();
        assertThat(eventCount(resent, SPIKE_HOUR)).isEqualTo(spikeBucket.size());
        assertThat(eventCount(resent, SPIKE_HOUR)).isEqualTo(eventCount(once, SPIKE_HOUR));
        assertThat(records(resent, SPIKE_HOUR)).isEqualTo(records(once, SPIKE_HOUR));
        assertThat(records(once, SPIKE_HOUR)).anySatisfy(record -> {
            assertThat(record.get("by_field_value")).isEqualTo(SPIKE_HOST);
            assertThat(record.get("function")).isEqualTo("mean");
        });
        assertThat(((Number) dataCounts(resent).get("processed_record_count")).longValue())
                .isEqualTo(historySize() + firstHalf.size() + spikeBucket.size());
    }

    /** Without a reset, the resent records older than the latest one are out of order and the rest count again. */
    @Test
    void resendWithoutResetKeepsPartialData() {
        String jobId = openJob("reset-not-requested");
        List<String> spikeBucket = hour(new Random(SEED + 1), SPIKE_HOUR, true);
        List<String> firstHalf = spikeBucket.subList(0, spikeBucket.size() / 2);
        postHistory(jobId);

        post(jobId, "_data", firstHalf);
        Response resend = post(jobId, "_data", spikeBucket);
        api.post(path(jobId, "_close"));

        assertThat(resend.<Integer>get("out_of_order_timestamp_count")).isEqualTo(firstHalf.size() - 1);
        assertThat(eventCount(jobId, SPIKE_HOUR)).isEqualTo(spikeBucket.size() + 1);
    }

    @Test
    void finalizedBucketKeepsItsResults() {
        String jobId = openJob("reset-finalized");
        postHistory(jobId);
        List<String> spikeBucket = hour(new Random(SEED + 1), SPIKE_HOUR, true);
        post(jobId, "_data", spikeBucket.subList(0, 3));
        long lastHistoryHour = SPIKE_HOUR - HOUR;
        Map<String, Object> before = bucket(jobId, lastHistoryHour);
        assertThat(((Number) before.get("event_count")).longValue()).isPositive();
        List<String> lateRecords = hour(new Random(SEED + 2), lastHistoryHour, true);

        List<String> body = new ArrayList<>(lateRecords);
        body.addAll(spikeBucket);
        Response resend =
                post(jobId, "_data?reset_start=" + lastHistoryHour + "&reset_end=" + (SPIKE_HOUR + HOUR), body);
        api.post(path(jobId, "_close"));

        assertThat(resend.status()).isEqualTo(200);
        assertThat(resend.<Integer>get("out_of_order_timestamp_count")).isEqualTo(lateRecords.size());
        assertThat(resend.<Integer>get("processed_record_count")).isEqualTo(spikeBucket.size());
        assertThat(bucket(jobId, lastHistoryHour)).isEqualTo(before);
        assertThat(eventCount(jobId, SPIKE_HOUR)).isEqualTo(spikeBucket.size());
    }

    @Test
    void resetStartAloneResetsItsBucket() {
        String jobId = openJob("reset-start-alone");
        postHistory(jobId);
        List<String> spikeBucket = hour(new Random(SEED + 1), SPIKE_HOUR, true);
        post(jobId, "_data", spikeBucket.subList(0, 10));

        long resetStartSeconds = (SPIKE_HOUR + 30 * 60_000L) / 1000;
        Response resend = post(jobId, "_data?reset_start=" + resetStartSeconds, spikeBucket);
        api.post(path(jobId, "_close"));

        assertThat(resend.status()).isEqualTo(200);
        assertThat(eventCount(jobId, SPIKE_HOUR)).isEqualTo(spikeBucket.size());
    }

    @Test
    void invalidResetDatesAreParseErrors() {
        String jobId = openJob("reset-invalid-dates");

        Response start = api.post(path(jobId, "_data?reset_start=yesterday"), "application/x-ndjson", "");
        Response end = api.post(path(jobId, "_data?reset_start=now&reset_end=2020-13-01"), "application/x-ndjson", "");

        assertThat(start.status()).isEqualTo(400);
        assertThat(start.errorType()).isEqualTo("parse_exception");
        assertThat(start.reason())
                .isEqualTo("Query param [reset_start] with value [yesterday] cannot be parsed as a date or converted "
                        + "to a number (epoch).");
        assertThat(end.status()).isEqualTo(400);
        assertThat(end.errorType()).isEqualTo("parse_exception");
        assertThat(end.reason())
                .isEqualTo("Query param [reset_end] with value [2020-13-01] cannot be parsed as a date or converted "
                        + "to a number (epoch).");
    }

    @Test
    void reversedResetRangeIsRejected() {
        String jobId = openJob("reset-reversed");

        Response reversed = api.post(
                path(jobId, "_data?reset_start=2020-09-13T13:00:00Z&reset_end=1600000000"), "application/x-ndjson", "");

        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.errorType()).isEqualTo("illegal_argument_exception");
        assertThat(reversed.reason())
                .isEqualTo("Parameter [reset_end] with value [1600000000] is earlier than [reset_start] with value "
                        + "[2020-09-13T13:00:00Z]; send a [reset_end] at or after [reset_start]");
    }

    @Test
    void resetEndWithoutResetStartIsRejected() {
        String jobId = openJob("reset-end-alone");

        Response endAlone = api.post(path(jobId, "_data?reset_end=1600000000000"), "application/x-ndjson", "");

        assertThat(endAlone.status()).isEqualTo(400);
        assertThat(endAlone.errorType()).isEqualTo("illegal_argument_exception");
        assertThat(endAlone.reason())
                .isEqualTo("Parameter [reset_end] with value [1600000000000] requires [reset_start]; send "
                        + "[reset_start] with the first time to reset, or leave out [reset_end]");
    }

    @Test
    void openApiDocumentsResetParameters() {
        Response docs = api.get("/v3/api-docs");

        List<Map<String, Object>> parameters = docs.get("paths./_ml/anomaly_detectors/{job_id}/_data.post.parameters");
        String description = docs.get("paths./_ml/anomaly_detectors/{job_id}/_data.post.description");
        assertThat(parameters)
                .filteredOn(parameter -> "query".equals(parameter.get("in")))
                .extracting(parameter -> parameter.get("name"))
                .contains("reset_start", "reset_end");
        assertThat(description).contains("[reset_start, reset_end)");
        assertThat(description).doesNotContain("rejected");
    }

    private void postHistory(String jobId) {
        Random random = new Random(SEED);
        List<String> history = new ArrayList<>();
        for (int hour = 0; hour < HISTORY_HOURS; hour++) {
            history.addAll(hour(random, H0 + hour * HOUR, false));
        }
        assertThat(post(jobId, "_data", history).<Integer>get("processed_record_count"))
                .isEqualTo(history.size());
    }

    private static long historySize() {
        Random random = new Random(SEED);
        long size = 0;
        for (int hour = 0; hour < HISTORY_HOURS; hour++) {
            size += hour(random, H0 + hour * HOUR, false).size();
        }
        return size;
    }

    /**
     * Returns an hour of NDJSON records at increasing times: 6 per host with bytes normal around
     * {@code 1000 + 100 · host}. With {@code spike}, the hour starts with 6 more from {@link #SPIKE_HOST} with 20 times
     * its usual bytes, so the first half of the hour contains the spike.
     */
    private static List<String> hour(Random random, long bucketStartMs, boolean spike) {
        List<String> records = new ArrayList<>();
        int perHost = 6;
        int spikeRecords = spike ? perHost : 0;
        int slots = HOSTS * perHost + spikeRecords;
        for (int i = 0; i < slots; i++) {
            boolean spiking = i < spikeRecords;
            int host = spiking ? SPIKE_HOST_INDEX : (i - spikeRecords) % HOSTS;
            double mean = 1000.0 + 100.0 * host;
            double bytes = spiking ? 20 * mean : mean + 50.0 * random.nextGaussian();
            long time = bucketStartMs + i * (HOUR / slots);
            records.add("{\"time\":" + time + ",\"host\":\"host-" + host + "\",\"bytes\":" + bytes + "}");
        }
        return records;
    }

    private Response post(String jobId, String action, List<String> records) {
        Response response = api.post(path(jobId, action), "application/x-ndjson", String.join("\n", records) + "\n");
        assertThat(response.status())
                .as("%s %s: %s", jobId, action, response.body())
                .isEqualTo(200);
        return response;
    }

    private Map<String, Object> bucket(String jobId, long timestamp) {
        return jdbc.queryForMap(
                "select event_count, initial_anomaly_score from buckets "
                        + "where job_id = ? and timestamp = ? and not is_interim",
                jobId,
                timestamp);
    }

    private long eventCount(String jobId, long timestamp) {
        return ((Number) bucket(jobId, timestamp).get("event_count")).longValue();
    }

    /** Returns the records of a bucket with the fields that the data decides, ordered by detector and series. */
    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> records(String jobId, long timestamp) {
        Response response = api.get(path(jobId, "results/records?start=" + timestamp + "&end=" + (timestamp + HOUR)));
        List<Map<String, Object>> records = new ArrayList<>();
        for (Map<String, Object> record :
                (List<Map<String, Object>>) response.body().get("records")) {
            records.add(Map.of(
                    "detector_index", record.get("detector_index"),
                    "function", record.get("function"),
                    "by_field_value", String.valueOf(record.get("by_field_value")),
                    "actual", record.get("actual"),
                    "probability", record.get("probability"),
                    "initial_record_score", record.get("initial_record_score")));
        }
        records.sort(Comparator.comparing((Map<String, Object> record) -> (Integer) record.get("detector_index"))
                .thenComparing(record -> (String) record.get("by_field_value")));
        return records;
    }
}
