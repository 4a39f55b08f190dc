package io.vigil.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.job.Job;
import io.vigil.process.EventCountingAnalyzerFactory;
import io.vigil.process.JobFixtures;
import io.vigil.process.ServiceTest;
import io.vigil.process.TestApi.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;

/** The body formats of {@code _data}: NDJSON, concatenated JSON and CSV, with malformed input and time formats. */
@Import(EventCountingAnalyzerFactory.Beans.class)
class DataFormatsTest extends ServiceTest {

    private String openJob(String jobId, String timeFormat) {
        Job job = JobFixtures.metricJob(jobId, "1h", timeFormat);
        jobs.create(job);
        api.post(path(jobId, "_open"));
        return jobId;
    }

    private Response postData(String jobId, String contentType, String body) {
        return api.post(path(jobId, "_data"), contentType, body);
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void ndjsonSkipsMalformedLines(CapturedOutput output) {
        String jobId = openJob("formats-ndjson", "epoch");

        Response response = postData(jobId, "application/x-ndjson", """
                {"airline":"AAL","responsetime":"1","time":1403481600}
                {"airline":"AAL","responsetime":
                not json at all
                [1, 2]
                {"airline":"AAL","responsetime":"2","time":1403481601} trailing
                {"airline":"JZA","responsetime":"3","time":"1403481602"}\r

                {"airline":{"code":"x"},"responsetime":4,"time":1403481603}
                """);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.<Integer>get("processed_record_count")).isEqualTo(3);
        assertThat(response.<Integer>get("malformed_record_count")).isEqualTo(4);
        assertThat(response.<Integer>get("missing_field_count")).isEqualTo(1);
        assertThat(response.<Integer>get("processed_field_count")).isEqualTo(5);
        assertThat(response.<Integer>get("input_record_count")).isEqualTo(3);
        assertThat(output.getOut())
                .contains("[formats-ndjson] 4 records skipped as malformed (first: record 2 of the request, because the"
                        + " line is not valid JSON); send each record as one JSON object per line, or one CSV row per"
                        + " line");
        assertThat(output.getOut())
                .contains("[formats-ndjson] 1 analysis field value was missing or not a number where a metric function"
                        + " reads one (first: field [airline] in record 7 of the request was absent); the analysis"
                        + " skips such values, so send each analysed field, with a number for a metric field");
    }

    @Test
    void ndjsonMalformedLinesAmongManyBlocks() {
        String jobId = openJob("formats-ndjson-blocks", "epoch_ms");
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            if (i == 100 || i == 2500) {
                body.append("{\"airline\":\"AAL\",,}\n");
            } else if (i == 4000) {
                body.append("{\"airline\":\"AAL\",\"time\":1}{\"airline\":\"AAL\",\"time\":2}\n");
            } else {
                body.append("{\"airline\":\"AAL\",\"responsetime\":")
                        .append(i)
                        .append(",\"time\":")
                        .append(1403481600000L + i)
                        .append("}\n");
            }
        }

        Response response = postData(jobId, "application/x-ndjson", body.toString());

        assertThat(response.<Integer>get("processed_record_count")).isEqualTo(4997);
        assertThat(response.<Integer>get("malformed_record_count")).isEqualTo(3);
        assertThat(response.<Integer>get("input_field_count")).isEqualTo(4997 * 2);
        assertThat(response.<Integer>get("input_bytes")).isEqualTo(body.length());
    }

    @Test
    void concatenatedJsonAndArrays() {
        String jobId = openJob("formats-json", "epoch");

        Response response = postData(jobId, "application/json", """
                {"airline":"AAL","responsetime":"1","time":"1403481600"}{"airline":"AAL","responsetime":"2",
                "time":"1403481601"}
                [{"airline":"AAL","responsetime":"3","time":"1403481602"},
                 {"airline":"AAL","responsetime":"4","time":"1403481603"}]
                """);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.<Integer>get("processed_record_count")).isEqualTo(4);
        assertThat(response.<Integer>get("malformed_record_count")).isZero();
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void jsonSyntaxErrorReportsProcessedRecords(CapturedOutput output) {
        String jobId = openJob("formats-json-error", "epoch");

        Response response = postData(jobId, "application/json", """
                {"airline":"AAL","responsetime":"1","time":"1403481600"}
                {"airline":"AAL","responsetime":"2","time":"1403481601"}
                {"airline":"AAL",, "responsetime":"3","time":"1403481602"}
                {"airline":"AAL","responsetime":"4","time":"1403481603"}
                """);
        api.post(path(jobId, "_flush"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorType()).isEqualTo("x_content_parse_exception");
        assertThat(response.reason()).contains("line [3]").contains("the 2 records before the error were processed");
        assertThat(dataCounts(jobId).get("processed_record_count")).isEqualTo(2);
        assertThat(output.getOut())
                .contains("[formats-json-error] Upload ended early: Failed to parse the request body");
    }

    @Test
    void csvWithQuotingAndMalformedRows() {
        String jobId = openJob("formats-csv", "epoch");

        Response response = postData(
                jobId,
                "text/csv; charset=utf-8",
                "time,airline,responsetime,note\r\n"
                        + "1403481600,AAL,1.5,plain\r\n"
                        + "1403481601,\"A,L\",2,\"a \"\"quoted\"\" note\"\r\n"
                        + "1403481602,JZA,3,\"two\nlines\"\r\n"
                        + "1403481603,JZA\r\n"
                        + "1403481604,JZA,,empty responsetime\r\n");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.<Integer>get("processed_record_count")).isEqualTo(4);
        assertThat(response.<Integer>get("malformed_record_count")).isEqualTo(1);
        assertThat(response.<Integer>get("missing_field_count")).isEqualTo(1);
        assertThat(response.<Integer>get("input_field_count")).isEqualTo(11);
    }

    /** A metric field's value that is not a finite number is as good as missing: the record counts, the value not. */
    @Test
    void nonNumericMetricValuesCountAsMissing() {
        String jobId = openJob("formats-not-numbers", "epoch");

        Response ndjson = postData(jobId, "application/x-ndjson", """
                {"airline":"AAL","responsetime":"abc","time":1403481600}
                {"airline":"AAL","responsetime":"NaN","time":1403481601}
                {"airline":"AAL","responsetime":"Infinity","time":1403481602}
                {"airline":"AAL","responsetime":" 2.5 ","time":1403481603}
                {"airline":"AAL","responsetime":4,"time":1403481604}
                """);
        Response csv = postData(jobId, "text/csv", "time,airline,responsetime\n1403481605,JZA,x\n1403481606,JZA,1e2\n");

        assertThat(ndjson.status()).isEqualTo(200);
        assertThat(ndjson.<Integer>get("processed_record_count")).isEqualTo(5);
        assertThat(ndjson.<Integer>get("missing_field_count")).isEqualTo(3);
        assertThat(ndjson.<Integer>get("processed_field_count")).isEqualTo(7);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.<Integer>get("processed_record_count")).isEqualTo(2);
        assertThat(csv.<Integer>get("missing_field_count")).isEqualTo(1);
    }

    @Test
    void unsupportedContentTypeIsNotAcceptable() {
        String jobId = openJob("formats-content-type", "epoch");

        Response response = postData(jobId, "text/plain", "time,value\n1,2\n");

        assertThat(response.status()).isEqualTo(406);
        assertThat(response.reason())
                .contains("text/plain")
                .contains("application/x-ndjson, application/json, text/csv");
    }

    @Test
    void formEncodedBodyIsNotAcceptable() {
        String jobId = openJob("formats-form", "epoch");

        Response response = postData(jobId, "application/x-www-form-urlencoded", "{\"time\":1,\"value\":2}");

        assertThat(response.status()).isEqualTo(406);
        assertThat(response.reason()).contains("application/x-www-form-urlencoded");
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void invalidAndMissingDatesAreCounted(CapturedOutput output) {
        String jobId = openJob("formats-invalid-dates", "epoch_ms");

        Response response = postData(jobId, "application/x-ndjson", """
                {"airline":"AAL","responsetime":"1","time":1403481600000}
                {"airline":"AAL","responsetime":"1","time":"June"}
                {"airline":"AAL","responsetime":"1"}
                """);

        assertThat(response.<Integer>get("processed_record_count")).isEqualTo(1);
        assertThat(response.<Integer>get("invalid_date_count")).isEqualTo(2);
        assertThat(response.<Integer>get("input_record_count")).isEqualTo(3);
        assertThat(output.getOut())
                .contains("[formats-invalid-dates] 2 records skipped because time field [time] was missing or invalid"
                        + " (first: [June] in record 2 of the request); send it in time_format [epoch_ms]");

        postData(jobId, "application/x-ndjson", "{\"airline\":\"AAL\",\"responsetime\":\"1\",\"time\":\"July\"}\n");

        assertThat(output.getOut()).contains("[formats-invalid-dates] 1 record skipped because time field [time]");
    }

    @Test
    void timePatternsWithAndWithoutZone() {
        String localJob = openJob("formats-pattern-local", "yyyy-MM-dd HH:mm:ss");
        String zonedJob = openJob("formats-pattern-zoned", "yyyy-MM-dd'T'HH:mm:ssXXX");

        Response local = postData(
                localJob,
                "application/x-ndjson",
                "{\"airline\":\"A\",\"responsetime\":1,\"time\":\"2014-06-23 00:00:00\"}");
        Response zoned = postData(
                zonedJob,
                "application/x-ndjson",
                "{\"airline\":\"A\",\"responsetime\":1,\"time\":\"2014-06-23T02:00:00+02:00\"}");

        assertThat(local.<Long>get("earliest_record_timestamp")).isEqualTo(1403481600000L);
        assertThat(zoned.<Long>get("earliest_record_timestamp")).isEqualTo(1403481600000L);
    }

    @Test
    void fieldsOutsideTheAnalysisAreCountedNotKept() {
        String jobId = openJob("formats-extra-fields", "epoch");

        Response response = postData(
                jobId,
                "application/x-ndjson",
                "{\"airline\":\"AAL\",\"responsetime\":\"1\",\"a\":1,\"b\":{\"c\":2,\"d\":[3,4]},\"time\":1403481600}");

        assertThat(response.<Integer>get("input_field_count")).isEqualTo(5);
        assertThat(response.<Integer>get("processed_field_count")).isEqualTo(2);
        List<Map<String, Object>> none = buckets(jobId);
        assertThat(none).isEmpty();
    }
}
