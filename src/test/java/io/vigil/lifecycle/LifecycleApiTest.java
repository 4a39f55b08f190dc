package io.vigil.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.process.ServiceTest;
import io.vigil.process.TestApi;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

/** Base of the score lifecycle tests: helpers that drive jobs and read results through the HTTP API. */
abstract class LifecycleApiTest extends ServiceTest {

    static final long HOUR = 3_600_000L;
    /** A Monday 00:00 UTC, so that daily and weekly patterns start at a period boundary. */
    static final long T0 = 1_700_438_400_000L;

    TestApi.Response put(String path, String json) {
        return api.send(HttpRequest.newBuilder(api.uri(path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Creates and opens a job from its JSON configuration. */
    void openJob(String jobId, String config) {
        TestApi.Response created = put("/_ml/anomaly_detectors/" + jobId, config);
        assertThat(created.status()).as("create %s: %s", jobId, created.body()).isEqualTo(200);
        TestApi.Response opened = api.post(path(jobId, "_open"));
        assertThat(opened.status()).as("open %s: %s", jobId, opened.body()).isEqualTo(200);
    }

    void postData(String jobId, CharSequence ndjson) {
        TestApi.Response response = api.post(path(jobId, "_data"), "application/x-ndjson", ndjson.toString());
        assertThat(response.status()).as("post data: %s", response.body()).isEqualTo(200);
    }

    TestApi.Response flush(String jobId, String query) {
        TestApi.Response response = api.post(path(jobId, "_flush" + query));
        assertThat(response.status()).as("flush: %s", response.body()).isEqualTo(200);
        return response;
    }

    void close(String jobId) {
        assertThat(api.post(path(jobId, "_close")).status()).isEqualTo(200);
    }

    /** Returns the results of type {@code kind} ("buckets", "records", "influencers") a GET with {@code query} lists. */
    List<Map<String, Object>> results(String jobId, String kind, String query) {
        TestApi.Response response = api.get(path(jobId, "results/" + kind + "?size=10000" + query));
        assertThat(response.status()).as("get %s: %s", kind, response.body()).isEqualTo(200);
        return response.get(kind);
    }

    /** Returns one NDJSON line with epoch-ms {@code time} and the given extra fields. */
    static String line(long time, String fields) {
        return "{\"time\":" + time + (fields.isEmpty() ? "" : "," + fields) + "}\n";
    }

    static double number(Map<String, Object> result, String field) {
        return ((Number) result.get(field)).doubleValue();
    }

    static long time(Map<String, Object> result) {
        return ((Number) result.get("timestamp")).longValue();
    }
}
